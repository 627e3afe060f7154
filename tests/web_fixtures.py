"""Shared by the web, API and browser tests: a real store file and a real server on 127.0.0.1.

The key articles are stored with facts built here with exact spans (so the
dashboard tests do not depend on extraction quality); the other bundled
examples go through the real ingest path (`turnover.ingest.ingest`). The
articles below are written for these tests.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import uvicorn

from turnover.article import parse_article
from turnover.ingest import ingest
from turnover.models import ArticleFacts, Fact, Period
from turnover.store import ArticleMeta, Store
from turnover.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
KG_BY = EXAMPLES / "kg-by-2025-talks.txt"
AS_OF = date(2025, 10, 1)

FORUM_2024 = """ date 2024-03-12 10:00
Belarus and Kyrgyzstan review a year of trade

Officials from Belarus and Kyrgyzstan met in Bishkek to review their trade results.

Trade between Belarus and Kyrgyzstan totalled $120 million in 2023, the ministry said.
Belarusian exports to Kyrgyzstan came to $86 million in 2023, while Kyrgyzstan exported goods
worth $34 million to Belarus in 2023.
"""

XSS_ARTICLE = """ date 2025-02-01 09:00
<img src=x onerror="alert('title')"> Uzbekistan & Kazakhstan <b>talks</b>

<script>window.__pwned = true;</script>
Kazakhstan and Uzbekistan said their trade reached $4.4 billion in 2024 <i>says a source</i>.
"""


def grounded(text: str, quote: str, **fields: object) -> Fact:
    """A fact whose span is where ``quote`` is in ``text`` (FACTS.md grounding)."""
    start = text.index(quote)
    base: dict[str, object] = {
        "flow": "turnover",
        "value": None,
        "currency": "USD",
        "percent": None,
        "period": None,
        "by": None,
    }
    base.update(fields)
    return Fact(quote=quote, span=(start, start + len(quote)), **base)  # type: ignore[arg-type]


def kg_by_facts(text: str) -> tuple[Fact, ...]:
    pair = ("BLR", "KGZ")
    return (
        grounded(
            text, "trade between Kyrgyzstan and Belarus reached about $133 million in 2024",
            kind="value", countries=pair, value=133e6, period=Period.year(2024),
            qualifier="about",
        ),
        grounded(
            text, "In January-June 2025 it came to $68 million.",
            kind="value", countries=pair, value=68e6, period=Period.months(2025, 1, 6),
        ),
        grounded(
            text,
            "The two sides agreed to lift mutual trade turnover to $500 million within five years",
            kind="target", countries=pair, value=500e6, by=2030, speaker="Alexander Turchin",
        ),
    )  # fmt: skip


def forum_facts(text: str) -> tuple[Fact, ...]:
    return (
        grounded(
            text, "Trade between Belarus and Kyrgyzstan totalled $120 million in 2023",
            kind="value", countries=("BLR", "KGZ"), value=120e6, period=Period.year(2023),
        ),
        grounded(
            text, "Belarusian exports to Kyrgyzstan came to $86 million in 2023",
            kind="value", flow="export", countries=("BLR", "KGZ"), value=86e6,
            period=Period.year(2023),
        ),
        grounded(
            text, "Kyrgyzstan exported goods\nworth $34 million to Belarus in 2023",
            kind="value", flow="export", countries=("KGZ", "BLR"), value=34e6,
            period=Period.year(2023),
        ),
    )  # fmt: skip


def xss_facts(text: str) -> tuple[Fact, ...]:
    return (
        grounded(
            text, "their trade reached $4.4 billion in 2024",
            kind="value", countries=("KAZ", "UZB"), value=4.4e9, period=Period.year(2024),
        ),
    )  # fmt: skip


@dataclass(frozen=True)
class Fixture:
    db: Path
    kg_by_text: str
    xss_text: str


def build_store(db: Path) -> Fixture:
    """Create a store file: three articles with hand-built facts, then the examples ingested."""
    kg_by_text = KG_BY.read_text(encoding="utf-8")
    articles = [
        ("kg-by-2025-talks", kg_by_text, kg_by_facts, "Example Wire", "https://example.org/kg-by"),
        ("by-kg-2024-forum", FORUM_2024, forum_facts, "Test Gazette", "javascript:alert(1)"),
        ("kz-uz-xss", XSS_ARTICLE, xss_facts, "<b>Bad Source</b>", None),
    ]
    with Store(db) as store:
        for doc, text, build, source, url in articles:
            header = parse_article(text, None)
            store.add_extracted(
                ArticleMeta(text=text, doc=doc, source=source, url=url),
                ArticleFacts(
                    doc=doc, published=header.published, title=header.title, facts=build(text)
                ),
            )
        ingest(store, [str(EXAMPLES)])
    return Fixture(db=db, kg_by_text=kg_by_text, xss_text=XSS_ARTICLE)


@dataclass(frozen=True)
class LiveServer:
    url: str
    fixture: Fixture

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        kwargs.setdefault("follow_redirects", True)
        return httpx.get(self.url + path, timeout=30, **kwargs)  # type: ignore[arg-type]


def live_server(tmp_path_factory: object, name: str) -> Iterator[LiveServer]:
    """Body of a module-scoped ``live`` fixture: a fresh store file served on 127.0.0.1."""
    fixture = build_store(tmp_path_factory.mktemp(name) / "turnover.db")  # type: ignore[attr-defined]
    with serve(fixture.db) as url:
        yield LiveServer(url, fixture)


@contextmanager
def serve(db: Path, *, allow_ingest: bool = False) -> Iterator[str]:
    """Run the real app under uvicorn on 127.0.0.1 with an ephemeral port, in a thread."""
    app = create_app(db, allow_ingest=allow_ingest, as_of=AS_OF)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
