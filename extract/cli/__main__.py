"""`python -m extract.cli`: the command line, as the `extract` script runs it (used by the tests that start a
run as a process)."""
from . import main

main()
