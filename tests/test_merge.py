"""Merging repeats (`turnover.merge.merge_facts`) on facts built here directly.

FACTS.md: one fact per (kind, flow, countries, value or percent, period or
by); repeats keep the first statement as quote; a bound and the exact figure
for the same pair, flow and period are one fact with the exact amount; a
target restated in other words is one fact; an amount restated in another
currency is the same fact.
"""

from __future__ import annotations

import pytest

from turnover.merge import merge_facts
from turnover.models import Fact, Period

Y2023 = Period.year(2023)
PAIR = ("CHN", "RUS")


def value(
    amount: float,
    quote: str,
    period: Period | None = Y2023,
    qualifier: str | None = None,
    currency: str = "USD",
    countries: tuple[str, str] = PAIR,
    flow: str = "turnover",
) -> Fact:
    return Fact("value", flow, countries, amount, currency, None, period, None, quote,
                (0, len(quote)), qualifier)  # fmt: skip


def target(amount: float, quote: str, by: int | None) -> Fact:
    return Fact("target", "turnover", PAIR, amount, "USD", None, None, by, quote, (0, len(quote)))


def change(percent: float, quote: str, period: Period | None = Y2023) -> Fact:
    return Fact("change", "turnover", PAIR, None, None, percent, period, None, quote,
                (0, len(quote)))  # fmt: skip


def summary(facts: list[Fact]) -> list[tuple]:
    return [(f.kind, f.value, f.percent, f.period, f.by, f.quote) for f in facts]


def test_nothing_in_nothing_out() -> None:
    assert merge_facts([]) == []


def test_repeat_is_one_fact_with_the_first_quote() -> None:
    merged = merge_facts([value(1e9, "first"), value(1e9, "second"), value(1e9, "third")])
    assert summary(merged) == [("value", 1e9, None, Y2023, None, "first")]


def test_values_within_half_a_percent_are_a_repeat() -> None:
    assert len(merge_facts([value(1e9, "a"), value(1.004e9, "b")])) == 1


def test_distinct_values_stay_apart() -> None:
    assert len(merge_facts([value(1e9, "a"), value(1.02e9, "b")])) == 2


def test_different_periods_pairs_or_flows_stay_apart() -> None:
    facts = [
        value(1e9, "a"),
        value(1e9, "b", period=Period.year(2022)),
        value(1e9, "c", countries=("CHN", "KAZ")),
        value(1e9, "d", flow="export"),
    ]
    assert [f.quote for f in merge_facts(facts)] == ["a", "b", "c", "d"]


def test_bound_then_exact_figure_is_one_fact_with_the_exact_amount() -> None:
    merged = merge_facts([value(8e9, "over 8", qualifier="over"), value(8.44e9, "exactly")])
    assert summary(merged) == [("value", 8.44e9, None, Y2023, None, "over 8")]
    assert merged[0].qualifier is None


def test_exact_figure_then_bound_is_one_fact() -> None:
    merged = merge_facts([value(8.44e9, "exactly"), value(8e9, "over 8", qualifier="over")])
    assert summary(merged) == [("value", 8.44e9, None, Y2023, None, "exactly")]


def test_upper_bound_then_exact_figure() -> None:
    merged = merge_facts([value(50e6, "under 50", qualifier="under"), value(48e6, "exactly")])
    assert [f.value for f in merged] == [48e6]


def test_bound_in_a_title_without_period_takes_the_period_of_the_exact_figure() -> None:
    merged = merge_facts(
        [value(8e9, "title", period=None, qualifier="over"), value(8.44e9, "body")]
    )
    assert summary(merged) == [("value", 8.44e9, None, Y2023, None, "title")]


def test_exact_figure_below_a_lower_bound_is_another_fact() -> None:
    # "over $8 billion" cannot be the same figure as $7.9 billion.
    merged = merge_facts([value(8e9, "over 8", qualifier="over"), value(7.9e9, "7.9")])
    assert [f.value for f in merged] == [8e9, 7.9e9]


def test_title_restating_the_lead_without_period() -> None:
    merged = merge_facts([value(1e9, "title", period=None), value(1e9, "lead")])
    assert summary(merged) == [("value", 1e9, None, Y2023, None, "title")]


def test_amount_restated_in_another_currency_is_the_same_fact() -> None:
    merged = merge_facts(
        [value(1.2e12, "rubles", currency="RUB"), value(40e9, "byn", currency="BYN")]
    )
    assert [(f.value, f.currency) for f in merged] == [(1.2e12, "RUB")]


def test_target_restated_takes_the_horizon_where_it_is_given() -> None:
    merged = merge_facts([target(5e8, "title", None), target(5e8, "body", 2030)])
    assert summary(merged) == [("target", 5e8, None, None, 2030, "title")]


def test_targets_with_different_horizons_stay_apart() -> None:
    merged = merge_facts([target(5e8, "a", 2030), target(5e8, "b", 2035)])
    assert [f.by for f in merged] == [2030, 2035]


def test_change_repeated_without_period_takes_the_period() -> None:
    merged = merge_facts([change(5.0, "lead", period=None), change(5.0, "body")])
    assert summary(merged) == [("change", None, 5.0, Y2023, None, "lead")]


def test_distinct_changes_stay_apart() -> None:
    assert [f.percent for f in merge_facts([change(5.0, "a"), change(6.0, "b")])] == [5.0, 6.0]


def test_kinds_never_merge() -> None:
    facts = [value(5e8, "v"), target(5e8, "t", None), change(5.0, "c")]
    assert [f.kind for f in merge_facts(facts)] == ["value", "target", "change"]


@pytest.mark.xfail(
    strict=True,
    reason="merge_facts joins a bound and the exact figure only when they are within 10%; "
    "FACTS.md makes 'exceeded $1 billion' and a later exact $1.3 billion for the same pair, "
    "flow and period one fact (here: two facts, 1e9 'over' and 1.3e9)",
)
def test_bound_and_distant_exact_figure_are_one_fact() -> None:
    merged = merge_facts([value(1e9, "exceeded 1", qualifier="over"), value(1.3e9, "exactly")])
    assert [f.value for f in merged] == [1.3e9]


def test_a_rounded_restatement_is_one_fact_with_the_precise_amount() -> None:
    merged = merge_facts([value(1.9e9, "title", None), value(1.93e9, "body")])
    assert summary(merged) == [("value", 1.93e9, None, Y2023, None, "title")]


@pytest.mark.parametrize("other", [2e9, 1.96e9])
def test_one_digit_or_a_different_rounding_stays_apart(other: float) -> None:
    assert len(merge_facts([value(other, "title", None), value(1.93e9, "body")])) == 2


def test_a_rounded_percent_takes_the_precise_one() -> None:
    merged = merge_facts([change(12.0, "title", None), change(12.4, "body")])
    assert summary(merged) == [("change", None, 12.4, Y2023, None, "title")]
