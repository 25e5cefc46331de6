"""vague-sourcing: a claim sourced to an unnamed group ("officials say",
"according to sources"). Quoted speech is not checked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from linter.support import patterns
from linter.core.check import REQUIRED, Check, Param
from linter.article.document import Block, Document, Role
from linter.results.findings import Finding

if TYPE_CHECKING:
    from linter.core.context import RunContext
    from linter.core.rule import Rule



class VagueSourcing(Check):
    name = "vague-sourcing"
    summary = "A claim is sourced to an unnamed group of people."
    params = {
        "groups": Param("strings", REQUIRED, "unnamed groups: officials, sources, experts..."),
        "quantifiers": Param("strings", (), "groups that are only a quantity (some, many): sourcing only opening a clause"),
        "verbs": Param("strings", REQUIRED, "verbs that source a claim: say, said, believe..."),
        "inverted_verbs": Param("strings", ("said", "says", "say"), "verbs of the inverted form ', said officials'"),
        "passive_verbs": Param("strings", (), "verbs of the passive form 'described by officials'"),
        "passive_opinion_verbs": Param(
            "strings", (), "passive verbs that source a view only with 'as' or 'to' after the group ('seen by fans as')"
        ),
        "quantifier_gap_words": Param(
            "strings", (), "words allowed between a quantifier and its verb ('some have said')"
        ),
        "counted_people": Param(
            "strings", (), "people a quantifier may count before its verb besides the groups ('several senators')"
        ),
        "exceptions": Param("strings", (), "phrases at the verb that are not sourcing ('think tanks')"),
        "passive_hedges": Param("strings", (), "verbs that after a form of 'be' and before 'to' still hedge: said, thought..."),
        "max_gap": Param("int", 3, "words allowed between the group and its verb"),
    }
    fields = ("group", "verb")
    default_scope = (Role.SUMMARY, Role.DEK, Role.BODY)

    def __init__(self, rule: "Rule", context: "RunContext") -> None:
        super().__init__(rule, context)
        # Escaped vocabulary in bounded forms, which cannot run away: matched
        # with Python's re, which is much faster here than regex. [^\W\d_]
        # is a letter; each form names its group g1, g2... and its verb v1...
        options = self.options
        groups, verbs = patterns.words(options["groups"]), patterns.words(options["verbs"])
        inverted, gap = patterns.words(options["inverted_verbs"]), options["max_gap"]
        letter = r"[^\W\d_]"
        # A word between a group and its verb: not one that opens another
        # clause ("leaders to use", "leaders that Sanders said").
        # Nor a negation: "lawmakers have not said when" sources nothing.
        between = (
            rf"(?!(?:to|that|which|who|but|as|when|while|if|because|after|before|not|never)\b)"
            rf"(?![\w’'\-]*n[’']t\b){letter}[\w’'\-]*+"
        )
        # Words between "according to" or ", said" and the group: "two",
        # "one of his senior"; not a place or time ("said on a call with").
        # A word may hold periods and hyphens ("U.S."), never end a sentence;
        # a capitalised one is an abbreviation ("U.S."), not a name that
        # sources the claim ("the RealClearPolitics average of polls").
        filler = (
            rf"(?:(?!(?:on|with|at|in|after|before|during|to|among|between|about|for)\b)(?-i:(?![A-Z][^\W\d_]*[\s,]))"
            rf"{letter}++(?:[.\-]{letter}++)*+"
            rf"(?:\.(?-i:(?!\s+[A-Z])))?\s++){{0,{gap}}}?"
        )
        openers = ("and", "but", "while", "as", "though", "because", "that", "yet", "so")
        opening = "(?:^|(?<=[,;:.!?]\\s)|(?<=[.!?][”\"]\\s)|%s)" % "|".join(rf"(?<=\b{word}\s)" for word in openers)
        subjects = [rf"(?P<g1>{groups})"]
        if options["quantifiers"]:
            subjects.append(rf"{opening}(?P<g3>{patterns.words(options['quantifiers'])})")
        forms = [
            # officials say; U.S. officials have expressed; some believe
            rf"(?<!{letter})(?:{'|'.join(subjects)})(?:\s++{between}){{0,{gap}}}?\s+(?P<v1>{verbs})",
            # according to two officials; ..., said two officials (the
            # finding starts at the verb). One form, so that the long list
            # of groups is compiled twice, not three times.
            rf"(?:(?<!{letter})(?P<v2>according\s+to)|[,”\"]\s*(?P<v3>{inverted}))\s+{filler}(?P<g2>{groups})",
        ]
        if options["passive_verbs"]:
            # described by officials; viewed as a victory by some analysts
            forms.append(
                rf"(?<!{letter})(?P<v4>{patterns.words(options['passive_verbs'])})\s+by\s+{filler}(?P<g4>{groups})"
            )
        self.pattern = patterns.compile_re(rf"(?:{'|'.join(forms)})(?!{letter})", re.I | re.M)
        # Every form needs a group: a block holding none of their words (the
        # longest of each) cannot match.
        sourcing = (*options["groups"], *options["quantifiers"])
        self.literals = tuple({max(entry.casefold().split(), key=len): None for entry in sourcing if entry.strip()})
        self.passive_hedges = frozenset(verb.casefold() for verb in options["passive_hedges"])
        self.passive_opinion_verbs = frozenset(verb.casefold() for verb in options["passive_opinion_verbs"])
        self.quantifier_gap_words = frozenset(word.casefold() for word in options["quantifier_gap_words"])
        self.counted_people = frozenset(
            word.casefold() for word in (*options["groups"], *options["counted_people"]) if " " not in word
        )
        exceptions = options["exceptions"]
        self.exception = patterns.compile_re(rf"(?:{patterns.words(exceptions)})(?!{letter})", re.I) if exceptions else None

    def check(self, doc: Document) -> Iterator[Finding]:
        for block in self.blocks(doc):
            if not block.prose:
                continue
            base, text = block.span.start, block.text
            match = self.pattern.search(text)
            while match:
                found = self._sourcing(block, match)
                if found:
                    group, verb = found
                    begin = min(group[1], verb[1])
                    yield self.finding(doc, base + begin, base + match.end(), group=group[0], verb=verb[0])
                # A match that is not sourcing may hide one inside it
                # ("insiders at City Hall reportedly expect"): look again
                # from its next character.
                match = self.pattern.search(text, match.end() if found else match.start() + 1)

    def _not_saying(self, text: str, group: tuple[str, int], verb: tuple[str, int]) -> bool:
        """Whether the words between a group and its verb show that the group
        does not say or think what follows: "those" makes the verb a
        participle naming a group ("many of those questioned said"); a form
        of "be" makes it a state or a passive ("parents were still worried",
        "users are being told"), unless it is a present participle ("critics
        are saying") or a passive hedge ("officials were said to")."""
        between, word = text[group[1] + len(group[0]) : verb[1]], verb[0].casefold()
        if _THOSE.search(between):
            return True
        if not _STATE.search(between) or word.endswith("ing"):
            return False
        return not (word in self.passive_hedges and _TO.match(text, verb[1] + len(verb[0])))

    def _quantity_says(self, text: str, group: tuple[str, int], verb: tuple[str, int]) -> bool:
        """Whether a quantity ("some", "many") is itself who says: only
        auxiliaries and adverbs may stand between it and its verb ("some
        have long argued"), or people it counts ("some party strategists
        said", "several senators said"), or where they are ("some on Wall
        Street pointed to", "many in the party fear"); another noun makes the quantity its determiner ("some new
        battery designs promise"), and a modal not listed makes the saying
        hypothetical ("some might say")."""
        between = text[group[1] + len(group[0]) : verb[1]].casefold().split()
        if between[:1] and between[0] in _AMONG or any(word in self.counted_people for word in between):
            return True
        return all(word in self.quantifier_gap_words or word.endswith("ly") for word in between)

    def _sourcing(self, block: Block, match: re.Match[str]) -> tuple[tuple[str, int], tuple[str, int]] | None:
        """The group and verb of a match that sources a claim to an unnamed
        group, or None."""
        text = block.text
        if block.quote_at(block.span.start + match.start()):
            return None
        group, verb = _part(match, "g"), _part(match, "v")
        if self.exception and verb and self.exception.match(text, verb[1]):
            return None
        if group[0][:1].isupper() and (group[1] > match.start() or not _opens_sentence(text, group[1])):
            return None  # part of a name: "according to the Graduate Employees Organization"
        if match.group("v3") and not _ENDS.match(text, match.end()):
            return None  # "said many voters were receptive": the group has a verb of its own
        if match.group("v1") and _OBJECT.search(text, 0, group[1]):
            return None  # "a text to supporters saying": the group is not the subject
        if match.group("v1") and self._not_saying(text, group, verb):
            return None  # "parents were still worried", "users are being told", "those questioned"
        if match.group("g3") and not self._quantity_says(text, group, verb):
            return None  # "some new battery designs promise", "some might say": not a group saying
        if match.group("g3") and _COMPARED.search(text, 0, group[1]):
            return None  # "as badly as some fear", "worse than many expected": a comparison
        if match.group("v4") and verb[0].casefold() in self.passive_opinion_verbs and not _AS_OR_TO.match(
            text, match.end()
        ):
            return None  # "media seen by parents": seen, not judged
        if _NAMED_NEXT.match(text, group[1] + len(group[0])):
            return None  # "according to technology analysts, Gadget Research, ...": named next
        if _DEFINITE.search(text, 0, group[1]):
            return None  # "the campaigners": sourced where the story first met them
        if _OWNED.search(text, 0, group[1]) or _OF_A_NAME.match(text, group[1] + len(group[0])):
            return None  # "the festival's organizers", "analysts at Chart-Track": named by their body
        return group, verb


# A group that belongs to a body the story names: "the festival's organizers",
# "researchers at IBM", "analysts Gartner", "exit polls conducted for the
# Associated Press".
_OWNED = patterns.compile_re(r"[’']s\s+(?:[^\W\d_]+\s+)?$")
_OF_A_NAME = patterns.compile_re(
    r"\s+(?:(?:(?:conducted|commissioned|published|released|reported)\s+)?(?:at|of|from|with|for|by)\s+(?:the\s+)?)?[A-Z]"
)
# A preposition before the group (and up to two words of its own) makes it
# an object, not who says: "a text to supporters saying", "a fight against
# Islamic terrorist groups". "At least two officials" is a subject.
_OBJECT = patterns.compile_re(
    r"\b(?:(?:to|for|with|from|between|among|against|into|about|of)\s+(?:[^\s,;.]+\s+){0,2}"
    r"|(?:on|at|in|by)\s+(?:the\s+|their\s+|his\s+|her\s+)?)$",
    re.I,
)
# A comparison before a quantity: "as badly as some fear", "worse than many
# expected" measure against a view no one holds in particular ("less credit
# than aides say he deserves" still sources a claim to the aides).
_COMPARED = patterns.compile_re(r"\b(?:than|as\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+as)\s+$", re.I)
# After a passive opinion verb's group (and a phrase of its own): "seen by
# fans as", "seen by leaders of the party as", "considered by experts to be".
_AS_OR_TO = patterns.compile_re(
    r"(?:\s+(?:of|in|at|from|on|across)\s+(?:the\s+)?[^\W\d_][\w’'\-]*){0,2}\s*,?\s+(?:as|to)\b", re.I
)
# A name in apposition right after the group: "technology analysts, Gadget
# Research, say".
_NAMED_NEXT = patterns.compile_re(r",\s+(?:[A-Z][\w&’'.\-]*\s+){0,3}[A-Z][\w&’'.\-]*,")
# Where the people a quantity counts are: "some on Wall Street", "many in
# the party".
_AMONG = frozenset(("in", "on", "at", "within", "inside", "among", "across", "around"))
# A group the story has already met: "the campaigners said" points back.
_DEFINITE = patterns.compile_re(r"\bthe\s+$", re.I)
# After an inverted verb ("…, said two officials"), the group ends its clause
# or goes on with who or what it is ("familiar with the talks").
_ENDS = patterns.compile_re(r"\s*(?:[.,;:!?)”\"]|$|(?:who|familiar|close|briefed|with|involved|in|at|from|on)\b)")


def _part(match: re.Match[str], kind: str) -> tuple[str, int] | None:
    """The text and offset of the group ("g") or verb ("v") of whichever
    form matched."""
    for number in range(1, 5):
        name = f"{kind}{number}"
        if name in match.re.groupindex and match.group(name) is not None:
            return match.group(name), match.start(name)
    return None


# Between a group and its verb: "those" ("those questioned"), a form of "be"
# ("were still worried"); after the verb, "to" ("were said to").
_THOSE = patterns.compile_re(r"\bthose\s*$", re.I)
_STATE = patterns.compile_re(r"\b(?:is|are|was|were|am)\b", re.I)
_TO = patterns.compile_re(r"\s+to\b", re.I)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence (or the text)."""
    before = text[:at].rstrip(" \t\"“‘(")
    return not before or before[-1] in ".!?:\n"
