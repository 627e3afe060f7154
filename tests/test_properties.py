"""Property tests: the extractor never raises and never invents a quote.

Texts are built from fragments of trade news (countries, amounts, months,
dashes, no-break spaces, date lines) mixed with arbitrary Unicode, so that
the patterns fire often on odd inputs.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnover import extract
from turnover.amounts import parse_number
from turnover.countries import GROUP_CODES, pair_key

FRAGMENTS = [
    "Kazakhstan", "Russia", "China", "the EU", "Kyrgyz", "Belarusian", "India", "Iran", "EAEU",
    "trade", "trade turnover", "exports", "imports", "foreign trade", "between", "and", "with",
    " ", "  ", "\n", "\n\n", ".", ",", ";", "(", ")", "\u00a0", "\u2014", "\u2013", "-", "\u201c",
    "$", "%", "USD", "\u20ac", "soms", "rubles", "half a", "billion", "million", "bn", "mln",
    "1,317", "2.5", "68", "1.5 times", "doubled", "tripled", "percent", "per cent",
    "of the 2016 level", "January", "June", "January-July", "first half", "11 months",
    "2024", "2030", "2022-23", "FY25", "by", "by 2030", "last year", "this year", "in",
    "rose", "fell", "grew", "reached", "amounted to", "target", "aim to", "plans to",
    "of which", "over the next five years", "more than", "about",
    " date 2025-09-29 20:54\n", "date 2024-05-24 ", "Published April 29, 2025 | 05:00 PM\n",
]  # fmt: skip

fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=6),
    st.integers(min_value=0, max_value=999_999).map(str),
    st.decimals(min_value=0, max_value=10_000, places=2).map(str),
)
texts = st.lists(fragment, max_size=50).map("".join)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_extract_never_raises_and_every_quote_is_grounded(text: str) -> None:
    result = extract(text, doc="fuzz")
    for fact in result.facts:
        start, end = fact.span
        assert text[start:end] == fact.quote
        assert fact.quote in text


@SETTINGS
@given(texts)
def test_facts_are_well_formed(text: str) -> None:
    for fact in extract(text).facts:
        a, b = fact.countries
        assert a != b
        assert all(len(code) == 3 or code in GROUP_CODES for code in (a, b))
        if fact.flow == "turnover":
            assert fact.countries == pair_key(a, b)
        if fact.kind == "change":
            assert fact.percent is not None and math.isfinite(fact.percent)
            assert fact.value is None and fact.by is None
        else:
            assert fact.value is not None and fact.value > 0 and fact.currency
        if fact.kind == "target":
            assert fact.period is None
        elif fact.period is not None:
            assert fact.period.start <= fact.period.end


@SETTINGS
@given(texts, st.dates().map(lambda d: d.isoformat()))
def test_extract_with_any_valid_publication_date(text: str, published: str) -> None:
    result = extract(text, published=published)
    assert result.published == published
    for fact in result.facts:
        assert text[fact.span[0] : fact.span[1]] == fact.quote


# Numbers as news writes them: digit groups with thousands separators (",", ".", " ",
# U+00A0 already normalised to " ") and an optional decimal part with the other mark.
group_sep = st.sampled_from([",", ".", " ", ""])
digits = st.text("0123456789", min_size=1, max_size=3)


@st.composite
def news_numbers(draw: st.DrawFn) -> str:
    sep = draw(group_sep)
    head = draw(st.text("123456789", min_size=1, max_size=1)) + draw(
        st.text("0123456789", max_size=2)
    )
    groups = draw(st.lists(st.text("0123456789", min_size=3, max_size=3), max_size=4))
    number = head + "".join(sep + g for g in groups) if sep else head + "".join(groups)
    if draw(st.booleans()):
        decimal = "." if sep in (",", " ", "") else ","
        number += decimal + draw(digits)
    return number


@settings(max_examples=200, deadline=None)
@given(news_numbers(), st.sampled_from([1.0, 1e3, 1e6, 1e9, 1e12]))
def test_parse_number_reads_every_news_number(raw: str, scale: float) -> None:
    value = parse_number(raw, scale)
    assert math.isfinite(value)
    assert value > 0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text("0123456789", min_size=1, max_size=4), min_size=1, max_size=5),
    st.lists(st.sampled_from([",", ".", " "]), min_size=4, max_size=4),
)
def test_parse_number_on_any_separated_digits_is_a_number_or_a_value_error(
    groups: list[str], seps: list[str]
) -> None:
    """Odd mixes ("1,2.3.4") may be unreadable, but only as ValueError, which find_amounts skips."""
    raw = groups[0] + "".join(sep + g for sep, g in zip(seps, groups[1:], strict=False))
    try:
        value = parse_number(raw, 1e6)
    except ValueError:
        return
    assert math.isfinite(value) and value >= 0
