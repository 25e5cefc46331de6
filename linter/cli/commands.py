"""The ``copydesk`` command.

Exit codes: 0 when nothing at or above the failing severity was found, 1
when something was, 2 for a usage, configuration or rule error.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
from pathlib import Path
import sys
from typing import TYPE_CHECKING, NoReturn, Sequence, TextIO

from linter.support import patterns

from linter import version
from linter.core.config import Config, find_config, load_config
from linter.article.document import ArticleError
from linter.support.errors import ConfigError
from linter.results.findings import SEVERITIES, severity_rank
from linter.core.reporter import ReportError

if TYPE_CHECKING:
    from linter.core.valeini import ValeIni

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _id_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, told the terminal's width. argparse makes
    one for every argument it is given, and finding the width itself
    imports shutil: a millisecond of every run, for help most runs never
    print."""

    def __init__(self, prog: str) -> None:
        try:
            width = int(os.environ["COLUMNS"])
        except (KeyError, ValueError):
            try:
                width = os.get_terminal_size(sys.__stdout__.fileno()).columns
            except (AttributeError, ValueError, OSError):
                width = 80
        super().__init__(prog, width=width - 2)  # the margin argparse leaves


class _Parser(argparse.ArgumentParser):
    """An argument parser (and, through add_subparsers, its subcommands')
    with the help formatter above."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="copydesk", description="An editorial quality linter for news articles.")
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = _Parser(add_help=False)
    common.add_argument("--config", type=Path, help="configuration file (default: nearest .copydesk.yaml or pyproject.toml)")
    common.add_argument("--style", help="house style for names: nyt (default) or ap")

    check = commands.add_parser("check", parents=[common], help="lint articles")
    check.add_argument("paths", nargs="*", default=["."], help="files, folders or fsspec URLs (default: .); - reads a story from standard input")
    check.add_argument("--read-as", metavar="FORMAT", help="read every file with this input format (text, markdown, html), whatever its suffix")
    check.add_argument("--stdin-filename", type=Path, metavar="NAME", help="with -: the story's file name (its suffix picks the format; config patterns match it)")
    check.add_argument("--format", default="text", help="output format: text (default), json, sarif, github, junit, gitlab, vale-template")
    check.add_argument("--select", type=_id_list, action="extend", help="only these rules (ids or globs, comma-separated)")
    check.add_argument("--ignore", type=_id_list, action="extend", help="skip these rules (ids or globs, comma-separated)")
    check.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that makes the exit code 1 (default: warning)")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes (remove exact repeats), then report what is left")
    fixing.add_argument("--diff", action="store_true", help="show the fixes as a unified diff; write nothing")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: also rewrite names to the house form")
    check.add_argument("--jobs", "-j", type=int, help="lint in this many processes (default: every core)")
    check.add_argument("--executor", choices=("local", "dask"), default="local", help="where to lint: here, or on a Dask cluster")
    check.add_argument("--scheduler", help="with --executor dask: the scheduler's address (default: a local cluster)")
    check.add_argument("--output-file", type=Path, help="write the report to this file instead of standard output")
    check.add_argument("--show-source", action="store_true", help="text output: print each finding's line with a caret under it")
    check.add_argument("--statistics", action="store_true", help="report how many findings each rule has, not each finding")
    check.add_argument("--baseline", type=Path, help="report only findings not recorded in this baseline file")
    check.add_argument("--write-baseline", type=Path, metavar="FILE", help="record every finding of this run in FILE")
    check.add_argument("--vale-config", type=Path, help="Vale's .vale.ini (default: the nearest, as Vale finds it)")
    check.add_argument("--min-alert-level", choices=("suggestion", "warning", "error"), help="the Vale configuration's MinAlertLevel, overridden")
    check.add_argument(
        "--exclude", action="append", metavar="PATTERN", help="skip the files and folders this gitignore-style pattern matches, besides the config's exclude (repeatable)"
    )
    check.add_argument(
        "--vale-output", metavar="TEMPLATE", help="write findings through a Vale output template (a file, or one in StylesPath/config/templates)"
    )
    check.add_argument("--vale-filter", metavar="EXPR", help="Vale's --filter: only the Vale rules this expression (or .expr file) picks")
    check.add_argument("--allow-no-files", action="store_true", help="exit 0, not 2, when the paths hold no article")
    check.add_argument("--no-cache", action="store_true", help="neither use nor keep the results of earlier runs")
    check.add_argument(
        "--archive", type=Path, action="append", metavar="PATH", help="stories to compare new copy with, not reported on (repeatable)"
    )

    rules = commands.add_parser("rules", parents=[common], help="list every rule with its pack")
    rules.add_argument("--all", action="store_true", help="include rules of packs that are not enabled")

    explain = commands.add_parser("explain", parents=[common], help="what a rule checks, why, an example, the fix")
    explain.add_argument("rule", help="rule id")

    read = commands.add_parser("parse", help="print the document model of an article: blocks, sentences, quotations")
    read.add_argument("path", type=Path, help="the article")
    read.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")

    commands.add_parser("lsp", parents=[common], help="run the language server on standard input and output")

    init = commands.add_parser("init", help="write a commented .copydesk.yaml to start from")
    init.add_argument("folder", nargs="?", type=Path, default=Path("."), help="where to write it (default: .)")
    init.add_argument("--style", default="nyt", help="house style for names: nyt (default), ap or british")

    docs = commands.add_parser("docs", parents=[common], help="write the reference (Markdown) of every shipped rule and check type")
    docs.add_argument("--output", type=Path, help="write to this file (default: standard output)")

    names = commands.add_parser("names", help="work with names registries")
    names_commands = names.add_subparsers(dest="names_command", required=True, metavar="ACTION")
    names_check = names_commands.add_parser("check", parents=[common], help="validate registry files")
    names_check.add_argument("files", nargs="+", type=Path)
    names_suggest = names_commands.add_parser("suggest", parents=[common], help="people in articles not in the registry")
    names_suggest.add_argument("paths", nargs="*", type=Path, default=[Path(".")], help="files or folders (default: .)")
    names_suggest.add_argument(
        "--format", choices=("text", "yaml"), default="text", help="yaml: entries ready to paste into a registry"
    )
    return parser


class _VersionAction(argparse.Action):
    """--version, looked up only when asked (the lookup reads package
    metadata, which every run would otherwise pay for)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        print(f"copydesk {version()}")
        parser.exit()


def run() -> NoReturn:
    """The ``copydesk`` command: ``main()``, then a quick exit.

    Python's own exit tears down every module and object it made, about 6
    ms after a one-file run, paid on every commit by a pre-commit hook. The
    command runs the exit handlers (worker pools, logging), flushes its
    output and ends the process without that teardown. ``main()`` is what
    tests and programs that embed copydesk call.
    """
    gc.disable()  # for start-up (see _collect_garbage)
    code = main()
    threading = sys.modules.get("threading")
    if threading and any(not t.daemon and t is not threading.main_thread() for t in threading.enumerate()):
        sys.exit(code)  # a thread still working (a cluster client's, the server's): Python's exit waits for it
    atexit._run_exitfuncs()  # first: a handler may still write
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader went away, or the stream was closed (the LSP server)
            pass
        except OSError as error:  # e.g. a full disk under a redirected report
            os.write(2, f"copydesk: error: cannot write the report: {error}\n".encode())
            code = EXIT_ERROR
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`copydesk check ... | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS
    finally:
        patterns.persist()


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "lsp":
        # The server reads each document's own config and reports its errors
        # in the editor, so a broken config must not stop it from starting.
        from linter.lsp import serve

        _collect_garbage()
        return serve(args)
    if args.command == "parse":
        return _parse(args, sys.stdout)
    if args.command == "init":
        return _init(args)
    try:
        config = load_config(args.config or find_config(Path.cwd()))
        if args.command == "check":
            return _check(args, config, sys.stdout)
        if args.command == "rules":
            return _rules(args, config, sys.stdout)
        if args.command == "names":
            return _names(args, config, sys.stdout)
        if args.command == "docs":
            return _docs(args, config, sys.stdout)
        return _explain(args, config, sys.stdout)
    except ConfigError as error:
        for problem in str(error).splitlines():  # several at once (a names registry's every error)
            print(f"copydesk: error: {problem}", file=sys.stderr)
        return EXIT_ERROR


def _engine(args: argparse.Namespace, config: Config):  # type: ignore[no-untyped-def]
    from linter.core.engine import Engine
    from linter.core.plugins import load_plugins

    engine = Engine(config, load_plugins(), style=args.style)
    _collect_garbage()
    return engine


def _collect_garbage() -> None:
    """Turn the garbage collector back on, when ``run()`` turned it off.

    Start-up makes tens of thousands of objects (modules, rules, patterns)
    that live as long as the run, and collecting while making them only
    scans them again and again (3 ms of a one-file run). Frozen, they are
    never scanned again; the collector is on for the linting."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _check(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from dataclasses import replace

    from linter.core import vale_filter, valeini

    vale_ini = valeini.near(Path.cwd(), args.vale_config)
    vale_only = [name for name, given in (("--min-alert-level", args.min_alert_level), ("--vale-filter", args.vale_filter)) if given]
    if vale_only and vale_ini is None:
        verb = "apply" if len(vale_only) > 1 else "applies"
        print(f"copydesk: error: {' and '.join(vale_only)} {verb} to a Vale configuration; no .vale.ini was found", file=sys.stderr)
        return EXIT_ERROR
    if vale_ini and args.min_alert_level:
        vale_ini = replace(vale_ini, min_alert_level=args.min_alert_level)
    if vale_ini and args.vale_filter:
        vale_ini = replace(vale_ini, filter=vale_filter.read(args.vale_filter))
    # The run's settings: the loaded config as read, with the command line's over it.
    config = config.replaced(
        vale_ini=vale_ini,
        select=args.select or config.select,
        ignore=[*config.ignore, *args.ignore] if args.ignore else config.ignore,
        exclude=[*config.exclude, *args.exclude] if args.exclude else config.exclude,
        read_as=args.read_as,
    )
    stdin = "-" in args.paths
    if (stdin and len(args.paths) > 1) or (args.stdin_filename and not stdin):
        print("copydesk: error: '-' (standard input) is given alone, and --stdin-filename only with it", file=sys.stderr)
        return EXIT_ERROR
    urls = [p for p in args.paths if "://" in p]
    if urls and args.executor != "dask":
        print("copydesk: error: URLs need --executor dask", file=sys.stderr)
        return EXIT_ERROR
    args.paths = [Path(p) for p in args.paths if "://" not in p]
    missing = [str(p) for p in args.paths if not p.exists() and not stdin]
    missing += [str(p) for p in args.archive or [] if not p.exists()]
    if missing:
        print(f"copydesk: error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_ERROR
    engine = _engine(args, config)
    from linter.core.selection import check_rule_ids

    _warn(check_rule_ids(engine, {"--select": args.select or [], "--ignore": args.ignore or []}))
    reporters = engine.plugins.reporters
    if args.format not in reporters:
        print(f"copydesk: error: unknown format '{args.format}' (known: {', '.join(sorted(reporters))})", file=sys.stderr)
        return EXIT_ERROR
    if args.vale_output:
        found = _vale_template(args.vale_output, engine.config.vale_ini)
        if found is None:
            print(f"copydesk: error: --vale-output: template '{args.vale_output}' not found", file=sys.stderr)
            return EXIT_ERROR
        from linter.support import gotemplate

        try:
            gotemplate.check(found)
        except gotemplate.TemplateError as error:
            print(f"copydesk: error: --vale-output: template '{args.vale_output}': {error}", file=sys.stderr)
            return EXIT_ERROR
        args.format, args.template = "vale-template", found
    input_formats = sorted(f.name for f in engine.plugins.formats)
    if args.read_as and args.read_as not in input_formats:
        print(f"copydesk: error: --read-as: unknown input format '{args.read_as}' (known: {', '.join(input_formats)})", file=sys.stderr)
        return EXIT_ERROR
    if stdin:
        from linter.cli.stdin import STDIN_NAME, lint_stdin

        name = args.stdin_filename or STDIN_NAME
        result, story = lint_stdin(engine, sys.stdin.buffer, name, args.fix or args.diff, args.unsafe_fixes)
        if args.diff:
            _warn(result.problems)
            changed = story is not None and story.fixed != story.source.text
            out.write(story.diff() if changed else "")
            return EXIT_FINDINGS if changed else EXIT_CLEAN
        if args.fix:
            # The fixed story is the output, so the report goes to standard error.
            if story is not None:
                _write_bytes(out, story.source.encode(story.fixed))
            out = sys.stderr
    elif args.diff:
        return _diff(engine, args.paths, out, args.unsafe_fixes, args.allow_no_files)
    else:
        if args.fix:
            _fix(engine, args.paths, args.unsafe_fixes)
        result = _lint_paths(args, engine, urls)
        if result is None:
            return EXIT_ERROR
    _warn(result.problems)
    if not result.files and not args.allow_no_files:
        return _no_articles([*args.paths, *urls])
    if args.write_baseline:
        from linter.results import baseline

        count = baseline.write(args.write_baseline, result.findings)
        print(f"copydesk: recorded {count} findings in {args.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    close = getattr(result.findings, "close", None)  # findings spilled to disk by a cluster run
    if args.baseline:
        from linter.results import baseline

        result.findings = baseline.new_findings(result.findings, baseline.load(args.baseline), args.baseline)
    try:
        try:
            if args.output_file:
                with args.output_file.open("w", encoding="utf-8", newline="") as stream:
                    _report(args, engine, reporters, result, stream)
            else:
                _report(args, engine, reporters, result, out)
        except ReportError as error:
            print(f"copydesk: error: {error}", file=sys.stderr)
            return EXIT_ERROR
        file_problems = {check.rule.id for check in engine.file_problems.values()}
        if config.strict_files and any(f.rule in file_problems for f in result.findings):
            return EXIT_ERROR
        threshold = severity_rank(args.fail_on or config.fail_on)
        failing = any(severity_rank(f.severity) >= threshold for f in result.findings)
    finally:
        if close:
            close()
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _lint_paths(args: argparse.Namespace, engine, urls: list[str]):  # type: ignore[no-untyped-def]
    """The run over the paths (and URLs) given, here or on a Dask cluster;
    None when the cluster's extra is not installed."""
    if args.executor == "dask":
        try:
            from linter.distributed import lint_with_dask
        except ImportError:
            print("copydesk: error: --executor dask needs copydesk[dask]: pip install 'copydesk[dask]'", file=sys.stderr)
            return None
        return lint_with_dask(engine, [*map(str, args.paths), *urls], args.scheduler, spill=bool(args.output_file))
    from linter.core.parallel import default_jobs
    from linter.reporters.terminal import Progress

    progress = Progress(sys.stderr)
    archive = [*(_shown(path) for path in engine.config.archive), *(args.archive or [])]
    try:
        return engine.lint_paths(
            args.paths, jobs=args.jobs or default_jobs(), progress=progress, cache=not args.no_cache, archive=archive
        )
    finally:
        progress.close()


def _shown(path: Path) -> Path:
    """A path of the config as findings name it: relative to the working
    folder when it lies under it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _write_bytes(out: TextIO, data: bytes) -> None:
    """Write a story's bytes (its own encoding and byte-order mark) to a
    text stream, through its byte buffer where it has one."""
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        out.write(data.decode("utf-8", "surrogateescape"))


def _report(args: argparse.Namespace, engine, reporters, result, out: TextIO) -> None:  # type: ignore[no-untyped-def]
    if args.statistics:
        from linter.reporters.statistics import write_statistics

        write_statistics(result, {r.id: r for r in engine.rules}, out)
        return
    from linter.core.reporter import ReportSettings, build_reporter

    settings = ReportSettings(
        rules={r.id: r for r in engine.rules},
        fail_on=args.fail_on or engine.config.fail_on,
        docs_url=engine.config.docs_url,
        show_source=args.show_source,
        unsafe_fixes=args.unsafe_fixes,
        template=getattr(args, "template", ""),
    )
    build_reporter(reporters[args.format].load(), out, settings).report(result)


def _vale_template(name: str, vale_ini: "ValeIni | None") -> str | None:
    """The text of a Vale output template: the file named, or Vale's
    ``StylesPath/config/templates/NAME``; None when neither is there."""
    places = [Path(name)]
    if vale_ini is not None and vale_ini.styles_path is not None:
        places.append(vale_ini.styles_path / "config" / "templates" / name)
    for place in places:
        try:
            return place.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # not there, not a file, or not text: not a template
            continue
    return None


def _no_articles(paths: Sequence[object]) -> int:
    """A gate that lints nothing must not pass: a wrong path or pattern would
    otherwise go green for ever."""
    where = ", ".join(map(str, paths))
    print(f"copydesk: error: no articles found in {where} (--allow-no-files to accept that)", file=sys.stderr)
    return EXIT_ERROR


def _diff(engine, paths: list[Path], out: TextIO, unsafe: bool, allow_no_files: bool) -> int:  # type: ignore[no-untyped-def]
    """Print the fixes as a diff; exit 1 when there is one."""
    from linter.core.autofix import fix_file
    from linter.results.run import Accumulator

    run = Accumulator()
    changed = 0
    files = engine.files(paths)
    if not files and not allow_no_files:
        return _no_articles(paths)
    for path in files:
        file_fix = fix_file(engine, path, run, unsafe)
        if file_fix:
            out.write(file_fix.diff())
            changed += 1
    _warn(run.problems)
    return EXIT_FINDINGS if changed else EXIT_CLEAN


def _fix(engine, paths: list[Path], unsafe: bool) -> None:  # type: ignore[no-untyped-def]
    from linter.core.autofix import fix_file
    from linter.article.source import NotWritten, remove_stale_temporaries, write_source
    from linter.results.run import Accumulator

    run = Accumulator()
    fixed = files = 0
    targets = engine.files(paths)
    for folder in dict.fromkeys(path.parent for path in targets):
        remove_stale_temporaries(folder)  # left by a run that was killed
    for path in targets:
        file_fix = fix_file(engine, path, run, unsafe)
        if not file_fix:
            continue
        try:
            write_source(file_fix.source, file_fix.fixed, engine.config.max_file_size)
        except NotWritten as error:
            run.problems.append(f"{error}")
            continue
        fixed, files = fixed + file_fix.applied, files + 1
    _warn(run.problems)
    if fixed:
        print(f"copydesk: fixed {fixed} problem{'s' if fixed != 1 else ''} in {files} file{'s' if files != 1 else ''}", file=sys.stderr)


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    """``copydesk parse FILE``: the document model as the rules read it."""
    from linter.article import outline
    from linter.core.plugins import load_plugins
    from linter.article.source import UnreadableFile, read_source

    input_format = load_plugins().format_for(args.path)
    try:
        if input_format is None:
            raise UnreadableFile("no input format can read this file")
        if input_format.archive:
            raise UnreadableFile("an archive of many stories; `copydesk parse` shows one story")
        doc = input_format.parse(args.path, read_source(args.path).text)
    except (UnreadableFile, ArticleError, OSError) as error:
        print(f"copydesk: error: {args.path}: {getattr(error, 'message', error)}", file=sys.stderr)
        return EXIT_ERROR
    out.write(outline.to_json(doc) if args.format == "json" else outline.to_text(doc))
    return EXIT_CLEAN


def _warn(problems: list[str]) -> None:
    for problem in dict.fromkeys(problems):
        print(f"copydesk: warning: {problem}", file=sys.stderr)


def _names(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from linter.language.names import load_registries

    if args.names_command == "check":
        from linter.core.plugins import load_plugins

        shipped = load_plugins().name_registries
        for path in args.files:
            # Layered over the shipped registries, as a run loads it: a
            # conflict with a shipped person is an error too.
            load_registries([*shipped, path])  # raises ConfigError with file:line
            people = load_registries([path])
            out.write(f"{path}: {len(people)} people, valid\n")
        return EXIT_CLEAN
    from linter.language.inference import suggest
    from linter.article.source import UnreadableFile, read_source

    engine = _engine(args, config)
    docs = []
    for path in engine.files(args.paths):
        try:
            source = read_source(path)
            input_format = engine.format_for(path)
            if input_format.archive:  # many stories; a record that cannot be read is left out
                docs += [d for d in input_format.parse(path, source.text, engine.config) if not isinstance(d, ArticleError)]
            else:
                docs.append(input_format.parse(path, source.text))
        except (UnreadableFile, ArticleError) as error:
            print(f"copydesk: warning: {path}: {error}", file=sys.stderr)
    found = suggest(engine.context.people_finder, docs, engine.context.people)
    if args.format == "yaml":
        from linter.language.names import registry_yaml

        out.write(registry_yaml(found))
        return EXIT_CLEAN
    for person, count in found:
        out.write(f"{count:>5}  {person.name}\n")
    return EXIT_CLEAN


def _init(args: argparse.Namespace) -> int:
    from linter.cli.init_config import write_config
    from linter.core.plugins import load_plugins

    styles = load_plugins().styles
    if args.style not in styles:
        print(f"copydesk: error: unknown house style '{args.style}' (known: {', '.join(sorted(styles))})", file=sys.stderr)
        return EXIT_ERROR
    try:
        path = write_config(args.folder, args.style)
    except (ConfigError, OSError) as error:
        print(f"copydesk: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    print(f"copydesk: wrote {path}; `copydesk check` reads it", file=sys.stderr)
    return EXIT_CLEAN


def _all_rules(engine):  # type: ignore[no-untyped-def]
    """Every rule of every pack a plugin provides, enabled or not."""
    from linter.core.rules import load_packs

    return load_packs([(p.name, p.path) for p in engine.plugins.packs.values()], engine.plugins.check_types)


def _docs(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from linter.core.reference import reference

    engine = _engine(args, config)
    page = reference(_all_rules(engine), engine.plugins.check_types)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(page, encoding="utf-8")
    else:
        out.write(page)
    return EXIT_CLEAN


def _rules(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    engine = _engine(args, config)
    rules = _all_rules(engine) if args.all else engine.rules
    width = max((len(r.id) for r in rules), default=0)
    for rule in rules:
        off = "" if rule.default else " (off by default)"
        out.write(f"{rule.id:<{width}}  {rule.pack:<8} {rule.severity:<8} {rule.summary}{off}\n")
    return EXIT_CLEAN


def _explain(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    engine = _engine(args, config)
    by_id = {r.id: r for r in [*_all_rules(engine), *engine.rules]}
    rule = by_id.get(args.rule)
    if rule is None:
        from linter.support.suggest import did_you_mean

        hint = did_you_mean(args.rule, by_id)
        print(f"copydesk: error: unknown rule '{args.rule}'{hint}; `copydesk rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    off = "" if rule.default else ", off by default: runs when `select` names it"
    out.write(f"{rule.id} ({rule.severity}, pack {rule.pack}, check type {rule.check}{off})\n\n{rule.summary}\n")
    for key, heading in (("what", "What it checks"), ("why", "Why"), ("example", "Example"), ("fix", "Fix")):
        if key in rule.docs:
            body = "\n".join("  " + line if line else "" for line in rule.docs[key].splitlines())
            out.write(f"\n{heading}:\n{body}\n")
    return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
