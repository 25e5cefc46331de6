"""A small renderer of Go's text/template, for Vale's output templates:
the part of it such templates use.

Actions: ``{{.Field}}`` and ``{{.A.B}}``, ``{{$x}}`` and ``{{$x.Field}}``,
``{{$x := pipeline}}`` and ``{{$x = pipeline}}``, ``{{range pipeline}} …
{{else}} … {{end}}``, ``{{if pipeline}} … {{else if …}} … {{else}} …
{{end}}``, ``{{with pipeline}} … {{end}}``, comments ``{{/* … */}}``, and
``{{-`` and ``-}}`` trimming the white space beside them. Functions:
``index``, ``len``, ``printf`` (``%s``, ``%d``, ``%v``), ``eq``, ``ne``,
``lt``, ``le``, ``gt``, ``ge``, ``and``, ``or``, ``not``, ``add1``,
``upper``, ``lower``, ``trimSpace``. A template using anything else is a
TemplateError naming it.
"""

from __future__ import annotations

import shlex
from typing import Any, Callable

import regex

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
_ACTION = regex.compile(r"\{\{(-\s)?(.*?)(\s-)?\}\}", regex.S)


class TemplateError(Exception):
    """A template that cannot be read, or that fails as it renders."""


def _printf(pattern: str, *values: Any) -> str:
    converted = regex.sub(r"%[vsd]", "%s", pattern)
    try:
        return converted % tuple(_text(v) for v in values)
    except TypeError as error:
        raise TemplateError(f"printf {pattern!r}: {error}") from None


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "index": lambda container, *keys: _index(container, keys),
    "len": lambda value: len(value),
    "printf": _printf,
    "eq": lambda a, *others: any(a == b for b in others),
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "and": lambda *values: next((v for v in values if not _truthy(v)), values[-1]),
    "or": lambda *values: next((v for v in values if _truthy(v)), values[-1]),
    "not": lambda value: not _truthy(value),
    "add1": lambda value: value + 1,
    "upper": lambda value: str(value).upper(),
    "lower": lambda value: str(value).lower(),
    "trimSpace": lambda value: str(value).strip(),
}


def _index(container: Any, keys: tuple[Any, ...]) -> Any:
    for key in keys:
        try:
            container = container[key]
        except (IndexError, KeyError, TypeError):
            raise TemplateError(f"index {key!r} out of range") from None
    return container


def _truthy(value: Any) -> bool:
    return bool(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + " ".join(_text(v) for v in value) + "]"
    return "" if value is None else str(value)


def _parse(source: str) -> list[Any]:
    """The template as a tree: text, ("action", words), and
    ("range"|"if"|"with", words, body, otherwise)."""
    pieces: list[str] = []  # text, action, text, action, …, text
    at = 0
    for match in _ACTION.finditer(source):
        text = source[at : match.start()]
        pieces += [text.rstrip() if match.group(1) else text, match.group(2).strip()]
        at = match.end()
        if match.group(3):
            rest = source[at:]
            at += len(rest) - len(rest.lstrip())
    pieces.append(source[at:])
    tree, _, _ = _block(pieces, 0, ())
    return tree


def _block(pieces: list[str], at: int, stops: tuple[str, ...]) -> tuple[list[Any], int, list[str]]:
    """The nodes from ``pieces[at]`` to an action starting with one of
    ``stops``; the index after it, and that action's words."""
    body: list[Any] = []
    while at < len(pieces):
        if pieces[at]:
            body.append(pieces[at])
        if at + 1 >= len(pieces):
            break
        action, at = pieces[at + 1], at + 2
        if action.startswith("/*"):
            continue
        words = _words(action)
        if words[:1] and words[0] in stops:
            return body, at, words
        if words[:1] and words[0] in ("range", "if", "with"):
            node, at = _control(words, pieces, at)
            body.append(node)
        elif words[:1] and words[0] in ("end", "else"):
            raise TemplateError(f"unexpected {{{{{action}}}}}")
        else:
            body.append(("action", words))
    if stops:
        raise TemplateError("{{end}} missing")
    return body, len(pieces), []


def _control(words: list[str], pieces: list[str], at: int) -> tuple[Any, int]:
    inner, at, ender = _block(pieces, at, ("end", "else"))
    otherwise: list[Any] = []
    if ender[:2] == ["else", "if"]:
        node, at = _control(["if", *ender[2:]], pieces, at)
        otherwise = [node]
    elif ender[:1] == ["else"]:
        otherwise, at, _ = _block(pieces, at, ("end",))
    return (words[0], words[1:], inner, otherwise), at


def _words(action: str) -> list[str]:
    try:
        lexer = shlex.shlex(action, posix=False)
        lexer.whitespace_split = True
        return list(lexer)
    except ValueError as error:
        raise TemplateError(f"cannot read {{{{{action}}}}}: {error}") from None


def render(source: str, data: Any) -> str:
    """The template ``source`` rendered with ``data`` as its dot."""
    out: list[str] = []
    _Renderer(out).body(_parse(source), data, [{"$": data}])
    return "".join(out)


class _Renderer:
    def __init__(self, out: list[str]) -> None:
        self.out = out

    def body(self, nodes: list[Any], dot: Any, scopes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if isinstance(node, str):
                self.out.append(node)
            elif node[0] == "action":
                self.action(node[1], dot, scopes)
            else:
                self.control(node, dot, scopes)

    def action(self, words: list[str], dot: Any, scopes: list[dict[str, Any]]) -> None:
        if len(words) >= 2 and words[0].startswith("$") and words[1] in (":=", "="):
            value = self.pipeline(words[2:], dot, scopes)
            if words[1] == ":=":
                scopes[-1][words[0]] = value
            else:
                holder = next((s for s in reversed(scopes) if words[0] in s), None)
                if holder is None:
                    raise TemplateError(f"undefined variable {words[0]}")
                holder[words[0]] = value
            return
        self.out.append(_text(self.pipeline(words, dot, scopes)))

    def control(self, node: Any, dot: Any, scopes: list[dict[str, Any]]) -> None:
        kind, words, inner, otherwise = node
        value = self.pipeline(words, dot, scopes)
        if kind == "range":
            items = list(value.values()) if isinstance(value, dict) else list(value or [])
            for item in items:
                self.body(inner, item, [*scopes, {}])
            if not items:
                self.body(otherwise, dot, [*scopes, {}])
        elif _truthy(value):
            self.body(inner, value if kind == "with" else dot, [*scopes, {}])
        else:
            self.body(otherwise, dot, [*scopes, {}])

    def pipeline(self, words: list[str], dot: Any, scopes: list[dict[str, Any]]) -> Any:
        if not words:
            raise TemplateError("an empty action")
        if "|" in words:
            at = len(words) - 1 - words[::-1].index("|")
            piped = self.pipeline(words[:at], dot, scopes)
            return self.call(words[at + 1 :], dot, scopes, [piped])
        return self.call(words, dot, scopes, [])

    def call(self, words: list[str], dot: Any, scopes: list[dict[str, Any]], extra: list[Any]) -> Any:
        if words[0] in FUNCTIONS:
            arguments = [self.operand(w, dot, scopes) for w in words[1:]] + extra
            try:
                return FUNCTIONS[words[0]](*arguments)
            except TemplateError:
                raise
            except (TypeError, ValueError, IndexError) as error:
                raise TemplateError(f"{words[0]}: {error}") from None
        if len(words) > 1 or extra:
            raise TemplateError(f"function {words[0]!r} is not available")
        return self.operand(words[0], dot, scopes)

    def operand(self, word: str, dot: Any, scopes: list[dict[str, Any]]) -> Any:
        if word[:1] in "\"`":
            return regex.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), word[1:-1]) if word[0] == '"' else word[1:-1]
        if regex.fullmatch(r"-?\d+", word):
            return int(word)
        if word in ("true", "false"):
            return word == "true"
        if word == ".":
            return dot
        if word.startswith("$"):
            name, _, path = word.partition(".")
            holder = next((s for s in reversed(scopes) if name in s), None)
            if holder is None:
                raise TemplateError(f"undefined variable {name}")
            return _field(holder[name], path)
        if word.startswith("."):
            return _field(dot, word[1:])
        raise TemplateError(f"function {word!r} is not available")


def _field(value: Any, path: str) -> Any:
    for name in filter(None, path.split(".")):
        if not isinstance(value, dict) or name not in value:
            raise TemplateError(f"no field {name!r}")
        value = value[name]
    return value
