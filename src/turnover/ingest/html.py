"""HTML pages (a file or a fetched URL): main text and metadata via trafilatura.

The stored article text is the page title, a blank line, then the main text
with one blank line between paragraphs: the layout the extractor reads best
(title line, paragraphs). The page's date goes to the extractor as the
publication date.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from turnover.ingest.items import IngestFailure, IngestItem, normalise_published
from turnover.reader import MAX_ARTICLE_BYTES
from turnover.store import ArticleMeta

MIN_TEXT_CHARS = 80
"""Less main text than this is a navigation or error page, not an article."""


def page_item(
    html: str, *, label: str, url: str | None = None, doc: str | None = None,
    published: str | None = None, title: str | None = None, source: str | None = None,
) -> IngestItem | IngestFailure:  # fmt: skip
    """Turn one HTML page into an article.

    ``published`` (from a feed) wins over the page's date; ``title`` is used only
    when the page has none, since the page's own headline is what the text holds.
    """
    import trafilatura  # slow to import; only HTML sources need it

    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, favor_recall=True, include_comments=False
        )
    except Exception as exc:  # trafilatura raises many types on odd markup
        return IngestFailure(label, f"cannot parse HTML ({type(exc).__name__})")
    data = found.as_dict() if hasattr(found, "as_dict") else (found or {})
    body = (data.get("text") or "").strip()
    if len(body) < MIN_TEXT_CHARS:
        return IngestFailure(label, "no article text found in the page")
    page_title = data.get("title") or title
    try:
        when = published or normalise_published(data.get("date"))
    except ValueError:
        when = None
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if page_title and paragraphs and paragraphs[0] == page_title.strip():
        paragraphs = paragraphs[1:]
    text = "\n\n".join(([page_title.strip()] if page_title else []) + paragraphs) + "\n"
    host = urlsplit(url).netloc if url else None
    meta = ArticleMeta(
        text=text,
        doc=doc or _doc_from(url, label),
        url=url,
        source=source or data.get("sitename") or host or label,
        published=when,
        title=page_title,
    )
    return IngestItem(label, meta)


def _doc_from(url: str | None, label: str) -> str:
    if url:
        parts = urlsplit(url)
        tail = parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.netloc
        return tail.removesuffix(".html").removesuffix(".htm") or parts.netloc
    return Path(label).stem


def html_file_item(path: Path) -> IngestItem | IngestFailure:
    label = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return IngestFailure(label, f"cannot read ({exc.strerror or exc})")
    if len(data) > MAX_ARTICLE_BYTES:
        return IngestFailure(label, f"too large for a page ({len(data):,} bytes)")
    return page_item(data.decode("utf-8", errors="replace"), label=label, doc=path.stem)
