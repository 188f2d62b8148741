"""The ``actorgraph`` command group: every command module's commands are added to it here.

Every command takes the data PATH (default ``./data``). Exit codes: 0 fine,
1 invalid data, 2 bad usage (an unknown option, actor or value).
"""

from __future__ import annotations

import click

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="actorgraph")
def main():
    """actorgraph: what texts state about political actors, as a graph of claims.

    Data lives as YAML in a folder (default ./data). Run 'actorgraph COMMAND -h'
    for the options of a command.
    """
