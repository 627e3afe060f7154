"""URLs: an RSS/Atom feed (each item's page fetched) or a single HTML page.

The kind of a URL is decided by what the server sends, not by its name: a feed
content type or an XML/RSS/Atom body is a feed, HTML is a page, anything else
is reported as neither.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from urllib.parse import urljoin

from turnover.ingest.fetch import Fetcher, FetchError, Response
from turnover.ingest.html import page_item
from turnover.ingest.items import IngestFailure, IngestItem, IngestSkip

Yielded = IngestItem | IngestFailure | IngestSkip
_FEED_STARTS = (b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")


def is_html(resp: Response) -> bool:
    ctype = resp.content_type.lower()
    if "html" in ctype:
        return True
    return not ctype and b"<html" in resp.body[:2000].lower()


def is_feed(resp: Response) -> bool:
    ctype = resp.content_type.lower()
    if "html" in ctype:
        return False
    if any(k in ctype for k in ("rss", "atom", "xml")):
        return True
    return resp.body.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(_FEED_STARTS)


def url_items(
    url: str,
    fetcher: Fetcher,
    *,
    since: date | None = None,
    known_url: Callable[[str], bool] = lambda _url: False,
) -> Iterator[Yielded]:
    """Everything one URL source gives: the page, or every item of the feed."""
    try:
        resp = fetcher.get(url)
    except FetchError as exc:
        yield IngestFailure(url, str(exc).removeprefix(f"{url}: "))
        return
    if is_feed(resp):
        yield from feed_items(resp, fetcher, since=since, known_url=known_url)
    elif is_html(resp):
        yield page_item(resp.text, label=url, url=resp.url)
    else:
        ctype = resp.content_type or "none"
        yield IngestFailure(url, f"neither an HTML page nor a feed (content-type {ctype})")


def _entry_date(entry: dict) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).replace(tzinfo=None)


def feed_items(
    resp: Response,
    fetcher: Fetcher,
    *,
    since: date | None = None,
    known_url: Callable[[str], bool] = lambda _url: False,
) -> Iterator[Yielded]:
    """Fetch and read the page of every feed entry (newer than ``since``)."""
    import feedparser  # only feed sources need it

    headers = {"content-location": resp.url, "content-type": resp.content_type or "application/xml"}
    parsed = feedparser.parse(resp.body, response_headers=headers)
    entries = parsed.get("entries") or []
    err = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(err, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType):
        err = None  # feedparser's notes on headers, not damage to the feed
    if err is not None:
        # Broken XML: say so once; items recovered from it still count if they have links.
        first_line = (str(err).splitlines() or [""])[0]
        yield IngestFailure(resp.url, f"malformed feed ({type(err).__name__}: {first_line})")
        entries = [e for e in entries if e.get("link")]
    elif not entries:
        yield IngestFailure(resp.url, "feed has no items")
        return
    outlet = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, 1):
        link = entry.get("link")
        if not link:
            yield IngestFailure(f"{resp.url} item {number}", "item has no link")
            continue
        link = urljoin(resp.url, link)
        when = _entry_date(entry)
        if since and when and when.date() < since:
            yield IngestSkip(link, f"published {when.date()}, before --since {since}")
            continue
        if known_url(link):
            yield IngestSkip(link, "already stored")
            continue
        try:
            page = fetcher.get(link)
        except FetchError as exc:
            yield IngestFailure(link, str(exc).removeprefix(f"{link}: "))
            continue
        if not is_html(page):
            ctype = page.content_type or "none"
            yield IngestFailure(link, f"not an HTML page (content-type {ctype})")
            continue
        yield page_item(
            page.text,
            label=link,
            url=link,
            published=when.strftime("%Y-%m-%dT%H:%M") if when else None,
            title=entry.get("title") or None,
            source=outlet,
        )
