"""--executor dask: a real dask.distributed cluster of two worker processes
lints an archive with planted cross-file duplicates and finds exactly what
a local run finds, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main
from linter.core.config import Config
from linter.core.engine import Engine
from linter.core.plugins import load_plugins
from test_parallel import archive

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return archive(tmp_path_factory.mktemp("archive"), 300)


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


def test_a_cluster_finds_exactly_what_a_local_run_finds(stories: Path, cluster) -> None:  # type: ignore[no-untyped-def]
    from linter.distributed import lint_with_dask

    engine = Engine(Config(), load_plugins())
    local = engine.lint_paths([stories])
    on_cluster = lint_with_dask(engine, [str(stories)], scheduler=cluster.scheduler_address, partition_size=25)
    assert len(cluster.scheduler_info["workers"]) == 2
    assert on_cluster.findings == local.findings
    assert on_cluster.files == local.files
    across = [f for f in local.findings if f.rule.endswith("across-files")]
    assert len({f.path for f in across}) >= 50, "the archive has planted cross-file duplicates"


def test_the_command_with_a_scheduler_and_a_file_url(
    stories: Path, cluster, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.chdir(stories)
    assert main(["check", ".", "--format", "json", "--jobs", "1"]) == 1
    local = json.loads(capsys.readouterr().out)
    assert main(["check", ".", "--format", "json", "--executor", "dask", "--scheduler", cluster.scheduler_address]) == 1
    assert json.loads(capsys.readouterr().out) == local
    url = f"file://{stories}"
    assert main(["check", url, "--format", "json", "--executor", "dask", "--scheduler", cluster.scheduler_address]) == 1
    by_url = json.loads(capsys.readouterr().out)
    assert [(Path(f["path"]).name, f["rule"], f["line"]) for f in by_url] == [
        (Path(f["path"]).name, f["rule"], f["line"]) for f in local
    ]


def test_an_output_file_streams_the_findings_from_disk(
    stories: Path, cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    import tempfile

    monkeypatch.chdir(stories)
    assert main(["check", ".", "--format", "json", "--jobs", "1"]) == 1
    local = capsys.readouterr().out
    # A temporary folder of the test's own: other runs on the machine spill
    # into the shared one at the same time.
    spill_root = tmp_path / "spill"
    spill_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill_root))
    before = set(spill_root.glob("copydesk-findings-*"))
    report = tmp_path / "report.json"
    args = ["check", ".", "--format", "json", "--executor", "dask", "--scheduler", cluster.scheduler_address]
    assert main([*args, "--output-file", str(report)]) == 1
    assert report.read_text() == local, "the same bytes as a local run"
    assert set(spill_root.glob("copydesk-findings-*")) == before, "the spilled runs are removed"
    assert main([*args, "--format", "text", "--output-file", str(report)]) == 1
    assert report.read_text().splitlines()[-1].startswith("Found ")
