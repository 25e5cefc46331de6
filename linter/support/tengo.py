"""A small interpreter of Tengo, the script language of Vale's ``script``
rules: the part of it such rules are written in.

Values: integers, floats, strings, booleans, ``undefined``, arrays and maps
(``{begin: 1, "end": 2}``). Statements: ``:=``, ``=``, ``+=`` (``-=``,
``*=``, ``/=``), ``a[i] = x``, ``if … else if … else``, ``for x in xs``,
``for i, x in xs``, ``for cond``, ``for init; cond; post``, ``break``,
``continue``, calls. Operators: ``|| && ! == != < <= > >= + - * / %`` and
``[i]``, ``[a:b]``, ``.name``. Builtins: ``len``, ``append``, ``string``,
``int``, ``float``, ``is_undefined``, ``import("text")`` (``re_match``,
``re_find``, ``re_replace``, ``re_split``, ``split``, ``split_n``, ``join``,
``contains``, ``has_prefix``, ``has_suffix``, ``index``, ``last_index``,
``trim_space``, ``trim``, ``trim_prefix``, ``trim_suffix``, ``to_lower``,
``to_upper``, ``replace``, ``repeat``, ``fields``).

A script reads nothing but the variables it is given and can call nothing
but these: no file, no network, no Python. It stops with ScriptError when
it runs more than ``MAX_STEPS`` steps or past the time budget.
"""

from __future__ import annotations

from typing import Any, Callable

import regex

from linter.support import budget, patterns

MAX_STEPS = 2_000_000
UNDEFINED = None
_TOKEN = regex.compile(
    r"""(?P<space>[ \t\r]+|//[^\n]*|/\*.*?\*/)
      | (?P<newline>\n)
      | (?P<number>\d+\.\d+|\d+)
      | (?P<string>"(?:[^"\\\n]|\\.)*"|`[^`]*`)
      | (?P<char>'(?:[^'\\\n]|\\.)')
      | (?P<name>[A-Za-z_]\w*)
      | (?P<op>:=|\+=|-=|\*=|/=|==|!=|<=|>=|&&|\|\||[-+*/%<>=!(){}\[\],.:;])""",
    regex.X | regex.S,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'", "0": "\0"}
_BINARY = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3, "+": 4, "-": 4, "*": 5, "/": 5, "%": 5}


class ScriptError(Exception):
    """A script that cannot be read or fails as it runs."""


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


def _unescape(text: str) -> str:
    if text[0] == "`":
        return text[1:-1]
    return regex.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def _tokens(source: str) -> list[tuple[str, str]]:
    """The script's tokens, with Go's automatic semicolons at line ends."""
    found: list[tuple[str, str]] = []
    at = 0
    while at < len(source):
        match = _TOKEN.match(source, at)
        if match is None:
            line = source.count("\n", 0, at) + 1
            raise ScriptError(f"line {line}: cannot read {source[at:at + 10]!r}")
        kind, text = match.lastgroup or "", match.group()
        at = match.end()
        if kind == "newline":
            last = found[-1] if found else None
            if last and (last[0] in ("number", "string", "char", "name") or last[1] in (")", "]", "}")):
                found.append(("op", ";"))
        elif kind != "space":
            found.append((kind, text))
    found.append(("op", ";"))
    return found


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokens(source)
        self.at = 0

    def peek(self) -> str:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else ""

    def take(self, text: str) -> bool:
        if self.peek() == text and self.tokens[self.at][0] in ("op", "name"):
            self.at += 1
            return True
        return False

    def need(self, text: str) -> None:
        if not self.take(text):
            raise ScriptError(f"'{text}' expected, not {self.peek()!r}")

    def block(self) -> list[Any]:
        self.need("{")
        body = []
        while not self.take("}"):
            if self.at >= len(self.tokens):
                raise ScriptError("'}' expected at the end")
            if not self.take(";"):
                body.append(self.statement())
        return body

    def program(self) -> list[Any]:
        body = []
        while self.at < len(self.tokens):
            if not self.take(";"):
                body.append(self.statement())
        return body

    def statement(self) -> Any:
        if self.take("if"):
            return self.if_rest()
        if self.take("for"):
            return self.for_rest()
        if self.take("break"):
            return ("break",)
        if self.take("continue"):
            return ("continue",)
        return self.simple()

    def simple(self) -> Any:
        target = self.expression()
        if self.peek() == "," and target[0] == "name":  # i, x := ... (only in a for)
            raise ScriptError("a list of targets is read only in a for loop")
        for op in (":=", "=", "+=", "-=", "*=", "/="):
            if self.take(op):
                return ("assign", op, target, self.expression())
        return ("expr", target)

    def if_rest(self) -> Any:
        condition = self.expression()
        then = self.block()
        otherwise: list[Any] = []
        if self.take("else"):
            otherwise = [self.if_rest()] if self.take("if") else self.block()
        return ("if", condition, then, otherwise)

    def for_rest(self) -> Any:
        if self.peek() == "{":
            return ("while", ("const", True), self.block(), None, None)
        if self.tokens[self.at][0] == "name" and self.tokens[self.at + 1][1] in ("in", ","):
            names = [self.tokens[self.at][1]]
            self.at += 1
            if self.take(","):
                names.append(self.tokens[self.at][1])
                self.at += 1
            self.need("in")
            return ("for-in", names, self.expression(), self.block())
        first = self.simple()
        if not self.take(";"):
            return ("while", first[1], self.block(), None, None)
        condition = self.expression()
        self.need(";")
        post = self.simple()
        return ("while", condition, self.block(), first, post)

    def expression(self, level: int = 1) -> Any:
        left = self.unary()
        while self.peek() in _BINARY and _BINARY[self.peek()] >= level and self.tokens[self.at][0] == "op":
            op = self.tokens[self.at][1]
            self.at += 1
            left = ("binary", op, left, self.expression(_BINARY[op] + 1))
        return left

    def unary(self) -> Any:
        if self.take("!"):
            return ("not", self.unary())
        if self.take("-"):
            return ("binary", "-", ("const", 0), self.unary())
        return self.postfix(self.primary())

    def postfix(self, node: Any) -> Any:
        while True:
            if self.take("("):
                arguments = []
                while not self.take(")"):
                    arguments.append(self.expression())
                    if not self.take(","):
                        self.need(")")
                        break
                node = ("call", node, arguments)
            elif self.take("["):
                low = None if self.peek() == ":" else self.expression()
                if self.take(":"):
                    high = None if self.peek() == "]" else self.expression()
                    self.need("]")
                    node = ("slice", node, low, high)
                else:
                    self.need("]")
                    node = ("index", node, low)
            elif self.take("."):
                node = ("index", node, ("const", self.tokens[self.at][1]))
                self.at += 1
            else:
                return node

    def primary(self) -> Any:
        kind, text = self.tokens[self.at]
        self.at += 1
        if kind == "number":
            return ("const", float(text) if "." in text else int(text))
        if kind == "string":
            return ("const", _unescape(text))
        if kind == "char":
            return ("const", ord(_unescape(text)))
        if text in ("true", "false"):
            return ("const", text == "true")
        if text == "undefined":
            return ("const", UNDEFINED)
        if kind == "name":
            return ("name", text)
        if text == "(":
            inner = self.expression()
            self.need(")")
            return inner
        if text == "[":
            items = []
            while not self.take("]"):
                self.take(";")
                if self.take("]"):
                    break
                items.append(self.expression())
                self.take(",")
                self.take(";")
            return ("array", items)
        if text == "{":
            entries = []
            while not self.take("}"):
                if self.take(";"):
                    continue
                key_kind, key = self.tokens[self.at]
                self.at += 1
                self.need(":")
                entries.append((_unescape(key) if key_kind == "string" else key, self.expression()))
                self.take(",")
            return ("map", entries)
        raise ScriptError(f"unexpected {text!r}")


def parse(source: str) -> list[Any]:
    """The script's statements; ScriptError when it cannot be read."""
    try:
        return _Parser(source).program()
    except IndexError:
        raise ScriptError("the script ends too soon") from None


def run(source: str, variables: dict[str, Any]) -> dict[str, Any]:
    """Run ``source`` with ``variables`` set; its variables when it ends."""
    program = parse(source)
    scope = dict(variables)
    _Runner(scope).body(program)
    return scope


class _Runner:
    def __init__(self, scope: dict[str, Any]) -> None:
        self.scope = scope
        self.steps = 0

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS or (self.steps % 4096 == 0 and budget.time_left() <= 0.001):
            raise ScriptError("the script runs too long")

    def body(self, statements: list[Any]) -> None:
        for statement in statements:
            self.statement(statement)

    def statement(self, node: Any) -> None:
        self.tick()
        kind = node[0]
        if kind == "expr":
            self.value(node[1])
        elif kind == "assign":
            self.assign(node[1], node[2], node[3])
        elif kind == "if":
            self.body(node[2] if _truthy(self.value(node[1])) else node[3])
        elif kind == "for-in":
            self.for_in(node[1], self.value(node[2]), node[3])
        elif kind == "while":
            self.loop(node[1], node[2], node[3], node[4])
        elif kind == "break":
            raise _Break
        elif kind == "continue":
            raise _Continue

    def assign(self, op: str, target: Any, expression: Any) -> None:
        value = self.value(expression)
        if op not in (":=", "="):
            value = _binary(op[0], self.value(target), value)
        if target[0] == "name":
            self.scope[target[1]] = value
        elif target[0] == "index":
            container, key = self.value(target[1]), self.value(target[2])
            if isinstance(container, list):
                container[_int_index(key, container)] = value
            elif isinstance(container, dict):
                container[key] = value
            else:
                raise ScriptError("only an array or a map takes an element")
        else:
            raise ScriptError("cannot assign to that")

    def for_in(self, names: list[str], items: Any, body: list[Any]) -> None:
        pairs = list(items.items()) if isinstance(items, dict) else list(enumerate(items or []))
        for key, item in pairs:
            if len(names) == 1:
                self.scope[names[0]] = item
            else:
                self.scope[names[0]], self.scope[names[1]] = key, item
            try:
                self.body(body)
            except _Break:
                break
            except _Continue:
                continue

    def loop(self, condition: Any, body: list[Any], init: Any, post: Any) -> None:
        if init is not None:
            self.statement(init)
        while _truthy(self.value(condition)):
            self.tick()
            try:
                self.body(body)
            except _Break:
                break
            except _Continue:
                pass
            if post is not None:
                self.statement(post)

    def value(self, node: Any) -> Any:
        kind = node[0]
        if kind == "const":
            return node[1]
        if kind == "name":
            if node[1] in self.scope:
                return self.scope[node[1]]
            if node[1] in BUILTINS:
                return BUILTINS[node[1]]
            raise ScriptError(f"unresolved reference '{node[1]}'")
        if kind == "array":
            return [self.value(item) for item in node[1]]
        if kind == "map":
            return {key: self.value(item) for key, item in node[1]}
        if kind == "not":
            return not _truthy(self.value(node[1]))
        if kind == "binary":
            op = node[1]
            if op == "&&":
                return _truthy(self.value(node[2])) and _truthy(self.value(node[3]))
            if op == "||":
                return _truthy(self.value(node[2])) or _truthy(self.value(node[3]))
            return _binary(op, self.value(node[2]), self.value(node[3]))
        if kind == "index":
            container, key = self.value(node[1]), self.value(node[2])
            if isinstance(container, dict):
                return container.get(key, UNDEFINED)
            if isinstance(container, (list, str)):
                index = _int_index(key, container)
                return container[index] if 0 <= index < len(container) else UNDEFINED
            raise ScriptError("only an array, a string or a map takes an index")
        if kind == "slice":
            container = self.value(node[1])
            low = 0 if node[2] is None else self.value(node[2])
            high = len(container) if node[3] is None else self.value(node[3])
            return container[low:high]
        if kind == "call":
            function = self.value(node[1])
            if not callable(function):
                raise ScriptError("not a function")
            try:
                return function(*[self.value(a) for a in node[2]])
            except ScriptError:
                raise
            except (TypeError, ValueError, IndexError, AttributeError, regex.error, TimeoutError) as error:
                raise ScriptError(f"a call failed: {error}") from None
        raise ScriptError(f"cannot evaluate {kind}")


def _truthy(value: Any) -> bool:
    return bool(value) and value is not UNDEFINED


def _int_index(key: Any, container: Any) -> int:
    if not isinstance(key, int) or isinstance(key, bool):
        raise ScriptError("an index must be an integer")
    return key


def _binary(op: str, left: Any, right: Any) -> Any:
    try:
        if op == "+":
            if isinstance(left, list):
                return [*left, *right]
            return left + right
        if op == "-":
            return left - right
        if op == "*":
            return left * right
        if op == "/":
            return left // right if isinstance(left, int) and isinstance(right, int) else left / right
        if op == "%":
            return left % right
        if op == "==":
            return left == right
        if op == "!=":
            return left != right
        return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[op]
    except (TypeError, ZeroDivisionError) as error:
        raise ScriptError(f"'{op}' failed: {error}") from None


def _re_find(pattern: str, text: str, count: int = -1) -> Any:
    found = []
    for match in patterns.compile(pattern).finditer(text, timeout=budget.time_left()):
        if count >= 0 and len(found) >= count:
            break
        found.append([{"text": match.group(i) or "", "begin": match.start(i), "end": match.end(i)} for i in range(len(match.groups()) + 1)])
    return found or UNDEFINED


def _go_replace(replacement: str) -> str:
    """Go's ``$1`` and ``${1}`` in a replacement, as Python's ``\\g<1>``."""
    return regex.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", replacement.replace("\\", "\\\\"))


TEXT: dict[str, Callable[..., Any]] = {
    "re_match": lambda pattern, text: patterns.compile(pattern).search(text, timeout=budget.time_left()) is not None,
    "re_find": _re_find,
    "re_replace": lambda pattern, text, repl: patterns.compile(pattern).sub(_go_replace(repl), text, timeout=budget.time_left()),
    "re_split": lambda pattern, text, count=-1: patterns.compile(pattern).split(
        text, maxsplit=max(count - 1, 0) if count > 0 else 0, timeout=budget.time_left()
    ),
    "split": lambda text, sep: text.split(sep) if sep else list(text),
    "split_n": lambda text, sep, count: text.split(sep, count - 1) if count > 0 else [],
    "join": lambda items, sep: sep.join(items),
    "contains": lambda text, sub: sub in text,
    "has_prefix": lambda text, prefix: text.startswith(prefix),
    "has_suffix": lambda text, suffix: text.endswith(suffix),
    "index": lambda text, sub: text.find(sub),
    "last_index": lambda text, sub: text.rfind(sub),
    "trim_space": lambda text: text.strip(),
    "trim": lambda text, chars: text.strip(chars),
    "trim_prefix": lambda text, prefix: text.removeprefix(prefix),
    "trim_suffix": lambda text, suffix: text.removesuffix(suffix),
    "to_lower": lambda text: text.lower(),
    "to_upper": lambda text: text.upper(),
    "replace": lambda text, old, new, count=-1: text.replace(old, new, count),
    "repeat": lambda text, count: text * count,
    "fields": lambda text: text.split(),
}


def _import(name: str) -> dict[str, Callable[..., Any]]:
    if name != "text":
        raise ScriptError(f"module '{name}' is not available (only 'text')")
    return TEXT


BUILTINS: dict[str, Callable[..., Any]] = {
    "len": lambda value: len(value),
    "append": lambda items, *more: [*items, *more],
    "string": lambda value: str(value),
    "int": lambda value: int(value),
    "float": lambda value: float(value),
    "is_undefined": lambda value: value is UNDEFINED,
    "import": _import,
}
