"""HTML articles: a CMS export or a saved page, read as a story.

The headline is the first ``<h1>`` of the story (else ``og:title``, else
``<title>`` less a ``" | Site"`` suffix); the byline an element whose class
holds ``byline`` or that is ``rel=author`` / ``itemprop=author``, else the
``author`` meta tag; the dek the ``description`` (or ``og:description``)
meta tag. The body is the paragraphs, list items and headings of the first
``<article>`` that holds paragraphs (else the first such ``<main>``, else
the whole page); a ``<blockquote>``'s paragraphs are quotations.
Navigation, asides, figures and their captions, scripts, styles, forms and
embedded frames are skipped, and so is a page footer outside the story.

The story is rendered as plain text with a map back to the HTML (see
``linter.formats.mapped``): entities are decoded and white space folded for
the checks, and findings report the line and column in the HTML file.
Suppression comments (``<!-- copydesk-disable-next-line rule -->``) are
read from the HTML and apply to its lines.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any, NamedTuple

from linter.support import patterns

from linter.article import suppression
from linter.article.document import BLOCK_TAGS, PARTS, Block, LineIndex, Quote, Role
from linter.article.layout import annotate, ends_like_prose, is_byline, is_credit
from linter.formats.mapped import MappedDocument, Rendering, SourceMap
from linter.support.textnorm import normalize

SKIPPED = frozenset("nav aside figure figcaption script style noscript template svg form iframe button select".split())
BLOCKS = frozenset("p li h1 h2 h3 h4 h5 h6".split())
# Tags that end an open paragraph (HTML closes <p> implicitly before them).
_CLOSES_PARAGRAPH = BLOCKS | frozenset(
    "address article aside blockquote div dl fieldset footer form header hr main nav ol pre section table ul".split()
)
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_ENTITY = patterns.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
# A class that names the byline element ("byline", "entry-author",
# "author vcard"), not one that merely holds it ("byline-container").
_BYLINE_CLASS = patterns.compile(r"(?i)(?:^|\s)(?:[\w-]*[-_])?(?:byline|author|authors|author-?name)(?=\s|$)")
_NEWLINE = patterns.compile(r"\n")
_CONTENT = patterns.compile(r"""(?is)\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


class Part(NamedTuple):
    """A block as read: its tag, where it stands, and its rendered pieces
    (text, source offset, source length)."""

    tag: str
    pieces: list[tuple[str, int, int]]
    container: int  # the <article>/<main> it is in (its number; -1: none)
    quoted: bool
    byline: bool
    origin: str = "body"
    listed: bool = False  # whether it stands in an <li> (a <p> of a list item)


def parse(path: Path, source: str) -> MappedDocument:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    return _document(path, source, reader)


class _Reader:
    """Walks the HTML once and collects the parts of the story."""

    def __init__(self, source: str) -> None:
        from html.parser import HTMLParser  # only when an HTML story is read

        reader = self

        class Parser(HTMLParser):
            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                reader.start(tag, dict(attrs), self.get_starttag_text() or "")

            def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                reader.start(tag, dict(attrs), self.get_starttag_text() or "", void=True)

            def handle_endtag(self, tag: str) -> None:
                reader.end(tag)

            def handle_data(self, data: str) -> None:
                reader.data()

            def handle_comment(self, data: str) -> None:
                reader.mark()

            handle_decl = handle_pi = unknown_decl = handle_comment

        self.parser = Parser(convert_charrefs=True)
        self.source = source
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(source)]
        self.pending: int | None = None  # where the data not yet read starts
        self.stack: list[str] = []
        self.skip = 0  # depth inside skipped elements
        self.containers: list[int] = []  # the open <article>/<main> elements, by number
        self.container_tags: list[str] = []  # the tag of each container, by number
        self.quote_depth = 0
        self.block: dict[str, Any] | None = None  # the part being read
        self.byline_depth: int | None = None  # stack depth of an open byline element
        self.parts: list[Part] = []
        self.meta: dict[str, tuple[str, int, int]] = {}  # name: (raw value, offset, length)
        self.title: list[tuple[str, int, int]] | None = None
        self.title_pieces: list[tuple[str, int, int]] = []
        self.link_open: int | None = None  # where the text of the <a> being read starts
        self.links: list[tuple[int, int]] = []  # the source offsets of each link's text

    def feed(self, source: str) -> None:
        self.parser.feed(source)

    def close(self) -> None:
        self.parser.close()
        self._read_pending(len(self.source))
        self._end_block()

    def _offset(self) -> int:
        line, column = self.parser.getpos()
        return self.line_starts[line - 1] + column

    def mark(self) -> int:
        """Read the data before the current event; return where it starts."""
        here = self._offset()
        self._read_pending(here)
        return here

    def data(self) -> None:
        here = self.mark()
        self.pending = here

    def _read_pending(self, end: int) -> None:
        if self.pending is None:
            return
        start, self.pending = self.pending, None
        if self.skip:
            return
        target = self.block["pieces"] if self.block is not None else self.title if self.title is not None else None
        if target is not None:
            target += decoded(self.source[start:end], start)

    def start(self, tag: str, attrs: dict[str, str | None], text: str, void: bool = False) -> None:
        here = self.mark()
        if tag == "meta":
            self._meta(attrs, here, text)
        if self.skip or tag in SKIPPED or (tag == "footer" and not self.containers):
            if not void and tag not in VOID:
                self.skip += 1
                self.stack.append(tag)
            return
        if tag in VOID or void:
            if tag == "br" and self.block is not None:
                self.block["pieces"].append((" ", here, len(text)))
            return
        if tag == "p" and self.block is not None and self.block["tag"] == "p":
            self._end_block()
        elif tag in _CLOSES_PARAGRAPH and self.block is not None and self.block["tag"] in ("p", "li") and tag != "li":
            if not (self.block["byline"] and self.byline_depth is not None):
                self._end_block()
        self.stack.append(tag)
        if tag == "a" and self.block is not None:
            self.link_open = here + len(text)
        if tag in ("article", "main"):
            self.containers.append(len(self.container_tags))
            self.container_tags.append(tag)
        elif tag == "blockquote":
            self.quote_depth += 1
        elif tag == "title" and self.title is None and not self.title_pieces:
            self.title = self.title_pieces
        bylined = attrs.get("rel") == "author" or attrs.get("itemprop") == "author" or bool(
            _BYLINE_CLASS.search(attrs.get("class") or "")
        )
        if self.block is not None:
            if bylined:
                self.block["byline"] = True
            if tag in BLOCKS and tag != self.block["tag"] and self.byline_depth is None:
                self._end_block()
            else:
                return
        if tag in BLOCKS or bylined:
            self.block = {"tag": tag, "pieces": [], "depth": len(self.stack), "byline": bylined, "listed": "li" in self.stack}
            if bylined:
                self.byline_depth = len(self.stack)

    def end(self, tag: str) -> None:
        here = self.mark()
        if tag not in self.stack:
            return  # a stray end tag
        if tag == "a" and self.link_open is not None:
            self.links.append((self.link_open, here))
            self.link_open = None
        while self.stack:
            closed = self.stack.pop()
            if self.skip:
                self.skip -= 1
            else:
                self._closed(closed)
            if closed == tag:
                break

    def _closed(self, tag: str) -> None:
        if self.block is not None and len(self.stack) < self.block["depth"]:
            self._end_block()
        if tag in ("article", "main") and self.containers:
            self.containers.pop()
        elif tag == "blockquote":
            self.quote_depth = max(0, self.quote_depth - 1)
        elif tag == "title":
            self.title = None

    def _end_block(self) -> None:
        block, self.block, self.byline_depth = self.block, None, None
        if block is None:
            return
        pieces = _folded(block["pieces"])
        if pieces:
            container = self.containers[0] if self.containers else -1
            self.parts.append(Part(block["tag"], pieces, container, self.quote_depth > 0, block["byline"], listed=block["listed"]))

    def _meta(self, attrs: dict[str, str | None], here: int, text: str) -> None:
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        if name not in ("author", "description", "og:description", "og:title") or name in self.meta:
            return
        match = _CONTENT.search(text)
        if match:
            group = next(g for g in (1, 2, 3) if match.group(g) is not None)
            self.meta[name] = (match.group(group), here + match.start(group), len(match.group(group)))


def decoded(raw: str, start: int) -> list[tuple[str, int, int]]:
    """The pieces of raw HTML text at offset ``start``: runs of characters
    as written and decoded entities, white space not yet folded."""
    from html import unescape  # only when an HTML story is read

    pieces: list[tuple[str, int, int]] = []
    position = 0
    for match in _ENTITY.finditer(raw):
        value = unescape(match.group())
        if value == match.group():
            continue  # not an entity: kept as written
        if match.start() > position:
            pieces.append((raw[position : match.start()], start + position, match.start() - position))
        pieces.append((value, start + match.start(), match.end() - match.start()))
        position = match.end()
    if position < len(raw):
        pieces.append((raw[position:], start + position, len(raw) - position))
    return pieces


_SPACES = patterns.compile(r"[ \t\n\r\f]+")


def _folded(pieces: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The pieces with runs of white space folded to one space and none at
    either end, as a browser shows them."""
    out: list[tuple[str, int, int]] = []
    space_before = True  # at the start: drop leading white space
    for text, source, length in pieces:
        if len(text) != length:  # a decoded entity or a <br>
            if text == " ":
                if not space_before:
                    out.append((text, source, length))
                    space_before = True
            else:
                out.append((text, source, length))
                space_before = False
            continue
        position = 0
        for match in _SPACES.finditer(text):
            if match.start() > position:
                out.append((text[position : match.start()], source + position, match.start() - position))
                space_before = False
            if not space_before:
                out.append((" ", source + match.start(), match.end() - match.start()))
                space_before = True
            position = match.end()
        if position < len(text):
            out.append((text[position:], source + position, len(text) - position))
            space_before = False
    while out and out[-1][0] == " ":
        out.pop()
    return out


def _document(path: Path, source: str, reader: _Reader) -> MappedDocument:
    parts = _story_parts(reader.parts, reader.container_tags)
    headline_at = next((i for i, part in enumerate(parts) if part.tag == "h1"), None)
    front: list[Part] = []
    if headline_at is None:
        title = _meta_part(reader, "og:title") or _title_part(reader.title_pieces)
        if title:
            front.append(title)
    description = _meta_part(reader, "description") or _meta_part(reader, "og:description")
    if description:
        front.append(description._replace(tag="dek"))
    if not any(part.byline for part in parts):
        author = _meta_part(reader, "author")
        if author and not author.pieces[0][0].startswith(("http://", "https://")):
            front.append(author._replace(byline=True))

    source_map = SourceMap(source)
    rendering = Rendering()
    spans: list[tuple[int, int]] = []
    links: list[tuple[int, int]] = []  # the rendered offsets of each link's text
    for part in [*front, *parts]:
        rendering.move_to(source_map.lines.position(part.pieces[0][1])[0])
        start = rendering.length
        for text, at, length in part.pieces:
            begin = rendering.length
            rendering.add(text, at, length)
            if _inside(reader.links, at):
                _extend(links, begin, rendering.length)
        spans.append((start, rendering.length))
    text = rendering.text
    lines = LineIndex(text)
    blocks = _blocks(text, lines, [*front, *parts], spans)
    doc = MappedDocument(path, text, "html", lines, blocks)
    doc.metadata[PARTS] = {"link": [(s, e) for s, e in links if text[s:e].strip()]}
    doc.metadata[BLOCK_TAGS] = [(part.tag, part.quoted, part.listed) for part in [*front, *parts]]
    doc.source_map = source_map.using(rendering.pieces)
    doc.source_suppressions = suppression.parse(source, source_map.lines)
    return doc


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` is inside one of ``spans`` (in order, apart)."""
    at = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]


def _extend(spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Add ``start``..``end`` to ``spans``, joined to the last one where it
    follows it (a link's text, read as several pieces, is one span)."""
    if spans and spans[-1][1] == start:
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


def _story_parts(parts: list[Part], container_tags: list[str]) -> list[Part]:
    """The parts of the story: those of the first <article> (else <main>)
    that holds a paragraph, else every part of the page."""
    for wanted in ("article", "main"):
        holding = [part.container for part in parts if part.tag == "p" and part.container >= 0 and container_tags[part.container] == wanted]
        if holding:
            return [part for part in parts if part.container == holding[0]]
    return parts


def _meta_part(reader: _Reader, name: str) -> Part | None:
    if name not in reader.meta:
        return None
    raw, at, _ = reader.meta[name]
    pieces = _folded(decoded(raw, at))
    return Part("meta", pieces, -1, False, False, origin="front-matter") if pieces else None


def _title_part(pieces: list[tuple[str, int, int]]) -> Part | None:
    """The <title>, less a site name after its last " | "."""
    folded = _folded(pieces)
    text = "".join(piece[0] for piece in folded)
    cut = text.rfind(" | ")
    if cut > 0:
        kept, length = [], 0
        for piece in folded:
            if length >= cut:
                break
            kept.append(piece)
            length += len(piece[0])
        folded = _folded(kept)
    return Part("title", folded, -1, False, False, origin="front-matter") if folded else None


def _blocks(text: str, lines: LineIndex, parts: list[Part], spans: list[tuple[int, int]]) -> list[Block]:
    """The blocks of the rendered story; a part that repeats the headline
    is a headline again (a duplicated headline), as in plain text."""
    headline_key: str | None = None
    blocks: list[Block] = []
    for part, (start, end) in zip(parts, spans):
        content = text[start:end]
        role, prose = Role.BODY, True
        if headline_key is None and part.tag in ("h1", "meta", "title") and not part.byline:
            role, prose, headline_key = Role.HEADLINE, False, normalize(content)
        elif part.tag == "dek":
            role, prose = Role.DEK, ends_like_prose(content)
        elif part.byline or is_byline(content):
            role = Role.BYLINE
        elif headline_key is not None and normalize(content) == headline_key:
            role, prose = Role.HEADLINE, False
        elif part.tag.startswith("h"):
            role, prose = Role.HEADING, False
        elif is_credit(content):
            role = Role.CREDIT
        block = Block(role, content, lines.span(start, end), len(blocks), prose=prose, origin=part.origin)
        annotate(block, lines)
        if part.quoted and not block.quotes:  # a <blockquote> without quotation marks
            block.quotes = [Quote(content, block.span, block.span, block)]
        blocks.append(block)
    return blocks
