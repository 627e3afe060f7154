"""Money amounts (`turnover.amounts`): how news writes numbers, scales and currencies.

The sentences are written here in the style of trade news; each case pins a
reading rule of FACTS.md ("Amounts", "A range is not a fact", "read as written").
"""

from __future__ import annotations

import pytest

from turnover.amounts import find_amounts, parse_number
from turnover.article import normalise


def amounts(text: str) -> list[tuple[float, str]]:
    """(value, currency) of every amount found in ``text``, in text order."""
    return [(a.value, a.currency) for a in find_amounts(normalise(text))]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("Trade reached $133 million in 2024.", 133e6, "USD"),
        ("It came to $12.5 billion.", 12.5e9, "USD"),
        ("Bilateral trade was USD 2.5bn last year.", 2.5e9, "USD"),
        ("Turnover hit USD2.5bn.", 2.5e9, "USD"),
        ("Trade stood at 775.7 million U.S. dollars.", 775.7e6, "USD"),
        ("Trade stood at 2.4 billion dollars.", 2.4e9, "USD"),
        ("Exports were US$ 1.2 billion.", 1.2e9, "USD"),
        ("Exports were $2.4bn.", 2.4e9, "USD"),
        ("Exports were $ 500 million.", 500e6, "USD"),
        ("Imports were $5m.", 5e6, "USD"),
        ("The deal is worth $1.5-billion.", 1.5e9, "USD"),
        ("Trade with the bloc was €2.5 billion.", 2.5e9, "EUR"),
        ("Trade with the bloc was EUR 300 million.", 300e6, "EUR"),
        ("Trade with the bloc was 300 million euros.", 300e6, "EUR"),
        ("Trade came to 12 billion soms.", 12e9, "KGS"),
        ("Trade came to KGS 5 billion.", 5e9, "KGS"),
        ("Trade came to 40 billion tenge.", 40e9, "KZT"),
        ("Trade came to 1.2 trillion rubles.", 1.2e12, "RUB"),
        ("Trade came to 40 bln Belarusian rubles.", 40e9, "BYN"),
    ],
)
def test_amount_with_symbol_or_currency_word(text: str, value: float, currency: str) -> None:
    assert amounts(text) == [(pytest.approx(value), currency)]


def test_decimal_comma_before_billion() -> None:
    # FACTS.md: "$1,317 billion" in this kind of news is 1.317e9, not 1.3 trillion.
    assert amounts("Trade between the two countries reached $1,317 billion.") == [
        (pytest.approx(1.317e9), "USD")
    ]


def test_thousands_comma_before_million() -> None:
    assert amounts("Trade between the two countries reached $1,317 million.") == [
        (pytest.approx(1.317e9), "USD")
    ]


def test_number_words() -> None:
    assert amounts("They want trade to reach half a billion dollars.") == [(5e8, "USD")]
    assert amounts("Trade may reach one and a half billion dollars.") == [(1.5e9, "USD")]


def test_no_break_space_between_digit_groups() -> None:
    # "$1 317 million" with U+00A0 as the group separator.
    assert amounts("Trade was $1\u00a0317 million.") == [(pytest.approx(1.317e9), "USD")]


def test_evident_typo_is_read_as_written() -> None:
    # FACTS.md: "$9,928,000" where billions are meant is not corrected.
    assert amounts("Exports totalled $9,928,000 last year.") == [(9_928_000, "USD")]


@pytest.mark.parametrize(
    "text",
    [
        "Trade could reach $3-3.5 billion.",
        "Trade could reach $3 - 3.5 billion.",
        "Trade could reach $3\u20133.5 billion.",  # en dash
    ],
)
def test_range_is_not_an_amount(text: str) -> None:
    assert amounts(text) == []


def test_range_with_to_is_not_an_amount() -> None:
    assert amounts("Experts expect trade of $3 to $4 billion next year.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Trade grew 12 percent in 2024.",  # a percent
        "The two countries signed 45 agreements.",  # a count
        "In 2024 the ministers met twice.",  # a year
        "Some 300 million people live there.",  # no currency
        "The fund holds usd 5 billion.",  # lower-case code in running text
        "It cost $0 million.",  # not a positive amount
        "Prices rose by $",  # a symbol without a number
    ],
)
def test_not_money(text: str) -> None:
    assert amounts(text) == []


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Trade exceeded $1 billion.", 1e9, "over"),
        ("Trade was more than $8 billion.", 8e9, "over"),
        ("Trade was under $50 million.", 50e6, "under"),
        ("Trade was about $133 million.", 133e6, "approximately"),
        ("Trade was $133 million.", 133e6, None),
    ],
)
def test_bounds_and_hedges_keep_the_stated_amount(
    text: str, value: float, qualifier: str | None
) -> None:
    # FACTS.md: a bound is a value at the stated amount; hedges do not change the number.
    (found,) = find_amounts(normalise(text))
    assert (found.value, found.qualifier) == (value, qualifier)


def test_offsets_point_into_the_original_text() -> None:
    text = "Trade reached\u00a0$68\u00a0million in January\u2014June."
    (a,) = find_amounts(normalise(text))
    assert text[a.start : a.end] == "$68\u00a0million"


def test_search_window() -> None:
    text = "Exports were $5 billion; imports were $3 billion."
    norm = normalise(text)
    cut = norm.index(";")
    assert [a.value for a in find_amounts(norm, 0, cut)] == [5e9]
    assert [a.value for a in find_amounts(norm, cut)] == [3e9]


def test_several_amounts_in_text_order() -> None:
    text = "Of $68 million, $22 million was exports and $46 million imports."
    assert [v for v, _ in amounts(text)] == [68e6, 22e6, 46e6]


def test_rupees_with_rs_prefix() -> None:
    assert amounts("Trade rose to Rs 1,200 crore.") == [(pytest.approx(1.2e10), "INR")]


def test_rupees_with_rs_dot_prefix() -> None:
    assert amounts("Trade rose to Rs. 1,200 crore.") == [(pytest.approx(1.2e10), "INR")]


@pytest.mark.parametrize(
    ("raw", "scale", "value"),
    [
        ("1,317", 1e9, 1.317e9),  # decimal comma: 1.3 trillion would be implausible
        ("1,317", 1e6, 1.317e9),  # thousands separator
        ("1,317", 1.0, 1317.0),
        ("1.317", 1e9, 1.317e9),
        ("1,5", 1e9, 1.5e9),  # a decimal comma with one digit
        ("12,75", 1e6, 12.75e6),
        ("1,234,567", 1.0, 1_234_567.0),
        ("1.234.567", 1.0, 1_234_567.0),
        ("1,234.5", 1.0, 1234.5),
        ("1.234,5", 1.0, 1234.5),
        ("12 345", 1.0, 12345.0),
        ("1,23,456", 1.0, 123456.0),  # Indian grouping
        ("9,928,000", 1.0, 9_928_000.0),
        ("68", 1e6, 68e6),
    ],
)
def test_parse_number(raw: str, scale: float, value: float) -> None:
    assert parse_number(raw, scale) == pytest.approx(value)
