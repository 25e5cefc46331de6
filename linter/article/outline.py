"""The document model as a person or a script reads it (``copydesk parse``):
each block with its role and span, its sentences and its quotations."""

from __future__ import annotations

import json
from typing import Any

from linter.article.document import Block, Document, Quote, Span


def _span(span: Span) -> dict[str, int]:
    return {
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "start": span.start,
        "end": span.end,
    }


def _quote(doc: Document, quote: Quote, nested: bool) -> dict[str, Any]:
    return {
        "text": quote.text,
        "marked": doc.text[quote.span.start : quote.span.end],
        "span": _span(quote.span),
        "closed": quote.closed,
        "nested": nested,
    }


def _block(doc: Document, block: Block) -> dict[str, Any]:
    quotes = sorted(
        [(q, False) for q in block.quotes] + [(q, True) for q in block.nested_quotes], key=lambda item: item[0].span.start
    )
    return {
        "role": block.role,
        "text": block.text,
        "prose": block.prose,
        "origin": block.origin,
        "span": _span(block.span),
        "dateline": _span(block.dateline) if block.dateline else None,
        "sentences": [{"text": s.text, "span": _span(s.span)} for s in block.sentences],
        "quotes": [_quote(doc, quote, nested) for quote, nested in quotes],
    }


def outline(doc: Document) -> dict[str, Any]:
    """The document as plain data (for ``--format json``)."""
    return {"path": str(doc.path), "format": doc.format, "blocks": [_block(doc, block) for block in doc.blocks]}


def to_json(doc: Document) -> str:
    return json.dumps(outline(doc), ensure_ascii=False, indent=2) + "\n"


def _where(span: dict[str, int]) -> str:
    return f"{span['line']}:{span['column']}-{span['end_line']}:{span['end_column']}"


def _short(text: str, width: int = 72) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def to_text(doc: Document) -> str:
    """One line a block (its span, role and text), then its sentences and
    quotations indented below it."""
    lines = [f"{doc.path} ({doc.format})"]
    for block in outline(doc)["blocks"]:
        origin = " (front matter)" if block["origin"] != "body" else ""
        lines.append(f"{_where(block['span'])}  {block['role']}{origin}: {_short(block['text'])}")
        if block["dateline"]:
            where = block["dateline"]
            lines.append(f"    dateline {_where(where)}: {doc.text[where['start'] : where['end']]}")
        if len(block["sentences"]) > 1:
            lines += [f"    sentence {_where(s['span'])}: {_short(s['text'], 64)}" for s in block["sentences"]]
        for quote in block["quotes"]:
            kind = "nested quote" if quote["nested"] else "quote"
            state = "" if quote["closed"] else " (runs on, unclosed)"
            lines.append(f"    {kind} {_where(quote['span'])}{state}: {_short(quote['marked'], 60)}")
    return "\n".join(lines) + "\n"
