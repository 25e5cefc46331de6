"""Built-in check types, one module each."""

from __future__ import annotations

from linter.checks.across_files import HeadlineAcrossFiles, ParagraphAcrossFiles
from linter.checks.anonymous_source import AnonymousSource
from linter.core.check import Check
from linter.checks.capitalization import Capitalization
from linter.checks.conditional import Conditional
from linter.checks.consistency import Consistency
from linter.checks.existence import Existence
from linter.core.file_problem import FileProblem
from linter.checks.metric import Metric
from linter.checks.occurrence import Occurrence
from linter.checks.readability import Readability
from linter.checks.repetition import Repetition
from linter.checks.script import Script
from linter.checks.sequence import Sequence
from linter.checks.spelling import Spelling
from linter.checks.vale_capitalization import ValeCapitalization
from linter.checks.substitution import Substitution
from linter.core.suppression_comments import SuppressionComments
from linter.checks.missing_credit import MissingCredit
from linter.checks.duplicated_headline import DuplicatedHeadline
from linter.checks.name_style import NameStyle
from linter.checks.near_duplicate import NearDuplicate
from linter.checks.quote_attribution import QuoteAttribution
from linter.checks.repeated_paragraph import RepeatedParagraph
from linter.checks.repeated_sentence import RepeatedSentence
from linter.checks.summary_copy import SummaryCopy
from linter.checks.vague_sourcing import VagueSourcing
from linter.core.hookspecs import hookimpl


@hookimpl
def copydesk_check_types() -> list[type[Check]]:
    return [
        RepeatedParagraph,
        NearDuplicate,
        RepeatedSentence,
        SummaryCopy,
        DuplicatedHeadline,
        QuoteAttribution,
        VagueSourcing,
        AnonymousSource,
        MissingCredit,
        NameStyle,
        HeadlineAcrossFiles,
        ParagraphAcrossFiles,
        Existence,
        Substitution,
        Occurrence,
        Repetition,
        Consistency,
        Conditional,
        Capitalization,
        Readability,
        Metric,
        Spelling,
        ValeCapitalization,
        Script,
        Sequence,
        FileProblem,
        SuppressionComments,
    ]
