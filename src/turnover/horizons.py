"""The horizon of a trade target: the year by which it is to be reached.

"by 2030" -> 2030; "over the next five years" published in 2025 -> 2030;
"this year" -> the publication year; "in the near future" or nothing -> None.
"""

from __future__ import annotations

import re
from datetime import date

from turnover.amounts import Amount
from turnover.lexicon import load_table, lowered
from turnover.models import Period
from turnover.periods import PeriodMention
from turnover.sentences import Sentence
from turnover.vocabulary import vocabulary

_IN_YEARS = re.compile(
    r"\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next|coming|following)?\s*"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)[\s-]+years?\b",
    re.IGNORECASE,
)
_NEXT_YEAR = re.compile(r"\bnext\s+year\b", re.IGNORECASE)


def horizon_start(
    periods: list[tuple[PeriodMention, Period | None, bool]], before: int, published: date
) -> int | None:
    """A start year named before a horizon in years: "the agreement signed in 2022"."""
    starts = [
        pm.year
        for pm, _, _ in periods
        if pm.year and pm.end <= before and pm.year >= published.year
    ]
    return max(starts, default=None)


def in_years(norm: str, lo: int, hi: int) -> int | None:
    """Where a horizon in years ("in five years", "within 5 years") starts, if any."""
    m = _IN_YEARS.search(norm, lo, hi)
    return m.start() if m else None


def _count(word: str) -> int:
    counts = load_table("periods")["counts"]
    return int(word) if word.isdigit() else counts.get(word.lower(), 0)


def target_year(
    norm: str,
    q: Amount,
    s: Sentence,
    periods: list[tuple[PeriodMention, Period | None, bool]],
    published: date | None,
    start: int | None = None,
) -> int | None:
    """The year a target amount is set for, read from its sentence.

    ``start`` is a start year an earlier sentence named for horizons in years
    ("sign the agreement in 2022 ... within five years of signing").
    """
    # Right after the amount: "to hit $100 billion this year", "$45 bln in 2022".
    for pm, _, _ in periods:
        if 0 <= pm.start - q.end <= 12 and pm.first is None and not pm.same_period:
            if pm.relative == 0 and published is not None:
                return published.year
            if pm.year is not None:
                return pm.year
    # Explicit years: "by 2030", "2030 deadline".
    horizon = [pm for pm, _, _ in periods if pm.horizon]
    if horizon:
        return min(horizon, key=lambda pm: abs(pm.start - q.end)).year
    m = _IN_YEARS.search(norm, s.start, s.end)
    if m and published is not None:
        # "sign the agreement in 2022 ... in five years": count from the start the text names.
        named = horizon_start(periods, m.start(), published)
        return (named or start or published.year) + _count(m["n"])
    if _NEXT_YEAR.search(norm, s.start, s.end) and published is not None:
        return published.year + 1
    if vocabulary().vague_horizon.search(lowered(norm), s.start, s.end):
        return None
    after = [pm for pm, _, _ in periods if pm.start >= q.end and pm.start - q.end <= 40]
    for pm in after:
        if pm.first is None and pm.year is not None:
            return pm.year
        if pm.relative == 0 and published is not None:
            return published.year
    if re.search(
        r"\b(?:this|the current)\s+year\b|\bend\s+of\s+the\s+year\b",
        norm[q.end : s.end],
        re.IGNORECASE,
    ):
        return published.year if published else None
    return None
