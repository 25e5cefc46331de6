from linter.cli.commands import run

run()
