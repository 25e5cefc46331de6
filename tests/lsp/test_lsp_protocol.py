"""The language server answers every request and keeps its protocol stream
clean: driven here by a raw JSON-RPC client, as a misbehaving editor or a
noisy plugin would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls (copydesk[lsp])")

# A plugin stand-in that writes to standard output in every way it can while
# a story is linted: print, sys.__stdout__ and file descriptor 1.
NOISY = '''
import os, sys
from linter.core import engine
real = engine.Engine.check_document
def noisy(self, doc, problems):
    print("print from a plugin")
    sys.__stdout__.write("stdout from a plugin\\n"); sys.__stdout__.flush()
    os.write(1, b"fd 1 from a plugin\\n")
    return real(self, doc, problems)
engine.Engine.check_document = noisy
'''


class RawClient:
    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "linter", "lsp"], cwd=cwd, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self.seen: list[dict[str, Any]] = []

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self) -> dict[str, Any]:
        """The next message; anything on the stream that is not a framed
        message fails the test."""
        assert self.proc.stdout is not None
        headers = {}
        while (line := self.proc.stdout.readline()) != b"\r\n":
            name, colon, value = line.partition(b":")
            assert colon and name in (b"Content-Length", b"Content-Type"), f"not a protocol header: {line!r}"
            headers[name] = value.strip()
        message = json.loads(self.proc.stdout.read(int(headers[b"Content-Length"])))
        self.seen.append(message)
        return message

    def reply(self, request_id: int) -> dict[str, Any]:
        while True:
            message = self.read()
            if message.get("id") == request_id and "method" not in message:
                return message

    def notification(self, method: str) -> dict[str, Any]:
        while True:
            message = self.read()
            if message.get("method") == method:
                return message

    def close(self) -> int:
        self.send({"method": "exit"})
        return self.proc.wait(timeout=30)


@pytest.fixture
def client(tmp_path: Path):  # type: ignore[no-untyped-def]
    raw = RawClient(tmp_path)
    raw.send({"id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": tmp_path.as_uri()}})
    assert "result" in raw.reply(1)
    raw.send({"method": "initialized", "params": {}})
    yield raw
    raw.proc.kill()


def test_a_request_with_invalid_params_gets_an_error_reply(client: RawClient) -> None:
    client.send({"id": 2, "method": "textDocument/hover", "params": {"bogus": 1}})
    assert client.reply(2)["error"]["code"] == -32602  # InvalidParams


def test_a_request_after_shutdown_gets_invalid_request(client: RawClient) -> None:
    client.send({"id": 2, "method": "shutdown"})
    assert client.reply(2)["result"] is None
    position = {"textDocument": {"uri": "file:///story.md"}, "position": {"line": 0, "character": 0}}
    client.send({"id": 3, "method": "textDocument/hover", "params": position})
    assert client.reply(3)["error"]["code"] == -32600  # InvalidRequest
    assert client.close() == 0


def _open(client: RawClient, path: Path, text: str) -> dict[str, Any]:
    item = {"uri": path.as_uri(), "languageId": "markdown", "version": 1, "text": text}
    client.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
    return client.notification("textDocument/publishDiagnostics")["params"]


def test_a_story_that_cannot_be_linted_shows_one_diagnostic_saying_why(client: RawClient, tmp_path: Path) -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
    ) + "---\n\nA paragraph of the story.\n"
    params = _open(client, tmp_path / "bomb.md", bomb)
    [diagnostic] = params["diagnostics"]
    assert diagnostic["code"] == "invalid-article" and "expand to more than" in diagnostic["message"]


def test_what_a_plugin_writes_to_standard_output_never_reaches_the_protocol(tmp_path: Path) -> None:
    (tmp_path / "plugin-noise").mkdir()
    (tmp_path / "plugin-noise" / "sitecustomize.py").write_text(NOISY)
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "plugin-noise")}
    client = RawClient(tmp_path, env)
    try:
        client.send({"id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": tmp_path.as_uri()}})
        client.reply(1)
        client.send({"method": "initialized", "params": {}})
        params = _open(client, tmp_path / "story.md", "# Harbor Board Backs Dredging\n\nOfficials say the work could take a year.\n")
        assert "vague-sourcing" in [d["code"] for d in params["diagnostics"]]
        client.send({"id": 2, "method": "shutdown"})
        client.reply(2)
        assert client.close() == 0
    finally:
        client.proc.kill()


def test_rule_links_follow_the_configs_docs_url(tmp_path: Path) -> None:
    (tmp_path / ".copydesk.yaml").write_text("docs_url: https://desk.example.org/rules/{rule}\n")
    client = RawClient(tmp_path)
    try:
        client.send({"id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": tmp_path.as_uri()}})
        client.reply(1)
        client.send({"method": "initialized", "params": {}})
        params = _open(client, tmp_path / "story.md", "# Harbor Board Backs Dredging\n\nOfficials say the work could take a year.\n")
        [vague] = [d for d in params["diagnostics"] if d["code"] == "vague-sourcing"]
        assert vague["codeDescription"] == {"href": "https://desk.example.org/rules/vague-sourcing"}
        position = {"textDocument": {"uri": (tmp_path / "story.md").as_uri()}, "position": vague["range"]["start"]}
        client.send({"id": 2, "method": "textDocument/hover", "params": position})
        assert "(https://desk.example.org/rules/vague-sourcing)" in client.reply(2)["result"]["contents"]["value"]
    finally:
        client.proc.kill()
