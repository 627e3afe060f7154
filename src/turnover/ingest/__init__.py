"""`turnover ingest`: articles from files, folders, globs, JSONL, HTML pages, feeds
and batch output folders into the store.

One module per kind of source; this module decides which one reads a source
and runs the items through the extractor into the store. A failed input is
recorded with its reason and the run goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from turnover.extract import extract
from turnover.ingest.feeds import url_items
from turnover.ingest.fetch import Fetcher, FetchError
from turnover.ingest.files import text_item
from turnover.ingest.html import html_file_item
from turnover.ingest.items import IngestFailure, IngestItem, IngestSkip, normalise_published
from turnover.ingest.jsonl import jsonl_items
from turnover.ingest.parquet import batch_items, is_batch_output
from turnover.models import ArticleFacts
from turnover.reader import ArticleInputError, decode_article, find_articles
from turnover.store import AddResult, ArticleMeta, Store

__all__ = [
    "FOLDER_SUFFIXES", "FetchError", "Fetcher", "IngestFailure", "IngestItem", "IngestSkip",
    "IngestSummary", "ingest", "iter_sources", "normalise_published",
]  # fmt: skip

FOLDER_SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
"""What a folder source is searched for (gold .json files beside articles are ignored)."""

Yielded = IngestItem | IngestFailure | IngestSkip


def iter_sources(
    sources: Iterable[str],
    *,
    fetcher: Fetcher | None = None,
    since: date | None = None,
    known_url: Callable[[str], bool] = lambda _url: False,
) -> Iterator[Yielded]:
    """Expand sources into articles, failures and skips, in the order given."""
    fetcher = fetcher or Fetcher()
    for src in sources:
        if src.startswith(("http://", "https://")):
            yield from url_items(src, fetcher, since=since, known_url=known_url)
            continue
        if is_batch_output(Path(src)):
            yield from batch_items(Path(src))
            continue
        for found in find_articles([src], suffixes=FOLDER_SUFFIXES):
            if isinstance(found, ArticleInputError):
                yield IngestFailure(src, str(found).removeprefix(f"{src}: "))
            elif found.path is None:
                yield _stdin_item()
            elif found.path.suffix.lower() == ".jsonl":
                yield from jsonl_items(found.path)
            elif found.path.suffix.lower() in (".html", ".htm"):
                yield html_file_item(found.path)
            else:
                yield text_item(found)


def _stdin_item() -> IngestItem | IngestFailure:
    try:
        text = decode_article(sys.stdin.buffer.read(), "<stdin>")
    except ArticleInputError as exc:
        return IngestFailure("<stdin>", str(exc).removeprefix("<stdin>: "))
    return IngestItem("<stdin>", ArticleMeta(text=text, doc="stdin", source="<stdin>"))


@dataclass(slots=True)
class IngestSummary:
    """Counts of one run; ``same_story`` counts new articles linked to an earlier story."""

    new: int = 0
    already_stored: int = 0
    failed: int = 0
    skipped: int = 0
    facts_added: int = 0
    same_story: int = 0
    failures: list[IngestFailure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "already_stored": self.already_stored,
            "failed": self.failed,
            "skipped": self.skipped,
            "facts_added": self.facts_added,
            "same_story": self.same_story,
            "failures": [{"input": f.label, "reason": f.reason} for f in self.failures],
        }


def store_item(
    store: Store, item: IngestItem, extractor: Callable[..., ArticleFacts] = extract
) -> AddResult:
    """Store one item: its own facts when it brings them, else extract them first."""
    if item.facts is not None:
        return store.add_extracted(item.meta, item.facts)
    m = item.meta
    return store.ingest_text(
        m.text, doc=m.doc, url=m.url, source=m.source, published=m.published,
        title=m.title, extractor=extractor,
    )  # fmt: skip


def ingest(
    store: Store,
    sources: Iterable[str],
    *,
    since: date | None = None,
    fetcher: Fetcher | None = None,
    extractor: Callable[..., ArticleFacts] = extract,
    on_item: Callable[[Yielded, AddResult | None], None] | None = None,
) -> IngestSummary:
    """Ingest every source into ``store``; never raises for a bad input.

    ``on_item`` is called after each article, failure or skip (progress display).
    """
    summary = IngestSummary()
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for item in iter_sources(sources, fetcher=fetcher, since=since, known_url=store.has_url):
            result = None
            if isinstance(item, IngestSkip):
                if item.reason == "already stored":
                    summary.already_stored += 1
                else:
                    summary.skipped += 1
            elif isinstance(item, IngestFailure):
                summary.failed += 1
                summary.failures.append(item)
            else:
                try:
                    result = store_item(store, item, extractor)
                except Exception as exc:  # the extractor or a bad record: report, go on
                    failure = IngestFailure(item.label, f"{type(exc).__name__}: {exc}")
                    summary.failed += 1
                    summary.failures.append(failure)
                    item = failure
                else:
                    if result.status == "new":
                        summary.new += 1
                        summary.facts_added += result.facts_added
                        summary.same_story += result.duplicate_story
                    else:
                        summary.already_stored += 1
            if on_item:
                on_item(item, result)
    finally:
        if own_fetcher:
            fetcher.close()
    return summary
