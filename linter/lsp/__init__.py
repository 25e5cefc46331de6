"""The copydesk language server (``copydesk lsp``).

It speaks the Language Server Protocol on standard input and output and
lints Markdown and plain-text articles as they are edited:

- diagnostics when a document is opened or saved, and 300 ms after the last
  change (an earlier pending run is cancelled); each names the rule (with a
  link to its docs), its severity and the message;
- code actions: a finding's fix (safe and unsafe alike), a suppression
  comment on the line before the finding, and "apply all safe fixes";
- hover: the rule's summary and docs over a finding.

Configuration is read as the command line reads it: the nearest
``.copydesk.yaml`` (or ``pyproject.toml`` with ``[tool.copydesk]``) above the
document's folder, or ``--config``. One engine is built per config file and
rebuilt when that file, or a rule, names or style file it names, changes on
disk. A configuration or rule error is shown as a message and as a
diagnostic on the document's first line; it never stops the server.

Positions: copydesk counts 1-based lines and columns in characters; LSP
counts 0-based lines and columns in the code units of the negotiated
encoding (UTF-16 unless the client offers another), with lines ended by
``\\n``, ``\\r\\n`` or ``\\r`` only, as in copydesk's own line index. The
document is synchronised in full, not incrementally, so the server never
has to split lines the way the client does.

The server's state lives in ``server.CopydeskServer``, its handlers thin;
the protocol's shapes (diagnostics, ranges, workspace edits, code actions,
hovers) are made by the pure functions of ``conversions``. pygls and
lsprotocol are imported only with the server, when it starts, so that the
rest of the command works without them (they are dependencies of copydesk).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from linter.lsp.edits import TextChange, suppression_change
from linter.lsp.engines import Engines
from linter.lsp.hover import rule_docs_url
from linter.lsp.positions import to_offset, to_position

EXIT_NO_PYGLS = 2
_SERVER_NAMES = ("CopydeskServer", "DEBOUNCE_SECONDS", "create_server")  # imported with pygls, on first use

__all__ = [
    "CopydeskServer",
    "DEBOUNCE_SECONDS",
    "Engines",
    "TextChange",
    "create_server",
    "rule_docs_url",
    "serve",
    "suppression_change",
    "to_offset",
    "to_position",
]


def serve(args: argparse.Namespace) -> int:
    """Run the language server on standard input and output (see
    linter.lsp.server.run); 2 when pygls is missing."""
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401
    except ImportError as error:
        print(
            f"copydesk: error: the language server needs pygls ({error}); "
            "install copydesk again with its dependencies (pip install copydesk, or pip install . from a clone)",
            file=sys.stderr,
        )
        return EXIT_NO_PYGLS
    from linter.lsp.server import run

    return run(args)


def __getattr__(name: str) -> Any:
    if name in _SERVER_NAMES:
        from linter.lsp import server

        return getattr(server, name)
    raise AttributeError(f"module 'linter.lsp' has no attribute {name!r}")
