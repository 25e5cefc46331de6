"""Where a one-file run's start-up goes, phase by phase.

    python -m benchmarks.startup            # median of 15 fresh processes

Each run is a fresh interpreter that times, in order: importing the
libraries every run needs (regex and pluggy; yaml only when a rule, config
or registry file is parsed, not on a run with warm caches), importing
copydesk's command line, reading the config, loading the plugins, building
the engine (rules, check types, patterns), linting one synthetic article,
and writing the report. Every shipped rule is on, as in benchmarks.run;
the caches are warm, as on every run but the first.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.archive import corpus

RUNS = 15

PROBE = """
import gc, io, json, time
gc.disable()  # as the command does during start-up
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
import regex, pluggy
mark("import regex, pluggy (yaml only when a file is parsed)")
import linter.cli.commands
mark("import copydesk's modules")
from pathlib import Path
from linter.core.config import find_config, load_config
config = load_config(find_config(Path.cwd()))
mark("read the config")
from linter.core.plugins import load_plugins
plugins = load_plugins()
mark("load the plugins")
from linter.core.engine import Engine
engine = Engine(config, plugins)
gc.freeze(); gc.enable()
mark("build the engine")
result = engine.lint_paths([Path(ARTICLE)])
mark("lint one article")
from linter.reporters.text import TextReporter
TextReporter(io.StringIO()).report(result)
mark("write the report")
print(json.dumps([(name, 1000 * (at - marks[i][1])) for i, (name, at) in enumerate(marks[1:])]))
"""


def _phases(probe: str, work: Path) -> list[tuple[str, float]]:
    done = subprocess.run([sys.executable, "-c", probe], cwd=work, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main(argv: list[str]) -> None:
    article = next(corpus(1).rglob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="copydesk-startup-"))
    (work / ".copydesk.yaml").write_text("packs: [newsroom]\n")
    probe = PROBE.replace("ARTICLE", repr(str(article)))
    subprocess.run([sys.executable, "-c", probe], cwd=work, check=True, capture_output=True)  # warm the caches
    runs = [_phases(probe, work) for _ in range(RUNS)]
    print(f"median of {RUNS} fresh processes, milliseconds:")
    for index, (name, _) in enumerate(runs[0]):
        print(f"{statistics.median(run[index][1] for run in runs):7.1f}  {name}")
    print(f"{statistics.median(sum(ms for _, ms in run) for run in runs):7.1f}  in all (after the interpreter's own start)")


if __name__ == "__main__":
    main(sys.argv[1:])
