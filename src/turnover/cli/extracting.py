"""`turnover extract`: articles in, FACTS.md JSON out."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from turnover.article import check_published
from turnover.extract import extract
from turnover.reader import ArticleInputError, find_articles, read_article


def extract_command(
    paths: Annotated[
        list[str], typer.Argument(help="Article files, folders, globs, or - for stdin.")
    ],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One compact JSON object per line (default).")
    ] = False,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indented JSON, for reading.")] = False,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) when the articles carry none.")
    ] = None,
) -> None:
    """Extract trade facts and officials from articles; one JSON object per article."""
    if published is not None:
        try:
            check_published(published)
        except ValueError as exc:
            print(f"turnover: --published: {exc}", file=sys.stderr)
            raise typer.Exit(code=2) from None
    failed = 0
    out = sys.stdout
    for item in find_articles(paths):
        if isinstance(item, ArticleInputError):
            print(f"turnover: {item}", file=sys.stderr)
            failed += 1
            continue
        try:
            text = read_article(item)
        except ArticleInputError as exc:
            print(f"turnover: {exc}", file=sys.stderr)
            failed += 1
            continue
        result = extract(text, doc=item.doc, published=published)
        indent = 2 if pretty and not jsonl else None
        out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=indent) + "\n")
        out.flush()
    if failed:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
