"""`python -m generator ...`: hand the command line to the CLI."""

import sys

from .cli import main

sys.exit(main(sys.argv[1:]))
