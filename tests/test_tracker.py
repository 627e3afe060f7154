"""Tracker arithmetic on small hand-built fact sets; every expected number is worked out here."""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest

from turnover import tracker
from turnover.tracker import StoredFact

_ids = count(1)


def fact(
    kind: str,
    value: float | None,
    *,
    article: int,
    published: str | None,
    period: tuple[str, str] | None = None,
    by: int | None = None,
    countries: tuple[str, str] = ("BLR", "KGZ"),
    flow: str = "turnover",
    currency: str = "USD",
    percent: float | None = None,
    story: int | None = None,
) -> StoredFact:
    return StoredFact(
        id=next(_ids), article_id=article, story_id=story or article, kind=kind, flow=flow,
        countries=countries, value=value, currency=None if kind == "change" else currency,
        percent=percent, period_start=period[0] if period else None,
        period_end=period[1] if period else None, by=by, quote=f"quote {article}",
        span=(0, 7), doc=f"doc{article}", published=published,
    )  # fmt: skip


def year(y: int) -> tuple[str, str]:
    return (f"{y}-01", f"{y}-12")


# The seed story: $133M in 2024, $500M by 2030, stated 2025-09-29.
SEED = [
    fact("value", 133e6, article=1, published="2025-09-29", period=year(2024)),
    fact("target", 500e6, article=1, published="2025-09-29", by=2030),
]
CAGR = (500 / 133) ** (1 / 6) - 1  # six years from 2024 to 2030


def only(found: list[tracker.TargetStatus]) -> tracker.TargetStatus:
    assert len(found) == 1, found
    return found[0]


def test_required_growth_from_baseline_to_target():
    t = only(tracker.targets(SEED, as_of=date(2025, 10, 1)))
    assert t.baseline_value == 133e6
    assert t.baseline_period == {"start": "2024-01", "end": "2024-12"}
    assert t.required_cagr == pytest.approx(0.2470, abs=5e-5)
    assert t.required_cagr == pytest.approx(CAGR)
    assert t.status == "no data"  # nothing reported after the baseline yet
    assert (t.pair, t.by, t.first_stated, t.stories) == ("BLR-KGZ", 2030, "2025-09-29", 1)


def test_on_track_when_latest_meets_the_growth_path():
    # Path value for 2026 = 133 * 1.2470^2 = 206.8M; 210M is above it.
    facts = [*SEED, fact("value", 210e6, article=2, published="2027-02-01", period=year(2026))]
    t = only(tracker.targets(facts, as_of=date(2027, 3, 1)))
    assert t.expected_value == pytest.approx(133e6 * (1 + CAGR) ** 2)
    assert t.expected_value == pytest.approx(206.8e6, rel=1e-3)
    assert t.latest_value == 210e6 and t.latest_basis == "full year"
    assert t.progress == pytest.approx(0.42)
    assert t.status == "on track"


def test_behind_when_latest_is_below_the_path():
    facts = [*SEED, fact("value", 180e6, article=2, published="2027-02-01", period=year(2026))]
    assert only(tracker.targets(facts, as_of=date(2027, 3, 1))).status == "behind"


def test_partial_year_gives_a_labelled_run_rate():
    # 68M in January-June 2025 -> run-rate 136M a year; path for 2025 = 133 * 1.247 = 165.8M.
    facts = [
        *SEED,
        fact("value", 68e6, article=1, published="2025-09-29", period=("2025-01", "2025-06")),
    ]
    t = only(tracker.targets(facts, as_of=date(2025, 10, 1)))
    assert (t.latest_value, t.latest_basis) == (136e6, "run-rate")
    assert t.status == "behind"


def test_achieved_missed_and_horizon():
    reached = [*SEED, fact("value", 520e6, article=3, published="2030-02-01", period=year(2029))]
    assert only(tracker.targets(reached, as_of=date(2030, 3, 1))).status == "achieved"
    short = [*SEED, fact("value", 450e6, article=3, published="2031-02-01", period=year(2030))]
    assert only(tracker.targets(short, as_of=date(2031, 3, 1))).status == "missed"
    # The horizon passed with nothing reported: missed as well.
    assert only(tracker.targets(SEED, as_of=date(2031, 1, 1))).status == "missed"
    # A figure above target but after the horizon does not achieve it.
    late = [*SEED, fact("value", 600e6, article=3, published="2032-02-01", period=year(2031))]
    assert only(tracker.targets(late, as_of=date(2032, 3, 1))).status == "missed"


def test_newer_target_supersedes_older_one():
    facts = [
        fact("value", 1.2e9, article=1, published="2019-03-01", period=year(2018)),
        fact("target", 2e9, article=1, published="2019-03-01", by=2025),
        fact("target", 3e9, article=2, published="2023-05-01", by=2030),
    ]
    old, new = tracker.targets(facts, as_of=date(2024, 1, 1))
    assert (old.value, old.status, old.superseded_by) == (2e9, "superseded", new.id)
    assert new.superseded_by is None
    # Baseline of the newer target is still 2018 (the latest full year before 2023).
    assert new.required_cagr == pytest.approx((3 / 1.2) ** (1 / 12) - 1)


def test_restatements_merge_and_near_duplicates_count_once():
    facts = [
        *SEED,
        fact("target", 500e6, article=2, published="2025-10-02", by=2030),  # another story
        fact("target", 500e6, article=3, published="2025-10-03", by=2030, story=1),  # a reprint
    ]
    t = only(tracker.targets(facts, as_of=date(2025, 11, 1)))
    assert t.stories == 2
    assert [s["article_id"] for s in t.sources] == [1, 2, 3]
    assert (t.first_stated, t.last_stated) == ("2025-09-29", "2025-10-03")


def test_filters_by_country_pair_and_status():
    facts = [
        *SEED,
        fact("target", 10e9, article=5, published="2024-01-01", by=2030, countries=("KAZ", "UZB")),
    ]
    as_of = date(2025, 10, 1)
    assert [t.pair for t in tracker.targets(facts, as_of=as_of)] == ["BLR-KGZ", "KAZ-UZB"]
    assert [t.pair for t in tracker.targets(facts, as_of=as_of, country="uzb")] == ["KAZ-UZB"]
    assert [t.pair for t in tracker.targets(facts, as_of=as_of, pair="KGZ-BLR")] == ["BLR-KGZ"]
    assert tracker.targets(facts, as_of=as_of, status=["achieved"]) == []


def test_pair_codes_put_groups_second():
    assert tracker.pair_codes("KGZ", "BLR") == ("BLR", "KGZ")
    assert tracker.pair_codes("WLD", "CHN") == ("CHN", "WLD")
    assert tracker.pair_codes("EU", "AUT") == ("AUT", "EU")
    assert tracker.parse_pair("kgz-blr") == ("BLR", "KGZ")
    with pytest.raises(ValueError, match="two codes"):
        tracker.parse_pair("KGZ")


def test_conflicts_need_two_stories_more_than_two_percent_apart():
    base = dict(published="2025-01-01", period=year(2024))
    facts = [
        fact("value", 100e6, article=1, **base),
        fact("value", 103e6, article=2, **base),  # 3% above: conflict
        fact("value", 101.5e6, article=3, countries=("KAZ", "UZB"), **base),
        fact("value", 100e6, article=4, countries=("KAZ", "UZB"), **base),  # 1.5%: none
        fact("value", 50e6, article=5, countries=("CHN", "RUS"), **base),
        fact("value", 60e6, article=6, countries=("CHN", "RUS"), story=5, **base),  # same story
    ]
    conflicted = [g.pair for g in tracker.figures(facts) if g.conflict]
    assert conflicted == ["BLR-KGZ"]
    report = tracker.pair_report(facts, "KGZ", "BLR")
    assert [g.values for g in report.conflicts] == [[100e6, 103e6]]


def test_consistency_of_exports_against_turnover():
    half = dict(published="2025-09-29", period=("2025-01", "2025-06"))
    full = dict(published="2024-02-01", period=year(2023))
    facts = [
        fact("value", 68e6, article=1, **half),
        fact("value", 22e6, article=1, flow="export", countries=("KGZ", "BLR"), **half),
        fact("value", 46e6, article=1, flow="export", countries=("BLR", "KGZ"), **half),
        fact("value", 100e6, article=2, **full),
        fact("value", 30e6, article=2, flow="export", countries=("KGZ", "BLR"), **full),
        fact("value", 60e6, article=2, flow="export", countries=("BLR", "KGZ"), **full),
    ]
    checks = tracker.pair_report(facts, "BLR", "KGZ").checks
    assert [(c.period["end"], c.consistent) for c in checks] == [
        ("2023-12", False),
        ("2025-06", True),
    ]
    assert checks[0].difference == pytest.approx(-0.10)  # (30 + 60 - 100) / 100
    assert checks[1].exports == {"BLR->KGZ": 46e6, "KGZ->BLR": 22e6}


def test_pair_report_keeps_annual_and_partial_figures_apart():
    facts = [
        *SEED,
        fact("value", 68e6, article=1, published="2025-09-29", period=("2025-01", "2025-06")),
        fact("change", None, article=1, published="2025-09-29", period=year(2024), percent=13.0),
    ]
    report = tracker.pair_report(facts, "KGZ", "BLR", as_of=date(2025, 10, 1))
    assert [(g.period["end"], g.full_year, g.run_rate) for g in report.figures] == [
        ("2024-12", True, None),
        ("2025-06", False, 136e6),
    ]
    assert [c["percent"] for c in report.changes] == [13.0]
    assert [t.value for t in report.targets] == [500e6]
    summary = only(tracker.pair_summaries(facts))
    assert summary.latest_turnover["value"] == 133e6  # the full year is preferred
    assert (summary.facts, summary.articles, summary.targets) == (4, 1, 1)
