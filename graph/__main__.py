"""``python -m graph``: the actorgraph command line, as the ``actorgraph`` script runs it."""

from .cli import main

main(prog_name="actorgraph")
