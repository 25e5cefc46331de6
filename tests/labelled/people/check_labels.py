"""Check the labels of the person-name set against its articles.

    /tmp/venv/bin/python tests/labelled/people/check_labels.py          # check, print totals
    /tmp/venv/bin/python tests/labelled/people/check_labels.py --audit  # and list unlabelled names

labels.yaml has one entry per article:

    articles:
      - file: 001-harbor-vote.txt
        byline: Marisol Trent        # optional: the writer on the "By ..." line
        people: [Lena Ortiz, ...]    # every person named with a given name and a surname
        not_people: [New Bedford, ...]  # capitalised multi-word names that are not people

What is checked:

* the file of every entry exists, and every article in the folder has an entry;
* the article has a headline line, then (when labelled) its "By ..." line,
  then 5-10 paragraphs, one line each, separated by blank lines;
* every people and not_people string occurs verbatim in the article body
  (after the headline and byline lines);
* the byline names the writer and the writer is not listed as a person;
* no duplicates: no file listed twice, no string twice in a list, no string
  in both lists of an article;
* no article names a person of the names registry (the set is about people
  copydesk does not know).

--audit also prints, for each article, the capitalised runs of two or more
words that are neither a label nor part of one, to review by hand (most
are sentence openings or short forms of a labelled name).

Exit status 0 when clean, 1 when any problem is found.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels.yaml"

KEYS = {"file", "byline", "people", "not_people"}
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 5, 10

# People of copydesk's names registry: the set must not use them.
REGISTERED = re.compile(
    r"\b(Putin|Trump|Peskov|Witkoff|Zelensk(?:y|yy|iy)|Lavrov|Rubio|Xi Jinping|Biden)\b"
)

# A capitalised word (letters, apostrophes, hyphens; an initial or a short
# abbreviation may end in a period), or a connector allowed inside a name.
_CAP = r"(?:[A-ZÀ-ÖØ-Þ](?:\.|[a-zß-öø-ÿ'’\-][\w'’\-]*)|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Mt|Ft|Gov|Sen|Rep|Lt|Gen|Sgt|Capt)\.|\d+(?:st|nd|rd|th))"
_JOIN = r"(?:de|la|del|da|do|dos|das|du|van|der|den|von|of|the|for|and|&|le|di|lo|bin|al|y|e)"
CAPITALISED_RUN = re.compile(rf"(?<![\w'’\-]){_CAP}(?: (?:{_JOIN} )*{_CAP})+(?![\w'’\-])")
# A title and a bare surname ("Ms. Ortiz", "Dr. Bledsoe"): no given name, never labelled.
TITLE_AND_SURNAME = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Lt|Gen|Sgt|Capt)\. (?:(?:de|la|van|der|von|da) )*\S+$")


def split_article(text: str) -> tuple[list[str], list[str]]:
    """Header lines (headline, byline) and body paragraphs."""
    lines = text.split("\n")
    header: list[str] = []
    i = 0
    while i < len(lines) and lines[i].strip() and len(header) < 2:
        header.append(lines[i])
        i += 1
    if len(header) == 2 and not header[1].startswith("By "):
        i -= 1
        header.pop()
    body = "\n".join(lines[i:])
    return header, [p for p in re.split(r"\n\s*\n", body) if p.strip()]


def check_article(entry: dict, problems: list[str]) -> tuple[str, str] | None:
    name = entry.get("file")
    where = f"{name}:"
    unknown = set(entry) - KEYS
    if unknown:
        problems.append(f"{where} unknown keys {sorted(unknown)}")
    path = HERE / str(name)
    if not name or not path.is_file():
        problems.append(f"{where} file does not exist")
        return None
    text = path.read_text(encoding="utf-8")
    header, paragraphs = split_article(text)
    body = "\n\n".join(paragraphs)

    if not header or header[0].startswith("By "):
        problems.append(f"{where} no headline line")
    byline = entry.get("byline")
    has_byline_line = len(header) == 2
    if byline is not None:
        if not has_byline_line:
            problems.append(f"{where} labelled byline {byline!r} but no 'By ...' line")
        elif header[1].strip() != f"By {byline}":
            problems.append(f"{where} byline line {header[1]!r} does not name {byline!r}")
    elif has_byline_line:
        problems.append(f"{where} has a byline line but no byline label")
    if not MIN_PARAGRAPHS <= len(paragraphs) <= MAX_PARAGRAPHS:
        problems.append(f"{where} {len(paragraphs)} paragraphs, want {MIN_PARAGRAPHS}-{MAX_PARAGRAPHS}")
    for paragraph in paragraphs:
        if "\n" in paragraph.strip():
            problems.append(f"{where} paragraph wrapped over several lines: {paragraph[:40]!r}...")
    for match in REGISTERED.finditer(text):
        problems.append(f"{where} names a registered person: {match.group(0)!r}")

    lists: dict[str, list[str]] = {}
    for key in ("people", "not_people"):
        values = entry.get(key) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            problems.append(f"{where} {key} must be a list of strings")
            values = []
        lists[key] = values
        seen: set[str] = set()
        for value in values:
            if value in seen:
                problems.append(f"{where} {key}: duplicate {value!r}")
            seen.add(value)
            if value != value.strip() or not value:
                problems.append(f"{where} {key}: stray white space in {value!r}")
            if value not in body:
                problems.append(f"{where} {key}: {value!r} not found in the article body")
    for value in set(lists["people"]) & set(lists["not_people"]):
        problems.append(f"{where} {value!r} is in both people and not_people")
    if byline and byline in lists["people"]:
        problems.append(f"{where} the byline writer {byline!r} is listed as a person")
    for person in lists["people"]:
        if re.match(r"(Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Judge|Mayor|Chief|Capt|Sgt|Lt|Gen)\.? ", person):
            problems.append(f"{where} people: {person!r} starts with a title")
    return body, name


def audit(entry: dict, body: str) -> list[str]:
    labels = (entry.get("people") or []) + (entry.get("not_people") or [])
    found = []
    for match in CAPITALISED_RUN.finditer(body):
        run = match.group(0).rstrip(".,")
        if TITLE_AND_SURNAME.match(run):
            continue
        if any(run in label or label in run for label in labels):
            continue
        if run not in found:
            found.append(run)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", nargs="?", type=Path, default=LABELS)
    parser.add_argument("--audit", action="store_true", help="list unlabelled capitalised runs")
    args = parser.parse_args(argv)

    data = yaml.safe_load(args.labels.read_text(encoding="utf-8"))
    problems: list[str] = []
    if not isinstance(data, dict) or set(data) != {"articles"} or not isinstance(data["articles"], list):
        print("labels.yaml must be a mapping with one key, articles, holding a list")
        return 1
    articles = data["articles"]

    files = [str(a.get("file")) for a in articles]
    for name in sorted({f for f in files if files.count(f) > 1}):
        problems.append(f"{name}: listed {files.count(name)} times")
    on_disk = {p.name for p in HERE.glob("*.txt")}
    for name in sorted(on_disk - set(files)):
        problems.append(f"{name}: article has no entry in labels.yaml")

    people = not_people = bylines = 0
    for entry in articles:
        checked = check_article(entry, problems)
        if checked is None:
            continue
        people += len(entry.get("people") or [])
        not_people += len(entry.get("not_people") or [])
        bylines += entry.get("byline") is not None
        if args.audit:
            unlabelled = audit(entry, checked[0])
            if unlabelled:
                print(f"{entry['file']}: unlabelled: " + " | ".join(unlabelled))

    for problem in problems:
        print(problem)
    print(
        f"{len(articles)} articles, {people} people, {not_people} not_people, "
        f"{bylines} bylines; {len(problems)} problem(s)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
