"""Reporting periods (`turnover.periods`): finding them and resolving them to months.

FACTS.md "Periods", "Split years", "Short fiscal years" and the horizon rules:
each case is one phrase as trade news writes it, resolved against a
publication date and, for fiscal years, the country whose figures they are.
"""

from __future__ import annotations

from datetime import date

import pytest

from turnover.article import normalise
from turnover.models import Period
from turnover.periods import find_periods, fiscal_start, resolve

PUBLISHED = date(2025, 9, 29)


def resolved(text: str, published: date | None = PUBLISHED, country: str | None = None):
    """The single period named in ``text``, resolved."""
    (mention,) = find_periods(normalise(text))
    return resolve(mention, published, country)


def months(start: str, end: str) -> Period:
    return Period(start, end)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Trade grew in 2024.", months("2024-01", "2024-12")),
        ("Trade reached $68 million in January \u2014 June 2025.", months("2025-01", "2025-06")),
        ("Trade reached $68 million in January-June 2025.", months("2025-01", "2025-06")),
        ("Trade grew in the first half of 2025.", months("2025-01", "2025-06")),
        ("Trade grew in six months of 2025.", months("2025-01", "2025-06")),
        ("Trade grew in the first quarter of 2024.", months("2024-01", "2024-03")),
        ("Trade grew in Q1 2024.", months("2024-01", "2024-03")),
        ("Trade grew in H2 2023.", months("2023-07", "2023-12")),
        ("Trade grew in 1H 2024.", months("2024-01", "2024-06")),
        ("Trade grew in nine months of 2023.", months("2023-01", "2023-09")),
        ("Trade grew in 11 months of 2024.", months("2024-01", "2024-11")),
        ("Trade grew in January 2024.", months("2024-01", "2024-01")),
        ("Trade grew from November 2023 to February 2024.", months("2023-11", "2024-02")),
        ("Trade grew in Dec 2023 \u2013 Feb 2024.", months("2023-12", "2024-02")),
    ],
)
def test_explicit_periods(text: str, period: Period) -> None:
    assert resolved(text, published=None) == period


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        # Without a year: the year of publication if the last month is before the
        # publication month, else the year before (FACTS.md).
        ("Trade grew in January-July.", date(2025, 9, 29), months("2025-01", "2025-07")),
        ("Trade grew in January-July.", date(2025, 8, 3), months("2025-01", "2025-07")),
        ("Trade grew in January-July.", date(2025, 7, 15), months("2024-01", "2024-07")),
        ("Trade grew in January-July.", date(2025, 3, 1), months("2024-01", "2024-07")),
        ("Trade grew in the first half.", PUBLISHED, months("2025-01", "2025-06")),
        ("Trade grew in 11 months.", PUBLISHED, months("2024-01", "2024-11")),
        ("Trade grew in 11 months.", date(2025, 12, 20), months("2025-01", "2025-11")),
        ("Trade grew in the third quarter.", PUBLISHED, months("2024-07", "2024-09")),
        ("Trade grew in the third quarter.", date(2025, 10, 14), months("2025-07", "2025-09")),
        ("Trade grew in December.", PUBLISHED, months("2024-12", "2024-12")),
        ("Trade grew last year.", PUBLISHED, months("2024-01", "2024-12")),
        ("Trade grew this year.", PUBLISHED, months("2025-01", "2025-12")),
        ("Trade grew in the second half of last year.", PUBLISHED, months("2024-07", "2024-12")),
        (
            "Trade grew in the first 11 months of this year.",
            date(2025, 12, 20),
            months("2025-01", "2025-11"),
        ),
    ],
)
def test_periods_resolved_by_publication_date(text: str, published: date, period: Period) -> None:
    assert resolved(text, published) == period


@pytest.mark.parametrize(
    "text", ["Trade grew in January-July.", "Trade grew last year.", "Trade grew this year."]
)
def test_relative_periods_without_publication_date_are_unknown(text: str) -> None:
    assert resolved(text, published=None) is None


@pytest.mark.parametrize(
    ("country", "period"),
    [
        ("IND", months("2016-04", "2017-03")),
        ("PAK", months("2016-07", "2017-06")),
        ("BGD", months("2016-07", "2017-06")),
        ("EGY", months("2016-07", "2017-06")),
        ("IRN", months("2016-03", "2017-02")),
        ("KAZ", None),  # any other split year is left as null
        (None, None),
    ],
)
def test_split_years_are_fiscal_years_of_the_country(country: str | None, period) -> None:
    assert resolved("Exports rose in 2016-17.", None, country) == period


@pytest.mark.parametrize(
    ("text", "country", "period"),
    [
        ("Trade rose in FY2021-22.", "IND", months("2021-04", "2022-03")),
        ("Trade rose in fiscal year 2023-24.", "PAK", months("2023-07", "2024-06")),
        ("Trade rose in 2022-23.", "EGY", months("2022-07", "2023-06")),
        ("Trade rose in FY25.", "IND", months("2024-04", "2025-03")),  # FACTS.md example
        ("Trade rose in FY25.", "PAK", months("2024-07", "2025-06")),
        ("Trade rose in FY25.", "IRN", months("2024-03", "2025-02")),
        ("Trade rose in FY25.", "CHN", None),
    ],
)
def test_fiscal_years(text: str, country: str, period) -> None:
    assert resolved(text, None, country) == period


def test_fiscal_start_table() -> None:
    assert [fiscal_start(c) for c in ("IND", "PAK", "BGD", "EGY", "IRN")] == [4, 7, 7, 7, 3]
    assert fiscal_start("KGZ") is None
    assert fiscal_start(None) is None


def test_not_a_split_year() -> None:
    # "2019-21" does not span one year to the next: not a fiscal year.
    assert all(m.fiscal is None for m in find_periods(normalise("In 2019-21 trade grew.")))


@pytest.mark.parametrize(
    "text", ["Trade should reach $1 billion by 2030.", "Trade plans till 2030."]
)
def test_horizons_are_not_reporting_periods(text: str) -> None:
    (mention,) = find_periods(normalise(text))
    assert mention.horizon
    assert mention.year == 2030
    assert resolve(mention, PUBLISHED) is None


def test_amount_digits_are_not_years() -> None:
    assert find_periods(normalise("Exports were $2024 million and 2,024 tonnes.")) == []


def test_mentions_in_text_order_with_offsets() -> None:
    text = "In January\u2013March 2024 trade grew, while in 2023 it fell."
    found = find_periods(normalise(text))
    assert [text[m.start : m.end] for m in found] == ["January\u2013March 2024", "2023"]


def test_same_period_of_last_year_is_marked() -> None:
    (mention,) = find_periods(normalise("compared with the same period of last year"))
    assert mention.same_period
    assert mention.relative == -1


def test_search_window() -> None:
    text = "In 2023 trade grew; in 2024 it fell."
    norm = normalise(text)
    assert [m.year for m in find_periods(norm, norm.index(";"))] == [2024]
