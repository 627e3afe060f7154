"""Changes in percent and as ratios (`turnover.percents.find_changes`).

FACTS.md: a change is a signed percent; "X times" is (X-1)*100, "doubled" is
+100, "88.7 percent of the 2016 level" is -11.3; shares and percentage points
are not changes.
"""

from __future__ import annotations

import pytest

from turnover.article import normalise
from turnover.percents import find_changes


def percents(text: str) -> list[float]:
    return [c.percent for c in find_changes(normalise(text))]


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("Exports rose 13% last year.", 13.0),
        ("Trade was up 13 percent.", 13.0),
        ("Trade rose by 7 per cent.", 7.0),
        ("Trade increased by 20 pct.", 20.0),
        ("Trade grew by 12,5% over the year.", 12.5),  # decimal comma
        ("Exports fell 4.5 percent.", -4.5),
        ("Exports fell by 4.5%.", -4.5),
        ("Imports showed a 12% decrease.", -12.0),
        ("Imports showed a 12 percent increase.", 12.0),
        ("Trade changed by -4.5% on the year.", -4.5),
        ("Trade changed by +13.0% on the year.", 13.0),
        ("Trade declined by almost 3 percent.", -3.0),  # hedges do not change the number
    ],
)
def test_signed_percent(text: str, percent: float) -> None:
    assert percents(text) == [pytest.approx(percent)]


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("Trade between the neighbours grew 1.5 times.", 50.0),
        ("Trade grew one and a half times.", 50.0),
        ("Trade rose 3.3-fold over the decade.", 230.0),
        ("Trade between them doubled.", 100.0),
        ("Trade has more than doubled.", 100.0),
        ("Trade tripled in ten years.", 200.0),
        ("Trade halved after the border closed.", -50.0),
    ],
)
def test_ratios(text: str, percent: float) -> None:
    (change,) = find_changes(normalise(text))
    assert change.ratio
    assert change.percent == pytest.approx(percent)


def test_share_of_a_level() -> None:
    # FACTS.md: "88.7 percent of the 2016 level" is a change of -11.3.
    (change,) = find_changes(normalise("Trade in 2017 reached 88.7 percent of the 2016 level."))
    assert change.level
    assert change.percent == pytest.approx(-11.3)


def test_level_above_hundred() -> None:
    (change,) = find_changes(normalise("Trade was 110% of last year's level."))
    assert change.percent == pytest.approx(10.0)


@pytest.mark.parametrize(
    "text",
    [
        "China accounted for 8.4 percent of total trade.",  # a share
        "The share of the EU rose from 26% to 32%.",  # two levels of a share
        "Its share in the country's trade is 12%.",
        "Inflation was 7% in May.",  # no word of change
        "The share of exports increased by 2.5 percentage points.",
        "Purchases from Turkey exceeded exports four times.",  # one flow against another
        "Imports surpassed the exports by 2.5 times last year.",
    ],
)
def test_not_a_change(text: str) -> None:
    assert percents(text) == []


def test_elliptical_coordination_keeps_the_sign() -> None:
    assert percents("Exports fell 5 percent, while imports - by 23%.") == [-5.0, -23.0]


def test_two_changes_in_order() -> None:
    text = "Exports rose 10 percent and imports fell 3 percent."
    assert percents(text) == [10.0, -3.0]


def test_offsets_point_into_the_original_text() -> None:
    text = "Trade grew\u00a0by 4.7\u00a0percent in the quarter."
    (change,) = find_changes(normalise(text))
    assert text[change.start : change.end] == "4.7\u00a0percent"


def test_fell_threefold_is_one_fall() -> None:
    assert percents("Trade fell threefold after the sanctions.") == [pytest.approx(-66.6667)]
