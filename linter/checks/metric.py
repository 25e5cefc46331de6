"""metric: a formula of counts over the whole document ("more than one
level-2 heading", a readability score), reported when its condition holds,
as Vale's ``metric`` check.

The counts are those Vale defines: ``words``, ``sentences``,
``characters``, ``syllables``, ``long_words`` (more than six letters),
``polysyllabic_words`` (more than two syllables), ``complex_words`` (those
without a common suffix), ``paragraphs``, and from the Markdown source
``heading.h1`` … ``heading.h6``, ``list`` (lists, not items),
``blockquote`` and ``pre`` (code blocks). A formula holds numbers, those
names, ``+ - * /`` and brackets; the finding is at the start of the
document, its ``value`` printed with two decimals.
"""

from __future__ import annotations

import ast
import operator
from typing import Any, Callable, Iterator

from linter.support import patterns
from linter.core.check import REQUIRED, Check, Param
from linter.checks.readability import syllables
from linter.article.document import Block, Document, Role
from linter.results.findings import Finding
from linter.article.markdown_syntax import FENCE, HEADING, SETEXT, closes_fence

VARIABLES = (
    "words", "sentences", "characters", "syllables", "long_words", "polysyllabic_words", "complex_words",
    "paragraphs", "list", "blockquote", "pre", *(f"heading.h{level}" for level in range(1, 7)),
)  # fmt: skip
_OPERATORS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_COMPARISONS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le, "==": operator.eq, "!=": operator.ne}
_CONDITION = patterns.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")
_WORD = patterns.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
_COMMON_SUFFIX = patterns.compile(r"(?:es|ed|ing)$")
_LIST_ITEM = patterns.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = patterns.compile(r"^ {0,3}>")


def _formula(text: str) -> ast.expr:
    """The parsed formula, or ValueError naming what it may not hold."""
    try:
        tree = ast.parse(text.strip().replace(".h", "__h"), mode="eval").body
    except SyntaxError:
        raise ValueError(f"not a formula: {text.strip()!r}") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id.replace("__h", ".h") not in VARIABLES:
            raise ValueError(f"unknown variable {node.id.replace('__h', '.h')!r} (known: {', '.join(VARIABLES)})")
        if isinstance(node, ast.Constant) and (isinstance(node.value, bool) or not isinstance(node.value, (int, float))):
            raise ValueError(f"a formula holds numbers, not {node.value!r}")
        if not isinstance(node, (ast.BinOp, ast.Name, ast.Constant, ast.Load, ast.UnaryOp, ast.USub, *_OPERATORS)):
            raise ValueError(f"a formula holds numbers, variables, + - * / and brackets, not {type(node).__name__}")
    return tree


def _evaluate(node: ast.expr, values: dict[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return values[node.id.replace("__h", ".h")]
    if isinstance(node, ast.UnaryOp):
        return -_evaluate(node.operand, values)
    assert isinstance(node, ast.BinOp)
    left, right = _evaluate(node.left, values), _evaluate(node.right, values)
    if isinstance(node.op, ast.Div) and right == 0:
        return 0.0
    return _OPERATORS[type(node.op)](left, right)


class _FormulaParam(Param):
    """A formula, checked when the rule loads."""

    def convert(self, value: Any) -> Any:
        value = super().convert(value)
        _formula(value)
        return value


class _ConditionParam(Param):
    """A comparison with a number, checked when the rule loads."""

    def convert(self, value: Any) -> Any:
        value = super().convert(value)
        if _CONDITION.match(value) is None:
            raise ValueError(f"must compare with a number ('> 8'), not {value!r}")
        return value


class Metric(Check):
    name = "metric"
    summary = "A formula of the document's counts passes a limit."
    params = {
        "formula": _FormulaParam("str", REQUIRED, "counts, numbers, + - * / and brackets"),
        "condition": _ConditionParam("str", REQUIRED, "when to report: a comparison with a number ('> 8')"),
    }
    fields = ("value",)
    default_scope = Role.ALL

    def __init__(self, rule: Any, context: Any) -> None:
        super().__init__(rule, context)
        self.formula = _formula(self.options["formula"])
        condition = _CONDITION.match(self.options["condition"])
        assert condition is not None  # checked on load
        self.compare, self.limit = _COMPARISONS[condition.group(1)], float(condition.group(2))

    def check(self, doc: Document) -> Iterator[Finding]:
        texts = [text for text, _ in self.segments(doc)]
        value = _evaluate(self.formula, counts(doc, texts, list(self.blocks(doc))))
        if self.compare(value, self.limit):
            yield self.finding(doc, 0, 0, value=f"{value:.2f}")


def counts(doc: Document, texts: list[str], blocks: list[Block]) -> dict[str, float]:
    """Every variable of a formula, for the document and the texts of
    the blocks a rule reads."""
    words = [w for text in texts for w in _WORD.findall(text)]
    syllable_counts = [syllables(w) for w in words]
    values: dict[str, float] = {
        "words": len(words),
        "sentences": sum(len(b.sentences) or 1 for b in blocks if b.text.strip()),
        "characters": sum(len(w) for w in words),
        "syllables": sum(syllable_counts),
        "long_words": sum(len(w) > 6 for w in words),
        "polysyllabic_words": sum(n > 2 for n in syllable_counts),
        "complex_words": sum(n > 2 and not _COMMON_SUFFIX.search(w) for w, n in zip(words, syllable_counts)),
        "paragraphs": sum(b.role == Role.BODY for b in doc.blocks),
    }
    values.update(_structure(doc.text) if doc.format == "markdown" else {})
    return {name: values.get(name, 0.0) for name in VARIABLES}


def _structure(source: str) -> dict[str, float]:
    """Headings by level, lists, blockquotes and code blocks of a Markdown source."""
    found = {name: 0.0 for name in ("list", "blockquote", "pre", *(f"heading.h{level}" for level in range(1, 7)))}
    fence: str | None = None
    previous = ""  # the last line, "" when blank
    in_list = in_quote = False
    for line in source.splitlines():
        if fence:
            if closes_fence(line, fence):
                fence = None
            continue
        opening = FENCE.match(line)
        if opening:
            fence = opening.group(1)
            found["pre"] += 1
            continue
        if not line.strip():
            previous = ""
            continue
        heading = HEADING.match(line)
        if heading:
            found[f"heading.h{len(heading.group(1))}"] += 1
        elif previous and SETEXT.match(line) and not _LIST_ITEM.match(previous):
            found["heading.h1" if line.strip()[0] == "=" else "heading.h2"] += 1
        item, quote = bool(_LIST_ITEM.match(line)), bool(_QUOTE.match(line))
        if item and not in_list:
            found["list"] += 1
        if quote and not in_quote:
            found["blockquote"] += 1
        in_list = item or (in_list and line[:1] in (" ", "\t"))
        in_quote = quote
        previous = line
    return found
