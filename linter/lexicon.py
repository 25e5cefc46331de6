"""Small word lists shared by the parsers and checks."""

from __future__ import annotations

# Capitalised words that open a sentence or clause without being part of a
# name: "But Putin said", "When Mr. Peskov spoke".
FUNCTION_WORDS = frozenset(
    """A An The This That These Those In On At For From By With Without As After Before During Last Next
    But And Or If When While Although Though Since Until Yet So Still Even Then Now Also Only Just Because
    However Meanwhile Later Earlier Asked Speaking Under Like Unlike Despite Through Over Among Between
    Did Does Do Has Had Have Was Were Is Are Will Would Could Should Can May Might Must
    Why How What Where Who Whom Whose Which Here There It Its He She They We I You""".split()
)

# A capitalised name word: "Putin", "O'Brien", "Smith-Jones"; it stops before
# a possessive "'s", which is not part of the name.
NAME_WORD = r"\p{Lu}\p{L}*(?:['’\-]\p{Lu}\p{L}*)*"
