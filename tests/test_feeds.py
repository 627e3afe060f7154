"""Feeds and pages fetched from a real HTTP server on 127.0.0.1, broken ones included."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from turnover.cli import app
from turnover.ingest import Fetcher, FetchError, ingest
from turnover.store import Store

SLOW_SECONDS = 0.6
XML = b"<?xml version='1.0'?>"
TIMEOUT = 0.3


def page(title: str, body: str, published: str = "2025-02-10T09:00:00+00:00") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (
        "<html><head><meta charset='utf-8'>"
        f"<title>{title} | Test Wire</title>"
        f"<meta property='article:published_time' content='{published}'>"
        "<meta property='og:site_name' content='Test Wire'></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Contact us. All rights reserved.</footer></body></html>"
    ).encode()


KZ_UZ = page(
    "Kazakhstan and Uzbekistan set a trade goal",
    "Kazakhstan and Uzbekistan agreed in Tashkent to lift their bilateral trade to $10 billion "
    "by 2030, the two presidents said after talks on Monday.\n"
    "Mutual trade reached $4.4 billion in 2024, according to the statistics agencies of both "
    "countries, and new joint ventures in textiles and machinery are planned.",
)
TR_AZ = page(
    "Turkey and Azerbaijan review trade",
    "Turkey and Azerbaijan want trade between them to reach $15 billion by 2030, ministers "
    "told a business forum in Baku this week, where dozens of companies signed agreements.\n"
    "The sides discussed transport links and customs procedures at length.",
)


def rss(base: str) -> bytes:
    items = [
        ("Kazakhstan and Uzbekistan", f"{base}/news/kz-uz.html", "Mon, 10 Feb 2025 09:00:00 GMT"),
        ("An old story", f"{base}/news/old.html", "Tue, 05 Jan 2021 09:00:00 GMT"),
        ("Gone", f"{base}/news/missing.html", "Mon, 10 Feb 2025 10:00:00 GMT"),
        ("A report", f"{base}/news/report.pdf", "Mon, 10 Feb 2025 11:00:00 GMT"),
        ("Server trouble", f"{base}/news/broken.html", "Mon, 10 Feb 2025 12:00:00 GMT"),
        ("Slow server", f"{base}/news/slow.html", "Mon, 10 Feb 2025 13:00:00 GMT"),
        ("Flaky server", "/news/flaky.html", "Mon, 10 Feb 2025 14:00:00 GMT"),
    ]  # fmt: skip
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>"
        for t, link, d in items
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test Wire</title>"
        f"<link>{base}/</link>{body}</channel></rss>"
    ).encode()


def atom(base: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Atom Wire</title><id>{base}/atom</id><updated>2023-06-05T10:00:00Z</updated>"
        f"<entry><title>Turkey and Azerbaijan review trade</title><id>{base}/news/tr-az.html</id>"
        f"<link href='{base}/news/tr-az.html'/><updated>2023-06-05T10:00:00Z</updated></entry>"
        "</feed>"
    ).encode()


class Site:
    """A tiny news site: routes, hit counts and the User-Agents seen."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        self.base = ""

    def respond(self, path: str) -> tuple[int, str, bytes]:
        b = self.base
        routes = {
            "/feed.xml": (200, "application/rss+xml", rss(b)),
            "/atom.xml": (200, "application/atom+xml; charset=utf-8", atom(b)),
            "/bad.xml": (200, "application/rss+xml", XML + b"<rss><channel><item><title>x</ti"),
            "/empty.xml": (200, "application/rss+xml", XML + b"<rss><channel></channel></rss>"),
            "/news/kz-uz.html": (200, "text/html; charset=utf-8", KZ_UZ),
            "/news/tr-az.html": (200, "text/html", TR_AZ),
            "/news/old.html": (200, "text/html", TR_AZ.replace(b"Turkey", b"Turkiye")),
            "/news/report.pdf": (200, "application/pdf", b"%PDF-1.4 not a page"),
            "/news/broken.html": (500, "text/html", b"<h1>oops</h1>"),
            "/news/empty.html": (200, "text/html", b"<html><body><p>Hi.</p></body></html>"),
            "/data.bin": (200, "application/octet-stream", b"\x00\x01\x02"),
        }  # fmt: skip
        if path == "/news/flaky.html":
            flaky = KZ_UZ.replace(b"Tashkent", b"Astana")
            return (
                (503, "text/html", b"busy") if self.hits[path] == 1 else (200, "text/html", flaky)
            )
        if path == "/news/slow.html":
            time.sleep(SLOW_SECONDS)
            return routes["/news/kz-uz.html"]
        return routes.get(path, (404, "text/html", b"<h1>Not found</h1>"))


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            state.hits[self.path] += 1
            state.agents.append(self.headers.get("User-Agent", ""))
            status, ctype, body = state.respond(self.path)
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def fast_fetcher() -> Fetcher:
    return Fetcher(timeout=TIMEOUT, retries=1, backoff=0.01, host_delay=0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "feeds.db") as s:
        yield s


def test_rss_feed_items_are_fetched_and_failures_listed(site: Site, store: Store):
    summary = ingest(store, [f"{site.base}/feed.xml"], fetcher=fast_fetcher())
    reasons = {f.label.rsplit("/", 1)[-1]: f.reason for f in summary.failures}
    assert reasons == {
        "missing.html": "HTTP 404",
        "report.pdf": "not an HTML page (content-type application/pdf)",
        "broken.html": "HTTP 500 (2 attempts)",
        "slow.html": f"timed out after {TIMEOUT:g}s (2 attempts)",
    }
    assert (summary.new, summary.failed) == (3, 4), summary
    assert site.hits["/news/broken.html"] == 2 and site.hits["/news/missing.html"] == 1
    assert all(agent.startswith("turnover/") for agent in site.agents)
    articles = {a["url"].rsplit("/", 1)[-1]: a for a in store.articles(limit=None).items}
    assert set(articles) == {"kz-uz.html", "old.html", "flaky.html"}
    kz = store.article(articles["kz-uz.html"]["id"])
    assert kz["title"] == "Kazakhstan and Uzbekistan set a trade goal"
    assert kz["published"] == "2025-02-10T09:00"
    assert kz["source"] == "Test Wire"
    assert kz["text"].startswith("Kazakhstan and Uzbekistan set a trade goal\n\nKazakhstan and")
    assert "Contact us" not in kz["text"] and "Home" not in kz["text"]
    # The flaky page was fetched by a relative link, after one 503.
    assert site.hits["/news/flaky.html"] == 2
    # A second run fetches nothing it already stored.
    again = ingest(store, [f"{site.base}/feed.xml"], fetcher=fast_fetcher())
    assert (again.new, again.already_stored) == (0, 3)
    assert site.hits["/news/kz-uz.html"] == 1


def test_since_skips_older_feed_items(site: Site, store: Store):
    from datetime import date

    summary = ingest(
        store, [f"{site.base}/feed.xml"], fetcher=fast_fetcher(), since=date(2024, 1, 1)
    )
    assert summary.skipped == 1
    assert "old.html" not in {a["url"].rsplit("/", 1)[-1] for a in store.articles().items}


def test_atom_feed_and_single_page(site: Site, store: Store):
    summary = ingest(
        store, [f"{site.base}/atom.xml", f"{site.base}/news/kz-uz.html"], fetcher=fast_fetcher()
    )
    assert (summary.new, summary.failed) == (2, 0)
    published = {a["url"].rsplit("/", 1)[-1]: a["published"] for a in store.articles().items}
    assert published == {"tr-az.html": "2023-06-05T10:00", "kz-uz.html": "2025-02-10"}


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/bad.xml", "malformed feed"),
        ("/empty.xml", "feed has no items"),
        ("/data.bin", "neither an HTML page nor a feed (content-type application/octet-stream)"),
        ("/news/empty.html", "no article text found in the page"),
        ("/nowhere", "HTTP 404"),
    ],
)
def test_broken_sources_fail_with_a_reason(site: Site, store: Store, path: str, reason: str):
    summary = ingest(store, [site.base + path], fetcher=fast_fetcher())
    assert summary.failed == 1 and summary.new == 0
    assert summary.failures[0].label == site.base + path
    assert summary.failures[0].reason.startswith(reason)


def test_unreachable_and_bad_urls():
    fetcher = Fetcher(timeout=TIMEOUT, retries=0, host_delay=0)
    with pytest.raises(FetchError, match="connection failed"):
        fetcher.get("http://127.0.0.1:9/")  # the discard port: nothing listens
    with pytest.raises(FetchError, match="not an http"):
        fetcher.get("ftp://127.0.0.1/x")


def test_per_host_delay_and_backoff_wait_without_sleeping(site: Site):
    waits: list[float] = []
    fetcher = Fetcher(
        timeout=TIMEOUT,
        retries=2,
        backoff=0.5,
        host_delay=2.0,
        sleep=waits.append,
        clock=lambda: 100.0,
    )
    fetcher.get(f"{site.base}/news/tr-az.html")
    assert waits == []  # first request to the host
    fetcher.get(f"{site.base}/news/tr-az.html")
    assert waits == [2.0]  # the clock stood still: a full per-host delay
    waits.clear()
    with pytest.raises(FetchError):
        fetcher.get(f"{site.base}/news/broken.html")
    assert waits == [2.0, 0.5, 2.0, 1.0, 2.0]  # delay, backoff 0.5 then 1.0, each retry delayed


def test_cli_ingest_lists_failures_and_exits_non_zero(site: Site, tmp_path: Path):
    db = str(tmp_path / "cli.db")
    args = ["ingest", "--db", db, "--timeout", str(TIMEOUT), "--retries", "0", "--delay", "0"]
    result = CliRunner().invoke(
        app, [*args, f"{site.base}/news/tr-az.html", f"{site.base}/nowhere"]
    )
    assert result.exit_code == 1
    assert "1 new, 0 already stored, 1 failed" in result.stderr
    assert f"failed: {site.base}/nowhere: HTTP 404" in result.stderr
    assert "Traceback" not in result.output
