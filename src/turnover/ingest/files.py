"""Article text files, folders and globs, read with `turnover.reader`."""

from __future__ import annotations

from turnover.ingest.items import IngestFailure, IngestItem
from turnover.reader import ArticleFile, ArticleInputError, read_article
from turnover.store import ArticleMeta


def text_item(item: ArticleFile) -> IngestItem | IngestFailure:
    """One .txt article; its date and title come from the text itself."""
    label = str(item.path) if item.path else "<stdin>"
    try:
        text = read_article(item)
    except ArticleInputError as exc:
        return IngestFailure(label, str(exc).removeprefix(f"{label}: "))
    return IngestItem(label, ArticleMeta(text=text, doc=item.doc, source=label))
