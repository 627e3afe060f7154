"""`turnover serve` (dashboard and JSON API) and `turnover review` (a standalone review file)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from turnover.extract import extract
from turnover.reader import ArticleInputError, find_articles, read_article


def review_command(
    paths: Annotated[
        list[str], typer.Argument(help="Article files, folders, globs, or - for stdin.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "review.html"
    ),
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) when the articles carry none.")
    ] = None,
) -> None:
    """Extract the articles and write ONE self-contained HTML file to review the facts.

    Each article's text is shown with every fact highlighted at its quote; it
    opens in any browser without a server or network.
    """
    from turnover.review import render_review_document

    articles = []
    failed = 0
    for item in find_articles(paths):
        try:
            if isinstance(item, ArticleInputError):
                raise item
            text = read_article(item)
        except ArticleInputError as exc:
            print(f"turnover: {exc}", file=sys.stderr)
            failed += 1
            continue
        articles.append((text, extract(text, doc=item.doc, published=published)))
    if not articles:
        print("turnover: no article could be read; nothing written", file=sys.stderr)
        raise typer.Exit(code=1)
    first = articles[0][1]
    title = (first.title or first.doc) if len(articles) == 1 else f"{len(articles)} articles"
    html = render_review_document(articles, title=f"Review: {title}")
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        print(f"turnover: {output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        raise typer.Exit(code=1) from None
    facts = sum(len(result.facts) for _, result in articles)
    print(f"wrote {output}: {len(articles)} articles, {facts} facts", file=sys.stderr)
    if failed:
        raise typer.Exit(code=1)


def serve_command(
    db: Annotated[
        Path | None,
        typer.Option(help="SQLite database (default: $TURNOVER_DB or ./turnover.db)."),
    ] = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; keep 127.0.0.1 unless you mean it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Enable POST /api/articles (extract and store).")
    ] = False,
) -> None:
    """Serve the dashboard and the JSON API (read-only unless --allow-ingest)."""
    import uvicorn

    from turnover.schema import SchemaError
    from turnover.web.app import create_app, resolve_db_path

    path = resolve_db_path(db)
    try:
        app = create_app(path, allow_ingest=allow_ingest)
    except (OSError, ValueError, SchemaError) as exc:
        print(f"turnover: {path}: {exc}", file=sys.stderr)
        raise typer.Exit(code=1) from None
    mode = "ingest enabled" if allow_ingest else "read-only"
    print(f"turnover: serving {path} ({mode}) on http://{host}:{port}/", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("serve")(serve_command)
    app.command("review")(review_command)
