"""The lines around a story's copy, in the shapes real copy prints them:
bylines, credit lines, datelines, and furniture (photo credits,
"Advertisement", editor's notes, "Follow … on Twitter", embedded posts), which is not body
copy for the name, quote and repeat rules."""

from __future__ import annotations

import regex

from linter.support import patterns
from linter.support.required_words import literals_of

# "By Jane Roe", "By Jane Roe, Staff Writer", "By Jane Roe and John Doe",
# "Jane Roe | Reuters".
_BYLINE = patterns.compile(
    r"^[\s*_]*By\s+\p{Lu}[\p{L}.'’\- ]+(?:,|\s+and\s+|[*_\s]*$)"
    r"|^\p{Lu}[\p{L}.'’\-]+(?: \p{Lu}[\p{L}.'’\-]*){1,3}\s+\|\s+\p{Lu}[\p{L}&.'’ ]*$",
    regex.V1,
)
_CREDIT_PATTERN = (
    r"contributed (?:reporting|research|to this report)"
    r"|^\s*\(?(?:Reporting|Writing|Editing|Additional reporting) by\b"
    r"|(?:^|[.!?]\s+)\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}.'’\-]*){1,3}\s+covers\b.{0,120}\b(?:is based in|for (?:The|the)\b)"
    r"|^\s*\p{Lu}[\p{L}.'’\- ]+ is an? (?:reporter|correspondent|writer|editor)\b"
    r"|^\s*[—–-]{1,2}\s*(?:The )?(?:Associated Press|Reuters|Agence France-Presse|AFP|Bloomberg News)\.?\s*$"
)
_CREDIT = patterns.compile(_CREDIT_PATTERN, regex.V1)
# A block holding none of these words is no credit line, without running
# the pattern over every paragraph.
_CREDIT_WORDS = literals_of([_CREDIT_PATTERN]) or ()

# Photo credits: "Getty.", "Getty/Reuters.", "Jane Roe/Getty Images.",
# "JANE ROE via Getty Images.", "AP Photo/Jane Roe".
_PHOTO_CREDIT_PATTERN = (
    r"^(?:[\p{L}.'’\- ]{1,40}(?:/|\s+via\s+))?(?:Getty(?: Images)?|AP Photo|Reuters|AFP|EPA|Shutterstock)"
    r"(?:/[\p{L}.'’\- ]{1,40})?\.?$"
)
_PHOTO_CREDIT = patterns.compile(_PHOTO_CREDIT_PATTERN, regex.I | regex.V1)
_FURNITURE = patterns.compile(
    r"^Advertisement\.?$"
    r"|^Editor[’']s note\b"
    r"|^Follow\b.{1,80}?\bon (?:Twitter|Facebook|Instagram)\b"
    rf"|{_PHOTO_CREDIT_PATTERN}",
    regex.I | regex.V1,
)
# A photo credit or the "Follow" line is short; an editor's note may not be.
FURNITURE_MAX_WORDS = 60
# An embedded post, as scraped copy keeps it ("<tweet id=… author=…>…</tweet>"):
# someone else's words, shown as they were posted, not the story's copy.
_EMBED = patterns.compile(r"^<(?:tweet|iframe|embed)\b", regex.I)

# "WASHINGTON —", "MILLTOWN, Ore. -", "WASHINGTON (AP) —", "SEOUL ―": a place in
# capitals, perhaps a wire service, then a dash, at the start of the story.
_DATELINE = patterns.compile(
    r"^\p{Lu}[\p{Lu}.'’\-]+(?:[ ,]+\p{Lu}[\p{Lu}\p{Ll}.'’\-]*\.?){0,3}(?:\s+\([\p{L} ]{1,20}\))?\s*(?:—|–|―|--|-)(?=\s)",
    regex.V1,
)


def is_byline(text: str) -> bool:
    return len(text.split()) <= 14 and bool(_BYLINE.match(text))


def is_credit(text: str) -> bool:
    folded = text.casefold()
    if _CREDIT_WORDS and not any(word in folded for word in _CREDIT_WORDS):
        return False
    return bool(_CREDIT.search(text))


def is_photo_credit(text: str) -> bool:
    """A photo or picture credit ("Getty/Instagram.", "AP Photo/Jane Roe")."""
    return bool(_PHOTO_CREDIT.match(text))


def is_furniture(text: str) -> bool:
    if _EMBED.match(text):
        return True
    return bool(_FURNITURE.match(text)) and len(text.split()) <= FURNITURE_MAX_WORDS


def dateline_end(text: str) -> int:
    """Where the dateline that opens a paragraph ends (after its dash), or
    0 when there is none. The place must be in capitals ("WASHINGTON", not
    "Washington")."""
    match = _DATELINE.match(text)
    if not match or not match.group().split()[0].rstrip(",").replace(".", "").isupper():
        return 0
    return match.end()
