"""``python -m benchmarks [sizes...]``: the side-by-side speed run of
benchmarks.run (one file, then 1, 500 and 2,000 articles by default)."""

import sys

from benchmarks.run import main

main(sys.argv[1:])
