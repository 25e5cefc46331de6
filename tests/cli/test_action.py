"""The GitHub Action (action.yml at the repository's root): its metadata
has the keys GitHub's action metadata syntax requires, and its run steps,
executed here with bash as a runner would, lint a fixture repository."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT

CHECKOUT = ROOT


def action() -> dict:
    return yaml.safe_load((CHECKOUT / "action.yml").read_text(encoding="utf-8"))


def test_the_metadata_has_what_github_requires() -> None:
    meta = action()
    assert isinstance(meta["name"], str) and isinstance(meta["description"], str)
    for name, spec in meta["inputs"].items():
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", name)
        assert isinstance(spec["description"], str) and set(spec) <= {"description", "required", "default", "deprecationMessage"}
    runs = meta["runs"]
    assert runs["using"] == "composite"
    for step in runs["steps"]:
        assert ("run" in step) != ("uses" in step), "a step runs a command or uses an action"
        if "run" in step:
            assert step["shell"] == "bash", "a composite action's run step must name its shell"
    used = {m for step in runs["steps"] for value in [step.get("run", ""), *step.get("env", {}).values(), *step.get("with", {}).values()]
            for m in re.findall(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", str(value))}
    assert used <= set(meta["inputs"]), "every input the steps read is declared"


def _expand(text: str, inputs: dict[str, str]) -> str:
    text = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], text)
    return text.replace("${{ github.action_path }}", str(CHECKOUT))


@pytest.mark.integration
def test_the_run_steps_lint_a_fixture_repository(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    (repo / "stories").mkdir(parents=True)
    (repo / "stories" / "defective.txt").write_bytes((EXAMPLES / "defective.txt").read_bytes())
    (repo / "stories" / "clean.md").write_bytes((EXAMPLES / "clean.md").read_bytes())
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "runner")], check=True)
    env = {**os.environ, "PATH": f"{tmp_path / 'runner' / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    meta = action()
    inputs = {name: str(spec.get("default", "")) for name, spec in meta["inputs"].items()}
    inputs.update(paths="stories", sarif="copydesk.sarif")
    outputs = []
    for step in meta["runs"]["steps"]:
        if "run" not in step:
            continue  # actions/setup-python: the runner's venv stands in for it
        step_env = {**env, **{key: _expand(str(value), inputs) for key, value in step.get("env", {}).items()}}
        done = subprocess.run(["bash", "-e", "-c", _expand(step["run"], inputs)], cwd=repo, env=step_env,
                              capture_output=True, text=True, timeout=600)
        outputs.append(done)
    install, lint = outputs
    assert install.returncode == 0, install.stderr
    assert lint.returncode == 1, lint.stdout + lint.stderr  # the defective story fails the step
    assert "::error file=stories/defective.txt,line=4" in lint.stdout
    assert '"version": "2.1.0"' in (repo / "copydesk.sarif").read_text(encoding="utf-8")
