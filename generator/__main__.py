"""`python -m generator ...`: hand the command line to the CLI."""

import gc
import sys

from generator.cli import main

# A large library is millions of small objects that live until the process ends. At Python's
# default thresholds the collector walks them all again and again to free almost nothing
# (a third of load and validate time at 10,000 stretches); collect, but rarely.
gc.set_threshold(50_000, 20, 100)
sys.exit(main(sys.argv[1:]))
