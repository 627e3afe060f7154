"""The JSON API through a real uvicorn server on 127.0.0.1: filters, pagination, errors, ingest."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from web_fixtures import KG_BY, LiveServer, build_store, live_server, serve

TARGET_ID = "turnover:BLR>KGZ:500000000USD:2030"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    yield from live_server(tmp_path_factory, "api")


def test_facts_filter_by_pair_kind_and_period(live: LiveServer) -> None:
    body = live.get("/api/facts", params={"pair": "KGZ-BLR", "kind": "value"}).json()
    assert body["total"] == 5
    assert {f["pair"] for f in body["items"]} == {"BLR-KGZ"}
    exact = live.get("/api/facts", params={"pair": "BLR-KGZ", "period": "2025-01..2025-06"}).json()
    assert [f["value"] for f in exact["items"]] == [68e6]
    month = live.get("/api/facts", params={"pair": "BLR-KGZ", "period": "2025-03"}).json()
    assert [f["value"] for f in month["items"]] == [68e6]
    year = live.get("/api/facts", params={"pair": "BLR-KGZ", "period": "2023"}).json()
    assert sorted(f["value"] for f in year["items"]) == [34e6, 86e6, 120e6]


def test_facts_filter_by_country_flow_and_text(live: LiveServer) -> None:
    exports = live.get("/api/facts", params={"country": "Kyrgyzstan", "flow": "export"}).json()
    assert sorted(tuple(f["countries"]) for f in exports["items"]) == [
        ("BLR", "KGZ"),
        ("KGZ", "BLR"),
    ]
    hits = live.get("/api/facts", params={"text": "LIFT MUTUAL"}).json()
    assert [f["kind"] for f in hits["items"]] == ["target"]
    assert hits["items"][0]["speaker"] == "Alexander Turchin"


def test_fact_spans_index_the_article_text(live: LiveServer) -> None:
    facts = live.get("/api/facts", params={"pair": "BLR-KGZ"}).json()["items"]
    for fact in facts:
        article = live.get(f"/api/articles/{fact['article_id']}").json()
        start, end = fact["span"]
        assert article["text"][start:end] == fact["quote"]
        assert fact["id"] in [f["id"] for f in article["facts"]]


def test_pagination_walks_every_fact_once(live: LiveServer) -> None:
    total = live.get("/api/facts").json()["total"]
    seen: list[int] = []
    url: str | None = live.url + "/api/facts?limit=4"
    while url:
        body = httpx.get(url, timeout=30).json()
        assert len(body["items"]) <= 4
        seen += [f["id"] for f in body["items"]]
        url = body["next"]
    assert len(seen) == total == len(set(seen))
    text_page = live.get("/api/facts", params={"text": "trade", "limit": 2, "offset": 1}).json()
    assert text_page["offset"] == 1 and len(text_page["items"]) <= 2


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/api/facts", {"limit": 0}, "limit: Input should be greater than or equal to 1"),
        ("/api/facts", {"limit": "many"}, "limit: Input should be a valid integer"),
        ("/api/facts", {"kind": "rumour"}, "kind: Input should be 'value', 'change' or 'target'"),
        ("/api/facts", {"period": "2025-13"}, "period '2025-13': use YYYY, YYYY-MM"),
        ("/api/facts", {"period": "2025-06..2025-01"}, "the end is before the start"),
        ("/api/facts", {"country": "Atlantis"}, "country 'Atlantis': not a known country"),
        ("/api/facts", {"pair": "KGZ"}, "pair 'KGZ': use two country codes like KGZ-BLR"),
        ("/api/targets", {"status": "winning"}, "status 'winning': use one of achieved"),
        ("/api/articles/0", {}, "article_id: Input should be greater than or equal to 1"),
    ],
)
def test_bad_parameters_get_a_422_with_a_clear_message(
    live: LiveServer, path: str, params: dict[str, object], message: str
) -> None:
    resp = live.get(path, params=params)
    assert resp.status_code == 422
    assert message in resp.json()["error"]


def test_unknown_things_are_404_json(live: LiveServer) -> None:
    for path in ("/api/articles/9999", "/api/pairs/FRA-DEU", "/api/targets/none", "/api/nope"):
        resp = live.get(path)
        assert resp.status_code == 404, path
        assert resp.json()["error"], path


def test_targets_carry_status_and_arithmetic(live: LiveServer) -> None:
    body = live.get("/api/targets", params={"pair": "BLR-KGZ"}).json()
    assert body["total"] == 1
    target = body["items"][0]
    assert target["id"] == TARGET_ID
    assert target["status"] == "behind"
    assert target["baseline_value"] == 133e6
    assert round(target["required_cagr"] * 100, 1) == 24.7  # (500/133)^(1/6) - 1
    assert target["latest_value"] == 136e6 and target["latest_basis"] == "run-rate"
    assert any("24.7% a year" in line for line in target["arithmetic"])
    one = live.get("/api/targets/" + quote(TARGET_ID, safe="")).json()
    assert one == target
    behind = live.get("/api/targets", params={"status": ["behind", "achieved"]}).json()
    assert TARGET_ID in [t["id"] for t in behind["items"]]


def test_pairs_and_pair_report(live: LiveServer) -> None:
    pairs = live.get("/api/pairs").json()
    assert "BLR-KGZ" in [p["pair"] for p in pairs["items"]]
    only_kgz = live.get("/api/pairs", params={"country": "KGZ"}).json()
    assert [p["pair"] for p in only_kgz["items"]] == ["BLR-KGZ"]
    report = live.get("/api/pairs/KGZ-BLR").json()
    assert report["pair"] == "BLR-KGZ"
    assert {(f["period"]["end"], f["full_year"]) for f in report["figures"]} >= {
        ("2024-12", True),
        ("2025-06", False),
    }
    assert report["checks"][0]["consistent"] is True  # 86 + 34 == 120 in 2023
    assert report["targets"][0]["arithmetic"]


def test_articles_list_and_search(live: LiveServer) -> None:
    body = live.get("/api/articles", params={"q": "kg-by-2025"}).json()
    assert [a["doc"] for a in body["items"]] == ["kg-by-2025-talks"]
    assert body["items"][0]["facts"] == 3


def test_openapi_schema_documents_the_api(live: LiveServer) -> None:
    schema = live.get("/api/openapi.json").json()
    assert {"/api/facts", "/api/targets", "/api/pairs", "/api/articles"} <= set(schema["paths"])
    params = {p["name"] for p in schema["paths"]["/api/facts"]["get"]["parameters"]}
    assert {"country", "pair", "kind", "flow", "period", "text", "limit", "offset"} <= params
    assert "API" in live.get("/api").text


def test_ingest_is_refused_when_read_only(live: LiveServer) -> None:
    resp = httpx.post(live.url + "/api/articles", json={"text": "Trade news."}, timeout=30)
    assert resp.status_code == 403
    assert "--allow-ingest" in resp.json()["error"]


class _PageHandler(BaseHTTPRequestHandler):
    """Serves one news page written for this test, and a non-HTML file."""

    PAGE = (
        "<html><head><title>Kazakhstan and Kyrgyzstan trade update</title></head><body><article>"
        "<h1>Kazakhstan and Kyrgyzstan trade update</h1>"
        "<p>Trade between Kazakhstan and Kyrgyzstan reached $1.5 billion in 2024, "
        "the ministry of economy reported on Tuesday in Astana.</p>"
        "<p>Both governments said they want to keep expanding the exchange of goods "
        "and to open new border crossings for trucks next year.</p>"
        "</article></body></html>"
    )

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        html = self.path == "/news"
        body = (self.PAGE if html else "%PDF-1.4").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8" if html else "application/pdf")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def page_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PageHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_ingest_text_and_url_when_allowed(tmp_path: Path, page_server: str) -> None:
    with serve(tmp_path / "new.db", allow_ingest=True) as url:
        text = KG_BY.read_text(encoding="utf-8")
        first = httpx.post(url + "/api/articles", json={"text": text, "doc": "kg-by"}, timeout=60)
        assert first.status_code == 201, first.text
        body = first.json()
        assert body["status"] == "new"
        stored = body["article"]
        assert stored["doc"] == "kg-by" and stored["text"] == text
        for fact in stored["facts"]:  # whatever the extractor found is grounded
            assert text[fact["span"][0] : fact["span"][1]] == fact["quote"]
        again = httpx.post(url + "/api/articles", json={"text": text}, timeout=60)
        assert again.status_code == 200 and again.json()["status"] == "already stored"

        page = httpx.post(url + "/api/articles", json={"url": page_server + "/news"}, timeout=60)
        assert page.status_code == 201, page.text
        assert "Kazakhstan and Kyrgyzstan trade update" in page.json()["article"]["text"]

        pdf = httpx.post(url + "/api/articles", json={"url": page_server + "/a.pdf"}, timeout=60)
        assert pdf.status_code == 502 and "not an HTML page" in pdf.json()["error"]
        for bad in ({}, {"text": "  "}, {"text": "x", "published": "yesterday"}):
            resp = httpx.post(url + "/api/articles", json=bad, timeout=60)
            assert resp.status_code == 422, bad
            assert resp.json()["error"], bad
        listed = httpx.get(url + "/api/articles", timeout=30).json()
        assert listed["total"] == 2


def test_serving_a_missing_database_read_only_is_a_clear_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from turnover.cli import app

    missing = tmp_path / "none.db"
    result = CliRunner().invoke(app, ["serve", "--db", str(missing)])
    assert result.exit_code == 1
    assert f"{missing}: no such database" in result.output
    assert not missing.exists()


def test_answers_follow_the_database_when_another_process_ingests(tmp_path: Path) -> None:
    """The server memoises tracker answers; a commit by any other connection must show."""
    from web_fixtures import grounded

    from turnover.models import ArticleFacts
    from turnover.store import ArticleMeta, Store

    fixture = build_store(tmp_path / "live.db")
    with serve(fixture.db) as url:
        before = httpx.get(url + "/api/targets", params={"pair": "ARM-GEO"}, timeout=30).json()
        assert before["total"] == 0
        assert "ARM-GEO" not in httpx.get(url + "/", timeout=30).text
        text = "Armenia and Georgia want trade of $2 billion by 2028, the ministers said."
        fact = grounded(text, "Armenia and Georgia want trade of $2 billion by 2028",
                        kind="target", countries=("ARM", "GEO"), value=2e9, by=2028)  # fmt: skip
        with Store(fixture.db) as writer:  # a second connection, as `turnover ingest` would be
            writer.add_extracted(
                ArticleMeta(text=text, doc="am-ge"), ArticleFacts("am-ge", None, None, (fact,))
            )
        after = httpx.get(url + "/api/targets", params={"pair": "ARM-GEO"}, timeout=30).json()
        assert [t["value"] for t in after["items"]] == [2e9]
        assert "ARM-GEO" in httpx.get(url + "/", timeout=30).text
