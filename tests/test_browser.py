"""End to end in Debian's headless chromium (Playwright): overview -> pair -> article.

Runs against a real server on 127.0.0.1; every request the page makes is
checked to stay on that server (Vega comes from the package, not a CDN).
Screenshots go to ``tmp/artifacts/`` (or $TURNOVER_ARTIFACTS) for a human look.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_fixtures import ROOT, LiveServer, live_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("TURNOVER_ARTIFACTS") or ROOT / "tmp" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    yield from live_server(tmp_path_factory, "browser")


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201 (playwright's Browser)
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs the chromium package")
        pytest.skip(f"{CHROMIUM} not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live: LiveServer):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    foreign: list[str] = []
    errors: list[str] = []

    def only_local(route, request) -> None:  # noqa: ANN001
        if request.url.startswith(live.url) or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            foreign.append(request.url)
            route.abort()

    tab.route("**/*", only_local)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()
    assert foreign == [], "the page tried to reach beyond the local server"
    assert errors == [], "the page logged errors"


def test_overview_to_pair_to_highlighted_source(page, live: LiveServer, artifacts: Path) -> None:  # noqa: ANN001
    page.goto(live.url + "/")
    page.screenshot(path=str(artifacts / "01-overview.png"), full_page=True)
    page.get_by_role("link", name="Belarus – Kyrgyzstan").first.click()
    page.wait_for_url("**/pair/BLR-KGZ")

    page.wait_for_selector("#chart[data-rendered='true']")
    drawn = page.locator("#chart svg, #chart canvas")
    assert drawn.count() >= 1
    assert page.locator("#chart svg .mark-symbol path").count() >= 5  # figures and target
    history = page.locator("#target-history tbody tr").first
    assert "$500 million" in history.inner_text() and "2030" in history.inner_text()
    page.screenshot(path=str(artifacts / "02-pair-BLR-KGZ.png"), full_page=True)

    history.locator("td").last.locator("a").first.click()
    page.wait_for_url("**/article/*#fact-*")
    active = page.locator("mark.fact.active")
    active.first.wait_for()
    marked = " ".join(active.all_inner_texts())
    assert "lift mutual trade turnover to $500 million within five years" in marked
    assert page.locator(".fact-item.active .amount").inner_text() == "$500 million"
    page.screenshot(path=str(artifacts / "03-article-review.png"), full_page=True)

    page.locator(".fact-item", has_text="$133 million").click()
    assert "about $133 million in 2024" in " ".join(active.all_inner_texts())


def test_chart_and_tables_download(page, live: LiveServer, artifacts: Path) -> None:  # noqa: ANN001
    page.goto(live.url + "/pair/BLR-KGZ")
    page.wait_for_selector("#chart[data-rendered='true']")
    with page.expect_download() as svg:
        page.click("[data-chart-download='svg']")
    assert svg.value.suggested_filename == "turnover-BLR-KGZ.svg"
    assert "<svg" in Path(svg.value.path()).read_text(encoding="utf-8")[:500]
    with page.expect_download() as png:
        page.click("[data-chart-download='png']")
    png_path = artifacts / "chart-BLR-KGZ.png"
    png.value.save_as(png_path)
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as csv:
        page.click("[data-csv-for='timeline']")
    lines = Path(csv.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Period,Flow,Value,Basis,Annualised,Stories,Sources"
    assert "2025-01..2025-06,Turnover,68000000.0,partial year,136000000.0,1," in "\n".join(lines)


def test_injected_script_never_runs(page, live: LiveServer, artifacts: Path) -> None:  # noqa: ANN001
    found = live.get("/api/facts", params={"text": "their trade reached"}).json()
    page.goto(f"{live.url}/article/{found['items'][0]['article_id']}")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned = true;</script>" in page.locator(".article-text").inner_text()
    page.screenshot(path=str(artifacts / "04-article-with-html.png"), full_page=True)
