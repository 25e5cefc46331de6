"""A document as Vale's rules read it when a configuration tells them to
pass over some of its text: Vale's ``TokenIgnores`` and ``BlockIgnores``,
and its ``IgnoredScopes`` and ``SkippedScopes`` (see ``scoped_spans``).

Vale turns what such a pattern matches into inline code (a token) or a
code block (a block) before it reads the markup, so no rule that reads
prose sees it; a rule scoped ``raw`` reads the file as written, and plain
text has no markup to turn it into, so neither is touched. Here the
matched text is blanked (offsets and line breaks kept) in a copy of the
document the rules read: every check reads it through the usual blocks and
segments, with no code of its own. A token is blanked with ``*``, as
inline code is (linter.checks.markup), so that no rule sees a run of spaces
or two words meet across it; a block, with spaces.
"""

from __future__ import annotations

from typing import Iterable

from linter.article.document import Block, Document, Sentence
from linter.support import patterns

MARKUP_FORMATS = ("markdown", "html")  # the formats Vale reads as markup


Spans = list[tuple[int, int, str]]
TOKEN_FILL, BLOCK_FILL = "*", " "


def ignored_spans(text: str, token_ignores: Iterable[str], block_ignores: Iterable[str]) -> Spans:
    """The (start, end, fill) of what the patterns match in ``text``, in
    order. They are Go patterns, as Vale reads them: ``^`` is the start
    of the text unless ``(?m)``, ``.`` no line break unless ``(?s)``."""
    spans = [
        (match.start(), match.end(), fill)
        for found, fill in ((block_ignores, BLOCK_FILL), (token_ignores, TOKEN_FILL))
        for pattern in found
        for match in patterns.compile(pattern).finditer(text)
        if match.end() > match.start()
    ]
    return sorted(spans)


# Vale's IgnoredScopes: inline markup whose text is not read (Markdown)
_STRONG = r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"
_EM = r"(?<![*_\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*_\w])"
_EMPHASIS = {"strong": _STRONG, "b": _STRONG, "em": _EM, "i": _EM}  # compiled when a configuration names them
# Vale's SkippedScopes: an HTML tag, as the markup kind of the blocks it makes
_SKIPPED_KINDS = {
    "blockquote": "blockquote", "li": "list", "ul": "list", "ol": "list",
    **{f"h{n}": f"heading.h{n}" for n in range(1, 7)},
}
_TABLE_TAGS = ("table", "thead", "tbody", "tr", "th", "td")


def scoped_spans(doc: Document, ignored_scopes: Iterable[str], skipped_scopes: Iterable[str]) -> Spans:
    """What Vale's IgnoredScopes and SkippedScopes keep from its rules: the
    text of links (IgnoredScopes ``link``) and, in a Markdown story, of
    strong or emphasised words
    (IgnoredScopes ``link``, ``strong``/``b``, ``em``/``i``; blanked as a
    token is); the blocks that are quotations, list items or headings of a
    level (SkippedScopes ``blockquote``, ``li``, ``h2``…) and, in Markdown,
    pipe tables (``table``…), blanked as a block is. Vale's defaults (code, scripts,
    styles, figures) copydesk never reads."""
    if doc.format not in MARKUP_FORMATS:
        return []
    from linter.article.markup_scopes import parts

    ignored, skipped = set(ignored_scopes), set(skipped_scopes)
    kinds = {_SKIPPED_KINDS[name] for name in skipped if name in _SKIPPED_KINDS}
    spans: Spans = []
    for block in doc.blocks:
        if block.origin != "body":
            continue
        start = block.span.start
        markdown = doc.format == "markdown"
        if (kinds and kinds & doc.markup_kinds(block)) or (markdown and skipped & set(_TABLE_TAGS) and parts(block.text, "table")):
            spans.append((start, block.span.end, BLOCK_FILL))
            continue
        if "link" in ignored:
            spans += [(start + begin, start + end, TOKEN_FILL) for begin, end in doc.parts_of(block, "link", parts)]
        if not markdown:
            continue  # the rendered text of HTML keeps no emphasis to tell
        for name in ignored & set(_EMPHASIS):
            spans += [(start + m.start(2), start + m.end(2), TOKEN_FILL) for m in patterns.compile(_EMPHASIS[name]).finditer(block.text)]
    return spans


def _blank(text: str, offset: int, spans: Spans) -> str:
    """``text`` (which starts at ``offset`` of the document) with the
    document's ``spans`` turned to spaces, line breaks kept."""
    end = offset + len(text)
    chars: list[str] | None = None
    for start, stop, fill in spans:
        if stop <= offset or start >= end:
            continue
        chars = chars if chars is not None else list(text)
        for at in range(max(start, offset) - offset, min(stop, end) - offset):
            if chars[at] not in "\r\n":
                chars[at] = fill
    return text if chars is None else "".join(chars)


def without(doc: Document, spans: Spans) -> Document:
    """A copy of ``doc`` with the text of ``spans`` blanked in it and in
    its blocks and sentences; ``doc`` itself when there is nothing to blank
    or its format is not markup. A block whose text is not the document's
    at its span (decoded HTML) is left as it is."""
    if not spans or doc.format not in MARKUP_FORMATS:
        return doc
    blocks = []
    for block in doc.blocks:
        start = block.span.start
        same = doc.text[start : block.span.end] == block.text
        text = _blank(block.text, start, spans) if same else block.text
        copy = Block(block.role, text, block.span, block.index, block.prose, block.origin, quotes=block.quotes)
        copy.nested_quotes, copy.dateline = block.nested_quotes, block.dateline
        copy.sentences = [
            Sentence(text[s.span.start - start : s.span.start - start + len(s.text)] if same else s.text, s.span, copy)
            for s in block.sentences
        ]
        blocks.append(copy)
    return Document(doc.path, _blank(doc.text, 0, spans), doc.format, doc.lines, blocks, doc.metadata)
