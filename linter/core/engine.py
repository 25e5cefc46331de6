"""The engine: loads the active rules once, then reads, parses and checks
each article, collecting findings in a stable order."""

from __future__ import annotations

from pathlib import Path
from time import monotonic
from typing import Callable, Iterable

from linter.support import budget

from linter.article import suppression
from linter.core.check import Check, CorpusCheck
from linter.core.file_problem import PROBLEM_INVALID, PROBLEM_TIMEOUT, PROBLEM_UNREADABLE, FileProblem
from linter.core.suppression_comments import SuppressionComments
from linter.core.config import Config
from linter.core.context import RunContext
from linter.article.discovery import discover
from linter.article.document import ArticleError, Document, LineIndex, Span
from linter.support.errors import ConfigError
from linter.results.findings import SEVERITIES, Finding
from linter.results.run import Accumulator, FileResult, RunResult
from linter.core.hookspecs import InputFormat
from linter.core.plugins import Plugins
from linter.core.word_index import LiteralIndex
from linter.core.rule import Rule
from linter.core.rules import ensure_unique, load_packs
from linter.article.source import SourceFile, UnreadableFile, read_source
from linter.article.suppression import Suppressions
from linter.core import vale_comments
from linter.core.vale import load_configured, load_styles, vale_name

INDEX_AFTER = 16  # documents checked before the rules' words are indexed


class Engine:
    def __init__(self, config: Config, plugins: Plugins, style: str | None = None) -> None:
        self.config = config
        self.plugins = plugins
        self.load_notes: list[str] = []
        rules = self._load_packs(self._pack_folders())
        vale_rules, vale_notes = load_styles(config.vale, plugins.check_types)
        self.load_notes += vale_notes
        self.vale_configured: dict[str, str] = {}  # Style.Rule of each rule a .vale.ini names, by id
        if config.vale_ini is not None:
            configured, self.vale_configured, vale_notes = load_configured(config.vale_ini, plugins.check_types)
            vale_rules += configured
            self.load_notes += vale_notes
        self.vale_names = {rule.id: vale_name(rule) for rule in vale_rules}  # Style.Rule of every Vale rule, by id
        # Vale's comments silence rules that read the text, not those that read the raw file
        self.vale_commented = {rule.id: vale_name(rule) for rule in vale_rules if not rule.params.get("whole_text")}
        self.loaded_rules = ensure_unique([*rules, *vale_rules])
        self.rules = self._active_rules(self.loaded_rules)
        self.context = RunContext(
            config,
            style or "",
            house_styles=lambda: {s.name: s.path for s in plugins.styles.values()},
            name_registries=lambda: plugins.name_registries,
            active_rule_ids=frozenset(r.id for r in self.rules),
            across_rule_ids=frozenset(r.id for r in self.rules if issubclass(plugins.check_types[r.check], CorpusCheck)),
            known_rule_ids=lambda: frozenset(self.all_rules()),
        )
        self.checks: list[Check] = [plugins.check_types[r.check](r, self.context) for r in self.rules]
        self.corpus_checks = [c for c in self.checks if isinstance(c, CorpusCheck)]
        plugins.formats  # collected now, so that what they report is in every run's problems
        self.file_problems = {c.options["problem"]: c for c in self.checks if isinstance(c, FileProblem)}
        self.suppression_reviews = [c for c in self.checks if isinstance(c, SuppressionComments)]
        self.documents_checked = 0
        self.disabled: set[Check] = set()

    def _pack_folders(self) -> list[tuple[str, Path]]:
        packs = self.plugins.packs
        for name in self.config.packs:
            if name not in packs:
                raise ConfigError(f"packs: unknown rule pack '{name}' (known: {', '.join(sorted(packs))})", self.config.source)
        folders = [(p.name, p.path) for p in packs.values() if p.default or p.name in self.config.packs]
        return folders + [(f"local:{folder.name}", folder) for folder in self.config.rules]

    def _load_packs(self, folders: list[tuple[str, Path]]) -> list[Rule]:
        """The packs' rules. A plugin's pack that is missing or broken is
        reported and left out, and the run goes on; a broken rule of the
        config's own folders is the user's to fix (exit 2)."""
        try:
            return load_packs(folders, self.plugins.check_types)
        except ConfigError:
            pass
        rules: list[Rule] = []
        for name, folder in folders:
            try:
                rules += load_packs([(name, folder)], self.plugins.check_types)
            except ConfigError as error:
                if name.startswith("local:"):
                    raise
                owner = self.plugins.pack_owners.get(name, name)
                self.load_notes.append(f"plugin '{owner}': rule pack '{name}' left out: {error}")
        return ensure_unique(rules)

    def all_rules(self) -> dict[str, Rule]:
        """Every rule a pack, the config or a plugin defines, enabled or not,
        by id (the loaded ones win)."""
        if self._all_rules is None:
            packs = [(p.name, p.path) for p in self.plugins.packs.values()]
            self._all_rules = {r.id: r for r in load_packs(packs, self.plugins.check_types)}
            self._all_rules.update((r.id, r) for r in self.loaded_rules)
        return self._all_rules

    _all_rules: dict[str, Rule] | None = None

    def _active_rules(self, rules: list[Rule]) -> list[Rule]:
        active = []
        for rule in rules:
            if not self.config.wants(rule.id, rule.default):
                continue
            if rule.id in self.config.severity:
                rule = rule._replace(severity=self.config.severity[rule.id])
            active.append(rule)
        return active

    def files(self, paths: Iterable[Path]) -> list[Path]:
        """The article files under ``paths``."""
        include = self.config.include or [f"*{s}" for f in self.plugins.formats for s in f.suffixes]
        return discover(paths, include, self.config.exclude)

    def lint_paths(
        self,
        paths: Iterable[Path],
        jobs: int = 1,
        progress: Callable[[int, int], None] | None = None,
        cache: bool = False,
        archive: Iterable[Path] = (),
    ) -> RunResult:
        """Lint every article under ``paths``; with ``jobs`` > 1 and enough
        files, in that many worker processes (same findings, same order).
        ``progress`` is told (files done, files in all) as the run goes.
        With ``cache``, results of earlier runs are used for unchanged
        files (see linter.core.warm); the stories under ``archive`` are compared
        with the run's, and not reported on."""
        from linter.core import warm

        files = self.files(paths)
        result = RunResult(files=files, problems=[*self.plugins.problems, *self.load_notes])
        warm.lint(self, result, jobs, progress, cache, list(archive))
        result.findings.sort(key=Finding.sort_key)
        return result

    def across_wanted(self, files: list[Path]) -> bool:
        """Whether the rules across files take part: a run of one story (a
        pre-commit hook, mostly) does not collect for them."""
        return bool(self.corpus_checks) and (len(files) > 1 or self._archive(files))

    def lint_one(self, path: Path, source: SourceFile | None = None, collect: bool = True) -> FileResult:
        """One file's findings, problems and (with ``collect``) what the
        rules across files collect from it; ``source``: its bytes, already
        read."""
        problems: list[str] = []
        collected: list[list[Any]] = [[] for _ in self.corpus_checks]
        if source is None:
            try:
                source = read_source(path, self.config.max_file_size)
            except UnreadableFile as error:
                return FileResult(path, None, self.file_finding(path, PROBLEM_UNREADABLE, str(error)), problems, collected, False)
        run = Accumulator(len(self.corpus_checks) if collect else None, problems=problems)
        findings = self.lint_text(path, source.text, run)
        return FileResult(path, source.digest, findings, problems, run.collected or collected, not problems and not self.disabled)

    def collect_text(self, path: Path, text: str) -> tuple[list[list[Any]], int]:
        """What the rules across files collect from a file's stories, and
        how many stories it holds, without checking them (an archive's)."""
        collected: list[list[Any]] = [[] for _ in self.corpus_checks]
        input_format = self.format_for(path)
        if input_format is None:
            return collected, 0
        try:
            parsed = input_format.parse(path, text, self.config) if input_format.archive else [input_format.parse(path, text)]
            docs = [doc for doc in parsed if isinstance(doc, Document)]
        except Exception:  # not a story that can be read: nothing to compare
            return collected, 0
        for doc in docs:
            mapped = doc if hasattr(doc, "source_map") else None
            for check, items in zip(self.corpus_checks, collected):
                try:
                    item = check.collect(doc)
                except Exception:  # reported when the file itself is linted
                    item = check.blank
                items.append(mapped.collected_to_source(item) if mapped else item)
        return collected, len(docs)

    def format_for(self, path: Path) -> InputFormat | None:
        """The input format a file is read with: the one ``read_as`` names
        (None when no plugin has it), else the one its suffix picks."""
        if self.config.read_as:
            return next((f for f in self.plugins.formats if f.name == self.config.read_as), None)
        return self.plugins.format_for(path)

    def _archive(self, files: list[Path]) -> bool:
        """Whether the files are one archive (a file of many stories)."""
        input_format = self.format_for(files[0]) if len(files) == 1 else None
        return input_format is not None and input_format.archive

    def lint_text(self, path: Path, text: str, run: Accumulator | list[str] | None = None) -> list[Finding]:
        """Lint one article held in memory; the problems go to ``run`` (an
        Accumulator, or a list of problems). Rules across files take part
        only when the accumulator collects for them."""
        run = Accumulator.of(run)
        input_format = self.format_for(path)
        if input_format is None:
            return self.file_finding(path, PROBLEM_UNREADABLE, "no input format can read this file")
        if input_format.archive:
            return self._lint_archive(path, text, input_format, run)
        try:
            doc = input_format.parse(path, text)
        except ArticleError as error:
            return self.file_finding(path, PROBLEM_INVALID, error.message, error.line, LineIndex(text))
        except Exception as error:  # a format plugin's own bug: this story is not linted, the run goes on
            return self.file_finding(path, PROBLEM_INVALID, self._format_failed(input_format, f"failed: {error!r}"))
        if not isinstance(doc, Document):
            return self.file_finding(path, PROBLEM_INVALID, self._format_failed(input_format, f"returned {_describe(doc)}, not a document"))
        return self._lint_document(doc, run)

    def _format_failed(self, input_format: InputFormat, what: str) -> str:
        owner = self.plugins.format_owners.get(input_format.name, input_format.name)
        return f"input format '{input_format.name}' (plugin '{owner}') {what}"

    def _lint_archive(self, path: Path, text: str, input_format: InputFormat, run: Accumulator) -> list[Finding]:
        """Lint each story of a file that holds many (an archive); a record
        that cannot be read is a finding at its line, and the rest are linted."""
        findings: list[Finding] = []
        lines: LineIndex | None = None  # made once, for the first record that cannot be read
        try:
            for item in input_format.parse(path, text, self.config):
                if isinstance(item, ArticleError):
                    lines = lines or LineIndex(text)
                    findings += self.file_finding(path, PROBLEM_INVALID, item.message, item.line, lines)
                elif isinstance(item, Document):
                    findings += self._lint_document(item, run)
                else:
                    reason = self._format_failed(input_format, f"gave {_describe(item)}, not a document")
                    return findings + self.file_finding(path, PROBLEM_INVALID, reason)
        except Exception as error:  # a format plugin's own bug: the rest of the file is not linted, the run goes on
            findings += self.file_finding(path, PROBLEM_INVALID, self._format_failed(input_format, f"failed: {error!r}"))
        return findings

    def _lint_document(self, doc: Document, run: Accumulator) -> list[Finding]:
        # A story rendered from HTML or an archive (linter.formats.mapped,
        # not imported by runs that read none): findings go to the file's places.
        mapped = doc if hasattr(doc, "source_map") else None
        if run.collected is not None:
            for check, items in zip(self.corpus_checks, run.collected):
                try:
                    item = check.collect(doc)
                    items.append(mapped.collected_to_source(item) if mapped else item)
                except Exception as error:  # one broken rule must not stop the others
                    run.problems.append(f"rule '{check.rule.id}' failed on {doc.path}: {error!r}")
        findings = self.check_document(doc, run)
        return mapped.to_source(findings) if mapped else findings

    def file_finding(
        self, path: Path, problem: str, reason: str, line: int = 1, lines: LineIndex | None = None
    ) -> list[Finding]:
        """The finding about a file that could not be linted (``problem``:
        unreadable, invalid or timeout), at ``line`` of the text ``lines``
        indexes, or none when its rule does not run."""
        check = self.file_problems.get(problem)
        if check is None:
            return []
        return self.unsuppressed([check.report(path, reason, line, lines)])

    def check_document(self, doc: Document, run: Accumulator | list[str] | None = None) -> list[Finding]:
        """The findings of every rule on one parsed story (none across files);
        the problems go to ``run``."""
        problems = Accumulator.of(run).problems
        if self.documents_checked == INDEX_AFTER:
            # Compiling the index of the rules' words (some milliseconds)
            # costs more than it saves on a few documents: a short run (a
            # pre-commit hook, an editor) tests each rule's words directly,
            # a longer one indexes them.
            index = LiteralIndex(c.literals for c in self.checks if c.literals)
            for check in self.checks:
                check.literal_index = index
        self.documents_checked += 1
        findings: list[Finding] = []
        budget_seconds = self.config.time_budget
        story_deadline = monotonic() + budget_seconds
        running: Check | None = None
        vale_reading: Document | None = None  # what Vale's rules read of it: computed on first use
        try:
            with budget.alarm(budget_seconds):
                for running in self.checks:
                    if running in self.disabled:
                        continue
                    if monotonic() > story_deadline:  # where no alarm could be set
                        raise budget.StoryOverBudget
                    read = doc
                    if running.rule.id in self.vale_configured and not running.rule.params.get("whole_text"):
                        vale_reading = vale_reading or self._vale_reading(doc)
                        read = vale_reading
                    findings += self._run_check(running, read, story_deadline, problems)
        except budget.StoryOverBudget:
            assert running is not None
            self.disabled.add(running)
            problems.append(f"rule '{running.rule.id}' ran past the time budget on {doc.path}; skipped for the rest of the run")
            reason = f"rule '{running.rule.id}' was still running when the story's time budget ({budget_seconds:g} s) ran out"
            findings += self.file_finding(doc.path, PROBLEM_TIMEOUT, reason)
        inline = doc.suppressions
        findings = self.unsuppressed(findings, inline)
        if self.vale_commented:
            findings = vale_comments.unsilenced(findings, doc.text, doc.lines, self.vale_commented)
        for review in self.suppression_reviews:
            try:
                findings += self.unsuppressed(review.review(doc, inline))
            except Exception as error:  # one broken rule must not stop the others
                problems.append(f"rule '{review.rule.id}' failed on {doc.path}: {error!r}")
        return sorted(findings, key=Finding.sort_key)

    def _vale_reading(self, doc: Document) -> Document:
        """The story as the rules of a Vale configuration read it: without
        what the TokenIgnores and BlockIgnores of its sections match, nor
        the markup its IgnoredScopes and SkippedScopes name."""
        from linter.article import ignored  # only where a Vale configuration is read

        ini = self.config.vale_ini
        assert ini is not None  # a rule is configured by it
        token_ignores, block_ignores = ini.ignores(doc.path)
        spans = ignored.scoped_spans(doc, ini.ignored_scopes, ini.skipped_scopes)
        if token_ignores or block_ignores:
            spans = sorted([*spans, *ignored.ignored_spans(doc.text, token_ignores, block_ignores)])
        return ignored.without(doc, spans)

    def _run_check(self, check: Check, doc: Document, story_deadline: float, problems: list[str]) -> list[Finding]:
        """One rule's findings on a story; a rule that fails or times out is
        reported, and yields nothing, and what is not a finding on this
        story (a plugin's bug) is reported and left out."""
        budget.start_rule(story_deadline)
        try:
            found = list(check.check(doc))
        except TimeoutError:
            # A pattern that backtracks for ever on this text will on the
            # next one too: report it once and stop running it.
            self.disabled.add(check)
            problems.append(f"rule '{check.rule.id}' timed out on {doc.path}; skipped for the rest of the run")
            return []
        except (Exception, SystemExit) as error:  # one broken rule (even one that calls sys.exit) must not stop the others
            problems.append(f"rule '{check.rule.id}'{self._owner(check)} failed on {doc.path}: {error!r}")
            return []
        valid = [f for f in found if _well_formed(f, doc)]
        if len(valid) < len(found):
            wrong = next(f for f in found if not _well_formed(f, doc))
            problems.append(
                f"rule '{check.rule.id}'{self._owner(check)} gave {_describe(wrong)} on {doc.path}, not a finding on it; left out"
            )
        return valid

    def _owner(self, check: Check) -> str:
        plugin = self.plugins.check_type_owners.get(check.rule.check, "")
        return f" (plugin '{plugin}')" if plugin else ""

    def unsuppressed(self, findings: Iterable[Finding], inline: Suppressions | None = None) -> list[Finding]:
        """Findings not silenced by the config's per-file ignores or by the
        file's own suppression comments."""
        return [
            f
            for f in findings
            if not self.config.ignored_for(f.path, f.rule)
            and not (inline and inline.silences(f.rule, f.span.line))
            and not (f.rule in self.vale_configured and not self.config.vale_ini.applies(self.vale_configured[f.rule], f.path))
        ]


def _well_formed(finding: object, doc: Document) -> bool:
    """Whether a check's output is a finding on ``doc``: its span in order
    and inside the text, its rule and severity strings."""
    if not isinstance(finding, Finding):
        return False
    span = finding.span
    return (
        isinstance(span, Span)
        and 0 <= span.start <= span.end <= len(doc.text)
        and isinstance(finding.rule, str)
        and finding.severity in SEVERITIES
        and isinstance(finding.message, str)
    )


def _describe(value: object) -> str:
    if isinstance(value, Finding):
        return f"a finding with span {value.span!r}"
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}{'…' if len(text) > 60 else ''}"
