"""Vale's ``--filter``: an expression that picks the rules a run uses.

Vale reads the expression (given as is, or in a ``.expr`` file) in the
expr language, over each rule's fields. The part of it Vale's filters are
written in is read here:

    .Level in ["error", "suggestion"] and .Name != "House.Hedging"
    "heading" in .Scope or not (.Extends == "existence")

Fields: ``.Name`` (``Style.Rule``), ``.Level``, ``.Extends``, ``.Scope``
(a list), ``.Message``, ``.Description``, ``.Link``. Operators: ``==``,
``!=``, ``<``, ``<=``, ``>``, ``>=``, ``in``, ``not in``, ``contains``,
``startsWith``, ``endsWith``, ``matches`` (a pattern), ``and``/``&&``,
``or``/``||``, ``not``/``!``, parentheses; values: strings, numbers,
``true``, ``false`` and lists. Anything else is a ConfigError naming it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import regex

from linter.support.errors import ConfigError

_TOKEN = regex.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<field>\.[A-Za-z_]\w*)
      | (?P<op>==|!=|<=|>=|&&|\|\||[<>!\[\](),])
      | (?P<word>[A-Za-z_]\w*)
    )""",
    regex.X,
)
COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "in": lambda a, b: a in b,
    "contains": lambda a, b: b in a,
    "startsWith": lambda a, b: str(a).startswith(b),
    "endsWith": lambda a, b: str(a).endswith(b),
    "matches": lambda a, b: regex.search(b, str(a)) is not None,
}
Fields = dict[str, Any]
Node = Callable[[Fields], Any]


def read(value: str) -> str:
    """The expression Vale's ``--filter`` gives: a file's text, or the
    expression itself."""
    path = Path(value)
    if path.suffix == ".expr" or path.is_file():
        try:
            return path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ConfigError(f"cannot read the Vale filter: {error}", path) from None
    return value


def compile_filter(source: str) -> Node:
    """A function of a rule's fields that says whether the rule runs."""
    parser = _Parser(source)
    node = parser.expression()
    if parser.peek() is not None:
        parser.fail(f"unexpected {parser.peek()!r}")
    return node


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens: list[tuple[str, str]] = []
        at = 0
        while source[at:].strip():
            found = _TOKEN.match(source, at)
            if not found or found.end() == at:
                raise ConfigError(f"Vale filter: cannot read {source[at:].strip()!r} in {source!r}")
            self.tokens.append((found.lastgroup or "", found.group(found.lastgroup or 0)))
            at = found.end()
        self.at = 0

    def fail(self, what: str) -> None:
        raise ConfigError(f"Vale filter: {what} in {self.source!r}")

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, *expected: str) -> bool:
        if self.peek() in expected:
            self.at += 1
            return True
        return False

    def expression(self) -> Node:
        left = self.conjunction()
        while self.take("or", "||"):
            left = _either(left, self.conjunction())
        return left

    def conjunction(self) -> Node:
        left = self.negation()
        while self.take("and", "&&"):
            left = _both(left, self.negation())
        return left

    def negation(self) -> Node:
        if self.take("not", "!"):
            inner = self.negation()
            return lambda fields: not inner(fields)
        return self.comparison()

    def comparison(self) -> Node:
        left = self.value()
        negated = self.take("not")
        operator = self.peek()
        if operator not in COMPARISONS or (negated and operator != "in"):
            if negated:
                self.fail("'not' must be followed by 'in' here")
            return left
        self.at += 1
        right, compare = self.value(), COMPARISONS[operator]
        if negated:
            return lambda fields: not compare(left(fields), right(fields))
        return lambda fields: compare(left(fields), right(fields))

    def value(self) -> Node:
        if self.at >= len(self.tokens):
            self.fail("the expression ends too soon")
        kind, text = self.tokens[self.at]
        self.at += 1
        if kind == "string":
            literal: Any = regex.sub(r"\\(.)", r"\1", text[1:-1])
        elif kind == "number":
            literal = float(text)
        elif kind == "field":
            name = text[1:]
            return lambda fields: fields.get(name, "")
        elif text in ("true", "false"):
            literal = text == "true"
        elif text == "(":
            inner = self.expression()
            if not self.take(")"):
                self.fail("')' expected")
            return inner
        elif text == "[":
            items: list[Node] = []
            while not self.take("]"):
                items.append(self.value())
                if not self.take(",") and self.peek() != "]":
                    self.fail("',' or ']' expected")
            return lambda fields: [item(fields) for item in items]
        else:
            self.fail(f"unexpected {text!r}")
        return lambda fields: literal


def _either(left: Node, right: Node) -> Node:
    return lambda fields: bool(left(fields)) or bool(right(fields))


def _both(left: Node, right: Node) -> Node:
    return lambda fields: bool(left(fields)) and bool(right(fields))
