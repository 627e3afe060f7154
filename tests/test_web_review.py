"""The review view: highlighting at spans, escaping, and the standalone `turnover review` file."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from typer.testing import CliRunner
from web_fixtures import KG_BY, XSS_ARTICLE, grounded, kg_by_facts, xss_facts

from turnover.cli import app
from turnover.models import ArticleFacts, Period
from turnover.review import locate, render_review_document, segments

MARK = re.compile(r'<mark class="fact k-(\w+)" data-facts="([\d ]+)"[^>]*>(.*?)</mark>', re.S)


def test_segments_cut_text_at_every_boundary_and_list_covering_facts() -> None:
    text = "abcdefghij"
    pieces = segments(text, [(2, 6), (4, 8), None])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.facts) for p in pieces] == [
        ("ab", ()),
        ("cd", (0,)),
        ("ef", (0, 1)),
        ("gh", (1,)),
        ("ij", ()),
    ]


def test_locate_trusts_a_true_span_and_recovers_a_stale_one() -> None:
    text = "Trade grew. Trade reached $5 billion in 2023."
    right = grounded(text, "Trade reached $5 billion", kind="value", countries=("AZE", "TUR"))
    assert locate(text, right) == right.span
    stale = grounded("xx" + text, "Trade reached $5 billion", kind="value", countries=("A", "B"))
    assert locate(text, stale) == (12, 36)
    missing = grounded("not in it", "not in it", kind="value", countries=("A", "B"))
    assert locate(text, missing) is None


def test_every_fact_is_highlighted_at_its_quote() -> None:
    text = KG_BY.read_text(encoding="utf-8")
    facts = kg_by_facts(text)
    html = render_review_document([(text, ArticleFacts("kg-by", None, None, facts))], "t")
    marked = {unescape(body): kind for kind, _, body in MARK.findall(html)}
    assert marked == {f.quote: f.kind for f in facts}
    assert "<h3>Facts (3)</h3>" in html
    assert "$500 million" in html and "by 2030" in html


def test_overlapping_facts_share_the_marked_text() -> None:
    text = "Exports rose 12% to $40 million in 2024, officials said."
    value = grounded(
        text,
        "Exports rose 12% to $40 million in 2024",
        kind="value",
        flow="export",
        countries=("KAZ", "UZB"),
        value=40e6,
        period=Period.year(2024),
    )
    change = grounded(text, "rose 12%", kind="change", flow="export", countries=("KAZ", "UZB"),
                      currency=None, percent=12.0, period=Period.year(2024))  # fmt: skip
    html = render_review_document([(text, ArticleFacts("x", None, None, (value, change)))], "t")
    assert ("change", "0 1", "rose 12%") in [
        (k, ids, unescape(b)) for k, ids, b in MARK.findall(html)
    ]


def test_article_html_is_shown_as_text_never_as_markup() -> None:
    result = ArticleFacts("xss", None, '<img src=x onerror="alert(1)">', xss_facts(XSS_ARTICLE))
    html = render_review_document([(XSS_ARTICLE, result)], "<script>t</script>")
    body = html.split("<body>", 1)[1].rsplit("<script>", 1)[0]  # our own script is the last tag
    assert "<script>window.__pwned" not in body
    assert "&lt;script&gt;window.__pwned = true;&lt;/script&gt;" in body
    assert "<img" not in body and "&lt;img src=x onerror=" in body
    assert "<title>&lt;script&gt;t&lt;/script&gt;</title>" in html


def test_review_command_writes_one_self_contained_file(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n", encoding="utf-8")
    out = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["review", str(KG_BY), str(bad), "-o", str(out)])
    assert result.exit_code == 1  # one input failed, reported on one line
    assert f"{bad}: empty article" in result.output
    assert "Traceback" not in result.output
    html = out.read_text(encoding="utf-8")
    assert 'src="http' not in html and 'href="http' not in html  # no network needed
    assert "<style>" in html and "markFact" in html  # CSS and JS inlined
    assert "Kyrgyzstan and Belarus set a $500 million trade goal" in html
    assert 'id="a1"' in html


def test_review_command_with_nothing_readable_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["review", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
    assert not out.exists()
