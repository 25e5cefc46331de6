"""The words a rule's ``scope`` may hold besides block roles: the unit
counting checks count in, and whether quoted speech is read."""

from __future__ import annotations

from linter.article.document import Role

UNIT_PARAGRAPH, UNIT_SENTENCE, UNIT_DOCUMENT = "paragraph", "sentence", "document"
UNITS = (UNIT_PARAGRAPH, UNIT_SENTENCE, UNIT_DOCUMENT)
QUOTES_ANY, QUOTES_INSIDE, QUOTES_OUTSIDE = "any", "quotation", "~quotation"
SCOPE_WORDS = (*Role.ALL, *UNITS, QUOTES_INSIDE, QUOTES_OUTSIDE)
