"""Dashboard pages through a real uvicorn server on 127.0.0.1 over a real store file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from web_fixtures import LiveServer, live_server

from turnover.web.chart import pair_chart_spec

TARGET_ID = "turnover:BLR>KGZ:500000000USD:2030"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    yield from live_server(tmp_path_factory, "web")


def text_of(html: str) -> str:
    """Visible text, roughly: tags dropped, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_overview_lists_pairs_latest_figures_and_target_badges(live: LiveServer) -> None:
    resp = live.get("/")
    assert resp.status_code == 200
    page = text_of(resp.text)
    assert "Belarus – Kyrgyzstan" in page
    row = re.search(r'<tr>\s*<td><a href="/pair/BLR-KGZ">.*?</tr>', resp.text, re.S)
    assert row, "the BLR-KGZ pair row is missing"
    cells = text_of(row.group(0))
    assert "$133 million" in cells and "2024" in cells  # latest full-year turnover
    assert "$500 million by 2030" in cells
    assert '<span class="badge warn">behind</span>' in row.group(0)


def test_search_for_a_pair_goes_to_its_page(live: LiveServer) -> None:
    resp = live.get("/", params={"q": "Kyrgyzstan and Belarus"}, follow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["location"] == "/pair/BLR-KGZ"


def test_search_for_a_country_narrows_the_pairs(live: LiveServer) -> None:
    page = text_of(live.get("/", params={"q": "Uzbekistan"}).text)
    assert "Kazakhstan – Uzbekistan" in page
    assert "Belarus – Kyrgyzstan" not in page


def test_search_for_text_lists_matching_facts(live: LiveServer) -> None:
    page = text_of(live.get("/", params={"q": "lift mutual trade"}).text)
    assert "Matching facts (1)" in page
    assert "The two sides agreed to lift mutual trade turnover" in page


def test_pair_page_has_chart_timeline_and_target_history(live: LiveServer) -> None:
    resp = live.get("/pair/BLR-KGZ")
    assert resp.status_code == 200
    spec_json = re.search(
        r'<script type="application/json" id="chart-spec">(.*?)</script>', resp.text, re.S
    )
    assert spec_json
    rows = json.loads(spec_json.group(1))["data"]["values"]
    figures = {(r["series"], r["period"], r["basis"]) for r in rows if r["layer"] == "figure"}
    assert ("Turnover", "2024", "annual") in figures
    assert ("Turnover", "Jan–Jun 2025", "partial year") in figures
    assert ("Exports BLR→KGZ", "2023", "annual") in figures
    assert ("Exports KGZ→BLR", "2023", "annual") in figures
    target = [r for r in rows if r["layer"] == "target"]
    assert [(t["amount"], t["period"]) for t in target] == [("$500 million", "by 2030")]
    path = [r["value"] for r in rows if r["layer"] == "path"]
    assert path == [133e6, 500e6]  # from the 2024 baseline to the target
    page = text_of(resp.text)
    assert "Jan–Jun 2025 Turnover $68 million partial year $136 million" in page
    assert "$500 million 2030 behind 24.7%" in page
    assert "/static/vega-embed.min.js" in resp.text
    assert 'data-csv-for="timeline"' in resp.text and 'data-chart-download="svg"' in resp.text


def test_pair_urls_are_canonical(live: LiveServer) -> None:
    resp = live.get("/pair/kyrgyzstan-belarus", follow_redirects=False)
    assert resp.status_code == 301 and resp.headers["location"] == "/pair/BLR-KGZ"
    missing = live.get("/pair/FRA-DEU")
    assert missing.status_code == 404
    assert "no facts are stored for the pair DEU-FRA" in missing.text
    nonsense = live.get("/pair/foo")
    assert nonsense.status_code == 404 and "is not a pair of countries" in unescape(nonsense.text)


def test_target_page_shows_pledge_sources_and_arithmetic(live: LiveServer) -> None:
    resp = live.get("/target/" + quote(TARGET_ID, safe=""))
    assert resp.status_code == 200
    page = text_of(resp.text)
    assert "Alexander Turchin" in page
    assert "Baseline: $133 million (2024)" in page
    assert "^(1/6) − 1 = 24.7% a year (2024 → 2030)" in page
    assert "Latest reported: $136 million (Jan–Jun 2025, annualised run-rate" in page
    assert "Status: behind" in page
    assert "The two sides agreed to lift mutual trade turnover to $500 million" in page
    assert re.search(r'href="/article/\d+#fact-\d+"', resp.text)
    assert live.get("/target/nope").status_code == 404


def test_article_page_highlights_facts_and_links_them(live: LiveServer) -> None:
    facts = live.get("/api/facts", params={"text": "$500 million within five years"}).json()
    fact = facts["items"][0]
    resp = live.get(f"/article/{fact['article_id']}")
    assert resp.status_code == 200
    assert f'id="fact-{fact["id"]}"' in resp.text
    marks = [unescape(m) for m in re.findall(r"<mark [^>]*>(.*?)</mark>", resp.text, re.S)]
    assert fact["quote"] in marks
    assert 'href="https://example.org/kg-by"' in resp.text
    assert live.get("/article/99999").status_code == 404
    assert live.get("/article/abc").status_code == 422


def test_stored_html_and_scripts_are_shown_as_text(live: LiveServer) -> None:
    found = live.get("/api/facts", params={"text": "their trade reached"}).json()
    article_id = found["items"][0]["article_id"]
    for path in (f"/article/{article_id}", "/articles", "/pair/KAZ-UZB", "/?q=4.4+billion"):
        html = live.get(path).text
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html and "<b>Bad Source</b>" not in html, path
    article = live.get(f"/article/{article_id}").text
    assert "&lt;script&gt;window.__pwned = true;&lt;/script&gt;" in article
    assert "&lt;b&gt;Bad Source&lt;/b&gt;" in article


def test_a_javascript_url_is_never_a_link(live: LiveServer) -> None:
    forum = live.get("/api/articles", params={"q": "by-kg-2024-forum"}).json()["items"][0]
    assert forum["url"] == "javascript:alert(1)"
    html = live.get(f"/article/{forum['id']}").text
    assert "javascript:" not in html


def test_pages_send_a_strict_content_security_policy(live: LiveServer) -> None:
    csp = live.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]


def test_vega_is_served_from_the_package(live: LiveServer) -> None:
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "chart.js"):
        resp = live.get(f"/static/{name}")
        assert resp.status_code == 200 and len(resp.content) > 1000, name
    assert "BSD-3-Clause" in live.get("/static/vega.min.js").text[:300]


def test_chart_spec_is_none_without_figures() -> None:
    from turnover.tracker import PairReport

    empty = PairReport("AAA-BBB", ["AAA", "BBB"], [], [], [], [], [])
    assert pair_chart_spec(empty) is None


def test_articles_page_pages_through_articles(live: LiveServer) -> None:
    page = text_of(live.get("/articles").text)
    assert "Kyrgyzstan and Belarus set a $500 million trade goal" in page
    assert re.search(r"Showing 1–\d+ of \d+", page)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(
    route=st.sampled_from(["/?q=", "/articles?q=", "/pair/", "/target/", "/article/"]),
    typed=st.text(max_size=60),
)
def test_whatever_is_typed_into_a_page_url_is_never_a_server_error(
    live: LiveServer, route: str, typed: str
) -> None:
    path = route + quote(typed, safe="")
    resp = live.get(path)
    assert resp.status_code < 500, path
    assert resp.headers["content-type"].startswith("text/html"), path
