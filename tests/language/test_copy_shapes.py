"""linter.language.copy_shapes: the shapes of copy that repeats by design."""

from __future__ import annotations

import pytest

from linter.language import copy_shapes


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ('"We will stay out until the operators make an offer.', True),  # a pull quote, left open
        ("“We don’t stay, and the workers’ union agrees.”", True),  # apostrophes are not closing marks
        ("“We will stay out,” said Rita Alves.", False),
        ("''We will stay out,'' said Rita Alves.", False),  # two apostrophes, as news databases write them
        ("‘We will stay out,’ she said.", False),
        ("The union said it would stay out.", False),
    ],
)
def test_a_bare_quotation_holds_nothing_outside_the_quotation(text: str, bare: bool) -> None:
    assert copy_shapes.bare_quotation(text) is bare


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("Port Workers Vote To Extend Strike As Talks Break Down", True),
        ("[Remarks to the port authority, May 3.]", True),
        ("Port workers voted to extend the strike as talks broke down.", False),
        ("Port Strike Ends", False),  # too short to tell
        ("(He declined to say more) and left.", False),
    ],
)
def test_display_lines_are_headings_links_and_citations(text: str, display: bool) -> None:
    assert copy_shapes.display_line(text) is display


def test_different_figures_need_figures_on_both_sides() -> None:
    assert copy_shapes.different_figures(copy_shapes.figures("Doors at 8, $20."), copy_shapes.figures("Doors at 7, $15."))
    assert not copy_shapes.different_figures(copy_shapes.figures("In 2016, 41 ships."), copy_shapes.figures("41 ships in 2016."))
    assert not copy_shapes.different_figures(copy_shapes.figures("41 ships waited."), copy_shapes.figures("Ships waited."))
