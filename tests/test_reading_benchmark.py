"""benchmarks.reading: how the document model reads real copy, measured on a
corpus folder of our own, and held as floors on ../shared/corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import corpora, reading

STORY = (
    "Harbor Vote Delayed.\n"
    "\n"
    "The council put off its vote. ''We need time,'' Mayor Lena Ortiz said. \"It is over, \" she added.\n"
)


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "polnear-dev"
    folder.mkdir()
    (folder / "index.tsv").write_text("id\tpublisher\tsource_path\tannotation_path\n0001\tgazette\tx.txt\tx.ann\n")
    (folder / "0001.txt").write_text(STORY, encoding="utf-8")
    start, opening, close = STORY.index("''We"), STORY.index('"It'), STORY.index('" she')
    # The first Content cuts the opening '' in half, as annotators do; the
    # second begins and ends at straight marks; the third is no quotation.
    (folder / "0001.ann").write_text(
        f"T1\tContent {start + 1} {start + 17}\t'We need time,''\n"
        f"T2\tContent {opening} {close + 1}\t\"It is over, \"\n"
        "T3\tContent 22 51\tThe council put off its vote.\n",
        encoding="utf-8",
    )
    return tmp_path


def test_the_reading_of_a_corpus(tmp_path: Path) -> None:
    [result] = reading.readings(_corpus(tmp_path))
    assert (result.corpus, result.stories, result.headline_share) == ("polnear-dev", 1, 1.0)
    assert (result.gold_quotes, result.gold_inside) == (2, 2)
    assert result.quotations == 2
    # The spaced closing mark is read, and listed to be judged.
    [(story, offset, why)] = result.doubtful
    assert (story, STORY[offset : offset + 3], why) == ("0001", '"It', "closing mark preceded by white space")
    report = reading.report(result, show=True)
    assert "gold quotations inside a parsed quotation: 1.000 (2/2)" in report
    assert "doubtful 0001 @" in report


REAL = corpora.find_root()


@pytest.mark.skipif(REAL is None, reason="../shared/corpora is absent")
def test_real_copy_is_read_at_least_as_well_as_measured() -> None:
    found = {result.corpus: result for result in reading.readings(REAL)}
    polnear, bbc = found["polnear-dev"], found["bbc-dev"]
    # The README's "Measured on real copy" figures, as floors.
    assert polnear.headline_share >= 1.0 and bbc.headline_share >= 1.0
    assert polnear.quote_share is not None and polnear.quote_share >= 0.997
    # Doubtful quotations: each was read in its story and judged a right
    # reading of odd copy (a mark facing the wrong way, a space inside a
    # mark, no space after one, a quotation nested in its own curly marks);
    # a new one is to be read before the floor moves.
    assert len(polnear.doubtful) <= 29 and len(bbc.doubtful) <= 4
