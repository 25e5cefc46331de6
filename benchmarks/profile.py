"""Where a corpus run spends its time, sampled with py-spy.

    python -m benchmarks.profile            # 2,000 articles
    python -m benchmarks.profile 500

Runs ``copydesk check`` with every shipped rule on, in one process
(``--jobs 1``, so that one sampled process does all the work), under
``py-spy record`` (``pip install py-spy``), and sorts the samples into the
run's phases: start-up, reading and parsing articles, each check type,
what the cross-file rules collect and match, and the report. Prints the
share of samples of each; benchmarks/README.md keeps the latest table.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.archive import corpus


def phase(stack: list[str]) -> str:
    """The phase of one sampled stack (outermost frame first), as
    ``function (file:line)`` strings the way py-spy writes them."""
    names = [frame.split(" (")[0] for frame in stack]
    if "Engine.lint_paths" not in names:
        return "report" if any("reporters" in frame for frame in stack) else "start-up"
    if any(name.endswith(".finish") for name in names):
        return "cross-file rules: matching (after the last article)"
    if any(name.endswith(".collect") for name in names):
        return "cross-file rules: collecting paragraphs"
    if "Engine.check_document" in names:
        below = names[names.index("Engine.check_document") + 1 :]
        checks = [name for name in below if name.endswith(".check")]
        return f"check: {checks[0].split('.')[0]}" if checks else "suppressions and sorting"
    if any("formats" in frame for frame in stack):
        return "reading and parsing articles"
    return "reading files, other"


def main(argv: list[str]) -> None:
    size = int(argv[0]) if argv else 2000
    spy = shutil.which("py-spy", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    if not spy:
        sys.exit("py-spy is not installed: pip install py-spy")
    folder = corpus(size)
    work = Path(tempfile.mkdtemp(prefix="copydesk-profile-"))
    # Every shipped rule, those off in their pack's defaults too.
    (work / ".copydesk.yaml").write_text("packs: [newsroom]\nselect: ['*']\n")
    raw = work / "samples.txt"
    command = [sys.executable, "-m", "linter", "check", str(folder), "--format", "json", "--jobs", "1"]
    subprocess.run(
        [spy, "record", "--rate", "250", "--format", "raw", "--output", str(raw), "--", *command],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    counts: Counter[str] = Counter()
    for line in raw.read_text().splitlines():
        stack, _, samples = line.rpartition(" ")
        counts[phase(stack.split(";"))] += int(samples)
    total = sum(counts.values())
    print(f"{size} articles, every shipped rule, --jobs 1: {total} samples")
    print("| phase | share |\n| --- | ---: |")
    for name, count in counts.most_common():
        print(f"| {name} | {100 * count / total:.1f}% |")


if __name__ == "__main__":
    main(sys.argv[1:])
