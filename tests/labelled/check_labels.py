"""Self-check for the labelled attribution set.

Run:  /tmp/venv/bin/python tests/labelled/check_labels.py [labels.yaml]

It verifies that
  * every labelled file exists, and every article in the folder is labelled;
  * every quote, sourcing phrase and distractor substring occurs exactly once
    in its article;
  * every double-quoted passage (straight "..." or curly “...”; a passage left
    open at the end of a paragraph runs to the paragraph's end) has exactly
    one quote entry whose substring lies inside it, and no quote entry lies
    outside a quotation;
  * sourcing phrases lie outside quotations;
  * labels come from the allowed sets;
and prints the counts per label. Exit code 0 when clean, 1 otherwise.

A straight double quote right after a digit, when no straight quotation is
open, is an inch mark (a 36" main), not a quotation mark.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_LABELS = HERE / "attribution" / "labels.yaml"

QUOTE_LABELS = {"attributed", "unattributed", "scare", "title", "sign"}
SOURCING_LABELS = {"vague", "named"}
ARTICLE_SUFFIXES = {".txt", ".md"}


@dataclass
class Passage:
    start: int  # offset of the opening mark
    inner_start: int
    inner_end: int  # end of the words (closing mark excluded, or paragraph end)
    closed: bool

    def contains(self, start: int, end: int) -> bool:
        return self.inner_start <= start and end <= self.inner_end


def body_region(path: Path, text: str, errors: list[str]) -> int:
    """Offset where the story body starts (after YAML front matter)."""
    if path.suffix != ".md":
        return 0
    if not text.startswith("---\n"):
        errors.append(f"{path.name}: markdown article without front matter")
        return 0
    end = text.find("\n---\n", 4)
    if end < 0:
        errors.append(f"{path.name}: front matter is not closed")
        return 0
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        errors.append(f"{path.name}: bad front matter: {exc}")
        meta = {}
    for key in ("title", "author"):
        if not meta.get(key):
            errors.append(f"{path.name}: front matter has no {key!r}")
    return end + len("\n---\n")


def paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) offsets of the blank-line separated paragraphs."""
    spans = []
    pos = start
    for block in re.split(r"(\n[ \t]*\n)", text[start:]):
        if block.strip() and not re.fullmatch(r"\n[ \t]*\n", block):
            lead = len(block) - len(block.lstrip())
            spans.append((pos + lead, pos + len(block.rstrip())))
        pos += len(block)
    return spans


def find_passages(name: str, text: str, paras: list[tuple[int, int]], errors: list[str]) -> list[Passage]:
    passages: list[Passage] = []
    for index, (pstart, pend) in enumerate(paras):
        para = text[pstart:pend]
        lines = para.split("\n")
        if len(lines) > 1:
            headline_block = name.endswith(".txt") and index == 0 and len(lines) == 2 and lines[1].startswith("By ")
            if not headline_block:
                errors.append(f"{name}: paragraph at offset {pstart} spans {len(lines)} lines (hard-wrapped?)")
        open_at: int | None = None
        kind = ""
        for i in range(pstart, pend):
            ch = text[i]
            prev = text[i - 1] if i > pstart else ""
            if ch == "“":
                if open_at is not None:
                    errors.append(f"{name}: opening “ inside an open quotation at offset {i}: {text[i - 30:i + 10]!r}")
                    continue
                open_at, kind = i, "curly"
            elif ch == "”":
                if open_at is None or kind != "curly":
                    errors.append(f"{name}: stray ” at offset {i}: {text[max(pstart, i - 40):i + 5]!r}")
                    continue
                passages.append(Passage(open_at, open_at + 1, i, True))
                open_at = None
            elif ch == '"':
                if open_at is None:
                    if prev.isdigit():
                        continue  # inch mark
                    open_at, kind = i, "straight"
                elif kind == "straight":
                    passages.append(Passage(open_at, open_at + 1, i, True))
                    open_at = None
                elif prev.isdigit():
                    continue  # inch mark inside a curly quotation
                else:
                    errors.append(f"{name}: straight quote inside a curly quotation at offset {i}")
        if open_at is not None:
            passages.append(Passage(open_at, open_at + 1, pend, False))
            following = text[paras[index + 1][0]] if index + 1 < len(paras) else ""
            if following not in ('"', "“"):
                errors.append(
                    f"{name}: quotation opened at offset {open_at} is left open and the next paragraph "
                    f"does not continue it: {text[open_at:open_at + 50]!r}"
                )
    return passages


def occurrences(text: str, needle: str) -> list[int]:
    found, pos = [], text.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = text.find(needle, pos + 1)
    return found


def check(labels_path: Path) -> int:
    errors: list[str] = []
    folder = labels_path.parent
    data = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        print(f"{labels_path}: expected a mapping with an 'articles' list")
        return 1

    quote_counts: Counter[str] = Counter()
    sourcing_counts: Counter[str] = Counter()
    n_distractors = 0
    n_passages = 0
    seen_files: set[str] = set()
    kinds = Counter()

    for entry in data["articles"]:
        name = entry.get("file")
        if not name:
            errors.append(f"an article entry has no 'file': {entry!r}")
            continue
        if name in seen_files:
            errors.append(f"{name}: labelled twice")
        seen_files.add(name)
        unknown = set(entry) - {"file", "quotes", "sourcing", "distractors"}
        if unknown:
            errors.append(f"{name}: unknown keys {sorted(unknown)}")
        path = folder / name
        if not path.is_file():
            errors.append(f"{name}: file does not exist")
            continue
        kinds[path.suffix] += 1
        text = path.read_text(encoding="utf-8")
        if "\r" in text:
            errors.append(f"{name}: carriage returns in file")
        start = body_region(path, text, errors)
        paras = paragraphs(text, start)
        passages = find_passages(name, text, paras, errors)
        n_passages += len(passages)
        owners: dict[int, list[str]] = {i: [] for i in range(len(passages))}

        def locate(needle: str, what: str) -> int | None:
            if not isinstance(needle, str) or not needle.strip():
                errors.append(f"{name}: empty or non-string {what}: {needle!r}")
                return None
            hits = occurrences(text, needle)
            if len(hits) != 1:
                errors.append(f"{name}: {what} {needle!r} occurs {len(hits)} times (must be exactly once)")
                return None
            return hits[0]

        for q in entry.get("quotes") or []:
            quote, label = q.get("quote"), q.get("label")
            if set(q) - {"quote", "label", "note"}:
                errors.append(f"{name}: unknown keys in quote entry {q!r}")
            if label not in QUOTE_LABELS:
                errors.append(f"{name}: quote {quote!r} has label {label!r}, not one of {sorted(QUOTE_LABELS)}")
            else:
                quote_counts[label] += 1
            pos = locate(quote, "quote")
            if pos is None:
                continue
            inside = [i for i, p in enumerate(passages) if p.contains(pos, pos + len(quote))]
            if not inside:
                errors.append(f"{name}: quote {quote!r} does not lie inside any quotation")
            for i in inside:
                owners[i].append(quote)

        for i, p in enumerate(passages):
            if len(owners[i]) != 1:
                words = text[p.inner_start:p.inner_end]
                errors.append(
                    f"{name}: quotation {words[:60]!r} has {len(owners[i])} entries"
                    + (f": {owners[i]!r}" if owners[i] else "")
                )

        for s in entry.get("sourcing") or []:
            phrase, label = s.get("phrase"), s.get("label")
            if set(s) - {"phrase", "label", "note"}:
                errors.append(f"{name}: unknown keys in sourcing entry {s!r}")
            if label not in SOURCING_LABELS:
                errors.append(f"{name}: sourcing {phrase!r} has label {label!r}, not one of {sorted(SOURCING_LABELS)}")
            else:
                sourcing_counts[label] += 1
            pos = locate(phrase, "sourcing phrase")
            if pos is None:
                continue
            if pos < start:
                errors.append(f"{name}: sourcing phrase {phrase!r} is in the front matter")
            for p in passages:
                span_end = p.inner_end + 1 if p.closed else p.inner_end
                if pos < span_end and pos + len(phrase) > p.start:
                    errors.append(f"{name}: sourcing phrase {phrase!r} overlaps a quotation")
                    break

        for d in entry.get("distractors") or []:
            if set(d) - {"phrase", "note"}:
                errors.append(f"{name}: unknown keys in distractor entry {d!r}")
            if locate(d.get("phrase"), "distractor") is not None:
                n_distractors += 1

    on_disk = {p.name for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES}
    for missing in sorted(on_disk - seen_files):
        errors.append(f"{missing}: article is not labelled")

    for error in errors:
        print("ERROR:", error)
    n_quotes = sum(quote_counts.values())
    n_sourcing = sum(sourcing_counts.values())
    print(f"articles: {len(seen_files)} ({', '.join(f'{k}: {v}' for k, v in sorted(kinds.items()))})")
    print(f"quotations found: {n_passages}")
    print(f"quotes: {n_quotes}")
    for label in sorted(QUOTE_LABELS):
        share = 100 * quote_counts[label] / n_quotes if n_quotes else 0
        print(f"  {label:13} {quote_counts[label]:4}  ({share:.0f}%)")
    print(f"sourcing: {n_sourcing}")
    for label in sorted(SOURCING_LABELS):
        print(f"  {label:13} {sourcing_counts[label]:4}")
    print(f"distractors: {n_distractors}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(check(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_LABELS))
