"""Linting an archive on a Dask cluster (``--executor dask``).

Stories are a Dask bag, linted partition by partition on the workers, each
of which builds its own engine from the run's configuration. Cross-file
rules never gather the archive in one place: headlines are grouped by the
hash of their text, paragraphs by hash and then by MinHash band (the same
stages the local run uses, in ``core.grouping``; each rule says which in
its ``grouping``), so only stories that share a key meet, and the driver
receives only the links between them. Findings come back sorted exactly as a local run sorts them.

Paths may be local folders or fsspec URLs (``file://``, ``s3://`` ... when
the filesystem's package is installed).
"""

from __future__ import annotations

import fnmatch
import heapq
import pickle
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from linter.core.check import CorpusCheck
from linter.core.file_problem import PROBLEM_UNREADABLE
from linter.core.grouping import BY_KEY, BY_KEY_AND_BANDS, band_links, clusters, exact_links
from linter.core.engine import Engine
from linter.results.run import Accumulator, RunResult
from linter.results.findings import Finding
from linter.support.similarity import bands
from linter.article.source import UnreadableFile, decode, read_source

_ENGINES: dict[bytes, Engine] = {}


def _worker_engine(blob: bytes) -> Engine:
    """The engine of this worker for a run's configuration, built once."""
    if blob not in _ENGINES:
        from linter.core.plugins import load_plugins

        config, style = pickle.loads(blob)
        _ENGINES[blob] = Engine(config, load_plugins(), style=style)
    return _ENGINES[blob]


def _lint_url(engine: Engine, url: str, run: Accumulator) -> list[Finding]:
    import fsspec

    path = Path(url.split("://", 1)[1])
    try:
        with fsspec.open(url, "rb") as stream:
            data = stream.read(engine.config.max_file_size + 1)
        if len(data) > engine.config.max_file_size:
            raise UnreadableFile("file is above the max_file_size limit; not linted")
        text = decode(data)
    except (UnreadableFile, OSError) as error:
        message = str(error) if isinstance(error, UnreadableFile) else f"cannot read the file: {error}"
        return engine.file_finding(path, PROBLEM_UNREADABLE, message)
    return engine.lint_text(path, text, run)


def _lint_partition(items: list[tuple[int, str, str]], blob: bytes) -> list[tuple[int, list[Finding], list[str], list[Any]]]:
    """Lint (order, path as reported, where to read it) triples; return per
    file its findings, problems and what each cross-file rule collected."""
    engine = _worker_engine(blob)
    out = []
    for order, name, location in items:
        run = Accumulator(len(engine.corpus_checks))
        if "://" in location:
            findings = _lint_url(engine, location, run)
        else:
            try:
                source = read_source(Path(location), engine.config.max_file_size)
            except UnreadableFile as error:
                findings = engine.file_finding(Path(name), PROBLEM_UNREADABLE, str(error))
            else:
                findings = engine.lint_text(Path(name), source.text, run)
        collected = run.collected or []
        out.append((order, findings, run.problems, [per_check[0] if per_check else None for per_check in collected]))
    return out


def list_files(engine: Engine, paths: list[str]) -> list[tuple[str, str]]:
    """(path as reported, where workers read it) of the article files under
    local paths and fsspec URLs, in run order. Local files are read by
    their absolute path: workers have working folders of their own."""
    local = [Path(p) for p in paths if "://" not in p]
    names = [(str(p), str(p.resolve())) for p in engine.files(local)]
    include = engine.config.include or [f"*{s}" for f in engine.plugins.formats for s in f.suffixes]
    for url in (p for p in paths if "://" in p):
        import fsspec

        fs, root = fsspec.core.url_to_fs(url)
        protocol = url.split("://", 1)[0]
        found = fs.find(root) if fs.isdir(root) else [root]
        names += sorted(
            (name, f"{protocol}://{name}")
            for name in found
            if any(fnmatch.fnmatch(name.rsplit("/", 1)[-1], p) for p in include)
        )
    return names


class SpilledFindings:
    """Findings kept on disk, sorted in runs, and merged as they are read:
    each iteration streams them in run order without holding them all, so
    an archive's findings can go to a report file whatever their number."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="copydesk-findings-"))
        self.runs: list[Path] = []
        self.count = 0

    def add(self, findings: list[Finding]) -> None:
        if not findings:
            return
        path = self.folder / f"{len(self.runs):06d}.pickle"
        with path.open("wb") as stream:
            for finding in sorted(findings, key=Finding.sort_key):
                pickle.dump(finding, stream)
        self.runs.append(path)
        self.count += len(findings)

    @staticmethod
    def _read(path: Path):  # type: ignore[no-untyped-def]
        with path.open("rb") as stream:
            while True:
                try:
                    yield pickle.load(stream)
                except EOFError:
                    return

    def __iter__(self):  # type: ignore[no-untyped-def]
        return heapq.merge(*(self._read(path) for path in self.runs), key=Finding.sort_key)

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def lint_with_dask(
    engine: Engine, paths: list[str], scheduler: str | None = None, partition_size: int = 50, spill: bool = False
) -> RunResult:
    """Lint on a cluster. With ``spill``, findings are kept on disk and
    stream to the report (``--output-file`` on an archive); otherwise they
    come back as a list, as a local run's do."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    files = list_files(engine, paths)
    blob = pickle.dumps((engine.config, engine.context.style_name))
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
    dashboard = f", dashboard {client.dashboard_link}" if client.dashboard_link else ""
    print(f"copydesk: linting {len(files)} files on {client.scheduler.address}{dashboard}", file=sys.stderr)
    try:
        return _run(engine, db, client, files, blob, partition_size, spill)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run(engine: Engine, db: Any, client: Any, files: list[tuple[str, str]], blob: bytes, partition_size: int, spill: bool) -> RunResult:
    from distributed import as_completed

    npartitions = max(1, -(-len(files) // partition_size))
    tasks = [(order, name, location) for order, (name, location) in enumerate(files)]
    records = db.from_sequence(tasks, npartitions=npartitions).map_partitions(_lint_partition, blob).persist()
    if sys.stderr.isatty():
        from distributed import progress

        progress(records)
    result = RunResult(files=[Path(name) for name, _ in files], problems=[*engine.plugins.problems, *engine.load_notes])
    spilled = SpilledFindings() if spill else None
    # One partition at a time reaches the driver, never the whole archive.
    for future in as_completed(client.compute(records.to_delayed())):
        part = future.result()
        findings = [f for _, per_file, _, _ in part for f in per_file]
        result.problems += [p for _, _, problems, _ in part for p in problems]
        if spilled is not None:
            spilled.add(findings)
        else:
            result.findings += findings
        future.release()
    for index, check in enumerate(engine.corpus_checks):
        items = records.map(lambda r, i=index: (r[0], r[3][i]))
        if check.grouping == BY_KEY_AND_BANDS:
            found = _by_key_and_bands(check, items)
        elif check.grouping == BY_KEY:
            found = _by_key(check, items)
        else:  # no grouping of its own: its items come to the driver
            found = list(check.finish([item for _, item in sorted(items.compute())]))
        if spilled is not None:
            spilled.add(engine.unsuppressed(found))
        else:
            result.findings += engine.unsuppressed(found)
    if spilled is not None:
        result.findings = spilled  # type: ignore[assignment]
    else:
        result.findings.sort(key=Finding.sort_key)
    return result


def _by_key(check: CorpusCheck, items: Any) -> list[Finding]:
    places = items.filter(lambda r: r[1] is not None)
    groups = places.groupby(lambda r: r[1].key).map(lambda kv: [p for _, p in sorted(kv[1], key=lambda r: r[0])])
    shared = groups.filter(lambda group: len({p.path for p in group}) > 1).compute()
    return list(check.report(shared, items.count().compute()))


def _by_key_and_bands(check: CorpusCheck, items: Any) -> list[Finding]:
    threshold = check.options["threshold"]
    # (order, place) for every paragraph: order is (file, paragraph).
    places = items.map(lambda r: [((r[0], i), p) for i, p in enumerate(r[1] or ())]).flatten()
    exact = places.groupby(lambda op: op[1].key).map(lambda kv: exact_links(list(kv[1]))).persist()
    firsts = exact.map(lambda links_first: links_first[1])
    banded = firsts.map(lambda op: [(band, (op[0], op[1].sig)) for band in bands(op[1].sig)]).flatten()
    near = banded.groupby(lambda entry: entry[0]).map(lambda kv: band_links([v for _, v in kv[1]], threshold))
    links = exact.map(lambda links_first: links_first[0]).flatten().compute() + near.flatten().compute()
    involved = {order for link in links for order in link}
    linked = dict(places.filter(lambda op: op[0] in involved).compute())
    return list(check.report(clusters(linked, links), items.count().compute()))
