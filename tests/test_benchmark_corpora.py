"""The reader of the real development corpora, on a corpus folder of our own."""

from pathlib import Path

from benchmarks import corpora


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "polnear-dev"
    folder.mkdir()
    (folder / "index.tsv").write_text("id\tpublisher\tsource_path\tannotation_path\n0001\tgazette\tx.txt\tx.ann\n")
    (folder / "0001.txt").write_text("Harbor vote delayed\n\n“We need time,” Mayor Lena Ortiz said.\n", encoding="utf-8")
    (folder / "0001.ann").write_text(
        "T1\tContent 21 36\t“We need time,”\nT2\tSource 37 53\tMayor Lena Ortiz\nT3\tCue 54 58\tsaid\n"
        "T4\tContent 21 27;30 36\t“We ne time,”\nE1\tAttribution:T3 Content:T1 Source:T2\n",
        encoding="utf-8",
    )
    return tmp_path


def test_stories_and_their_gold_attributions(tmp_path: Path) -> None:
    root = corpora.find_root(str(_corpus(tmp_path)))
    assert root == tmp_path
    [story] = corpora.stories(root, "polnear-dev")
    assert (story.id, story.group) == ("0001", "gazette")
    gold = corpora.annotations(story)
    [(content, source)] = gold.attributed_contents()
    assert story.text[content.start : content.end] == "“We need time,”"
    assert source is not None and source.text == "Mayor Lena Ortiz"
    assert gold.spans["T4"].ranges == ((21, 27), (30, 36))


def test_an_absent_folder_is_none(tmp_path: Path) -> None:
    assert corpora.find_root(str(tmp_path / "nowhere")) is None
