"""The command line (``copydesk``). Its commands live in
``linter.cli.commands``; ``main`` and ``run`` are here too, as they always
were."""

from __future__ import annotations

from typing import NoReturn, Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run copydesk with ``argv``; return the exit code."""
    from linter.cli.commands import main as command_main

    return command_main(argv)


def run() -> NoReturn:
    """The console script: run with ``sys.argv`` and exit."""
    from linter.cli.commands import run as command_run

    command_run()
