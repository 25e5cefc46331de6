"""What a check type is: the class a YAML rule names in its ``check`` field.

A check type declares the parameters a rule may give it (validated when the
rule file loads), the placeholders its messages may use, and the blocks it
reads by default; ``check`` yields findings for one document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, NamedTuple

import regex

from linter.support import patterns
from linter.article.document import Block, Document, Role
from linter.results.findings import Finding, Fix, fingerprint
from linter.article.scopes import QUOTES_INSIDE, QUOTES_OUTSIDE, UNIT_SENTENCE
from linter.support.textnorm import normalize

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.word_index import LiteralIndex
    from linter.core.rule import Rule

REQUIRED = object()


class Param(NamedTuple):
    """A rule parameter. ``kind`` is one of int, number, bool, str,
    strings (a list of strings), patterns (a list of regular expressions,
    checked on load), mapping (of patterns to strings), mappings (a list
    of mappings of names to values), regex (a pattern, compiled on load)."""

    kind: str
    default: Any = REQUIRED
    help: str = ""
    choices: tuple[str, ...] = ()

    def convert(self, value: Any) -> Any:
        """Return the value in the form the check uses, or raise ValueError
        saying what is wrong."""
        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"must be a whole number, not {value!r}")
        elif self.kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"must be a number, not {value!r}")
        elif self.kind == "bool":
            if not isinstance(value, bool):
                raise ValueError(f"must be true or false, not {value!r}")
        elif self.kind == "str":
            if not isinstance(value, str):
                raise ValueError(f"must be a string, not {value!r}")
            if self.choices and value not in self.choices:
                raise ValueError(f"must be one of {', '.join(self.choices)}, not {value!r}")
        elif self.kind == "strings":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
                raise ValueError("must be a list of non-empty strings")
            return tuple(value)
        elif self.kind == "patterns":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
                raise ValueError("must be a list of non-empty strings (words or regular expressions)")
            for item in value:
                _compiled(item, f"invalid regular expression {item!r}")
            return tuple(value)
        elif self.kind == "mapping":
            if not isinstance(value, dict) or not value:
                raise ValueError("must be a mapping of words to words")
            for key, item in value.items():
                if not isinstance(key, str) or not isinstance(item, str):
                    raise ValueError(f"{key!r}: keys and values must be strings")
                _compiled(key, f"invalid regular expression {key!r}")
            return dict(value)
        elif self.kind == "mappings":
            if not isinstance(value, (list, tuple)) or not value or not all(isinstance(v, dict) for v in value):
                raise ValueError("must be a list of mappings")
            if not all(isinstance(key, str) for item in value for key in item):
                raise ValueError("the keys of each mapping must be strings")
            return tuple(dict(item) for item in value)
        elif self.kind == "regex":
            if not isinstance(value, str):
                raise ValueError(f"must be a regular expression string, not {value!r}")
            return _compiled(value, "invalid regular expression")
        return value


def _compiled(pattern: str, what: str) -> regex.Pattern[str]:
    """The compiled pattern, or ValueError saying ``what`` and why."""
    try:
        return patterns.compile(pattern, regex.V1)
    except regex.error as error:
        raise ValueError(f"{what}: {error}") from None


class Check:
    """Base class of check types. Subclasses set ``name``, ``summary`` and
    the class attributes below and implement ``check``."""

    name: ClassVar[str]
    summary: ClassVar[str]
    params: ClassVar[dict[str, Param]] = {}
    fields: ClassVar[tuple[str, ...]] = ()
    default_scope: ClassVar[tuple[str, ...]] = (Role.BODY,)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        self.rule = rule
        self.context = context
        self.options: dict[str, Any] = rule.params

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def validate(cls, params: dict[str, Any]) -> None:
        """Raise ValueError saying what is wrong with a rule's parameters
        taken together, when the rule is loaded (each one alone is checked
        by its Param)."""

    # Case-folded words of which a block must hold one for the rule to
    # find anything in it (None: no such test); set by rules that know them.
    literals: tuple[str, ...] | None = None
    # The index of every rule's words over a story, which the engine hands
    # each check once a run is long enough to pay for it (None: test directly).
    literal_index: "LiteralIndex | None" = None

    def blocks(self, doc: Document) -> Iterator[Block]:
        """The blocks of the rule's scope, less those holding none of its
        ``literals``."""
        blocks = doc.blocks_in(self.rule.scope)
        if self.literals is None:
            return blocks
        index = self.literal_index
        if index is not None and index.covers(self.literals):
            if index.held_anywhere(doc).isdisjoint(self.literals):
                return iter(())
            return (block for block in blocks if not index.held(doc, block).isdisjoint(self.literals))
        if not any(word in doc.folded for word in self.literals):
            return iter(())
        return (block for block in blocks if any(word in block.folded for word in self.literals))

    def segments(self, doc: Document) -> Iterator[tuple[str, int]]:
        """The texts the rule's scope reads, with the document offset each
        starts at: whole blocks, or their sentences for a ``sentence``
        unit; only quotations with ``quotation``, and with ``~quotation``
        the blocks with their quoted speech blanked out (offsets kept).
        Blocks holding none of the rule's ``literals`` are passed over
        (see ``blocks``)."""
        for block in self.blocks(doc):
            if self.rule.quotations == QUOTES_INSIDE:
                for quote in block.quotes:
                    yield doc.text[quote.inner.start : quote.inner.end], quote.inner.start
                continue
            text = block.unquoted if self.rule.quotations == QUOTES_OUTSIDE else block.text
            if self.rule.unit == UNIT_SENTENCE and block.sentences:
                for sentence in block.sentences:
                    offset = sentence.span.start - block.span.start
                    yield text[offset : offset + len(sentence.text)], sentence.span.start
            else:
                yield text, block.span.start

    def finding(self, doc: Document, start: int, end: int, fix: Fix | None = None, **fields: Any) -> Finding:
        """A finding of this rule over ``start``..``end`` of the document,
        its message filled from ``fields`` and the matched ``text``."""
        fields.setdefault("text", doc.text[start:end])
        return Finding(
            path=doc.path,
            span=doc.span(start, end),
            rule=self.rule.id,
            severity=self.rule.severity,
            message=self.rule.message.format_map(fields),
            fix=fix,
            fingerprint=fingerprint(self.rule.id, normalize(doc.text[start:end])),
        )


class CorpusCheck(Check):
    """A check across all the articles of a run (duplicates between stories).

    ``collect`` keeps what the check needs of one document: small and
    picklable, so that documents need not stay in memory and workers can
    send it back. ``finish`` reports, once every document is collected.
    A single document linted on its own (an editor buffer) is not checked.
    """

    # How what it collects is grouped across stories (see linter.core.grouping):
    # "" (the default) hands every story's item to ``finish``.
    grouping: ClassVar[str] = ""

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()

    def collect(self, doc: Document) -> Any:
        raise NotImplementedError

    def finish(self, collected: list[Any]) -> Iterable[Finding]:
        raise NotImplementedError

    # What ``finish`` keeps for the next run over the same files with the
    # same fingerprint (the result store holds it): set before ``finish``
    # (None on a cold run), replaced by it. With it, ``changed`` holds each
    # item that changed since that run, by index, with the item it was;
    # every other item is as it was then. Work that depends only on what
    # did not change (the comparisons within a group of unchanged stories)
    # need not be redone.
    carried: Any = None
    changed: dict[int, Any] | None = None

    # What a story with nothing to compare contributes to ``finish``: an
    # archive's stories that share no key with a run's count as this.
    blank: Any = None

    def index_keys(self, item: Any) -> Iterable[bytes] | None:
        """Keys of one story's collection under which an archive indexes it:
        a story of the run is compared only with archived stories that
        share one of its keys. None (the default): not indexable, so every
        archived story's collection is read."""
        return None

    def narrow(self, item: Any, keys: set[bytes]) -> Any:
        """An archived story's collection cut down to what may match a run
        whose stories hold ``keys`` (see ``index_keys``)."""
        return item

    def report(self, groups: Iterable[list[Any]], stories: int) -> Iterable[Finding]:
        """The findings on groups of places, of a run of ``stories``
        stories: what a check with a ``grouping`` gives once its places
        are grouped."""
        raise NotImplementedError
