"""One archive or many files: ``copydesk check`` on the same stories as a
JSON Lines archive (one story a line) and as one file a story, side by side.

The stories are the synthetic corpus of corpus.py; in the archive each
record holds the story's headline, dek and byline lines in fields of their
own and the rest (a repeated headline included) as ``body``, one paragraph
a line, as in the files. Both runs use every
shipped rule (the rules across files included), in a fresh process, with
one job and with the default number (an archive is linted by one
process, files are spread over the jobs); the table gives wall seconds,
stories a second and the archive's rate as a share of the files' rate.

    python -m benchmarks.jsonl_vs_files            # 10000 stories
    python -m benchmarks.jsonl_vs_files 2000
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from benchmarks.archive import corpus, measure


def archive_of(folder: Path) -> Path:
    """The stories under ``folder`` as one JSON Lines file beside it."""
    target = folder.with_suffix(".jsonl")
    if not target.exists():
        with open(target, "w", encoding="utf-8") as stream:
            for path in sorted(folder.rglob("*.txt")):
                stream.write(json.dumps({"id": path.stem, **_record(path.read_text(encoding="utf-8"))}, ensure_ascii=False) + "\n")
    return target


def _record(story: str) -> dict[str, str]:
    """A story of corpus.py as a record: headline, (the headline again,)
    dek, (byline,) paragraphs."""
    lines = story.splitlines()
    record = {"headline": lines.pop(0)}
    repeat = [lines.pop(0)] if lines[0] == record["headline"] else []
    record["dek"] = lines.pop(0)
    if lines[0].startswith("By "):
        record["byline"] = lines.pop(0)
    record["body"] = "\n".join(repeat + lines)
    return record


def main(argv: list[str]) -> None:
    size = int(argv[0]) if argv else 10_000
    folder = corpus(size)
    archive = archive_of(folder)
    cache = os.environ.get("COPYDESK_CACHE") or str(Path(tempfile.gettempdir()) / "copydesk-bench-cache")
    # An archive of 10,000 stories is some 50 MB, above the default
    # max_file_size (10 MB, a limit meant for one story).
    config = folder.parent / f"{folder.name}.copydesk.yaml"
    config.write_text(f"max_file_size: {max(archive.stat().st_size * 2, 10_485_760)}\n")
    env_command = [sys.executable, "-m", "linter", "check", "--config", str(config)]
    os.environ["COPYDESK_CACHE"] = cache
    print(f"{size} stories; {'jobs':>7} {'files s':>9} {'archive s':>10} {'files /s':>9} {'archive /s':>11} {'archive/files':>14}")
    for jobs in ("1", str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())):
        measure([*env_command, str(archive), "-j", jobs])  # warm the cache and the file system
        files_s, _ = measure([*env_command, str(folder), "-j", jobs])
        archive_s, _ = measure([*env_command, str(archive), "-j", jobs])
        print(
            f"{'':>14} {jobs:>7} {files_s:>9.1f} {archive_s:>10.1f} {size / files_s:>9.0f} {size / archive_s:>11.0f}"
            f" {files_s / archive_s:>13.0%}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
