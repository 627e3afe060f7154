"""The `turnover` command line: a thin layer over the library.

Each submodule registers the commands of one concern; every command is a call
into `turnover.*` that a script can make too.
"""

from __future__ import annotations

import typer

from turnover.cli import batching, extracting, serving, storing

app = typer.Typer(
    name="turnover",
    help="Extract grounded trade facts from news and track trade targets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Extract grounded trade facts from news and track trade targets."""


for _module in (extracting, storing, serving, batching):
    _module.register(app)


def main() -> None:
    app()
