"""Merging repeats: one fact per (kind, flow, countries, amount, period or horizon).

FACTS.md rules applied here: repeats are one fact with the first statement as
quote; a bound ("over $1 billion") and the exact figure for the same pair, flow
and period are one fact with the exact amount; a figure restated in another
currency is the same fact; a target restated in other words is one fact,
taking the horizon wherever it is given; a rounded percent ("11%") restates
the precise one ("10.97 percent").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from turnover.models import Fact

_BOUNDS = ("over", "under")
_SAME = 0.005  # the scorer's tolerance: amounts within 0.5% are one amount
_NEAR = 0.1  # a bound joins an exact figure within 10%


def _close(a: float | None, b: float | None, tolerance: float = _SAME) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _same_percent(a: float | None, b: float | None) -> bool:
    """Equal, or one the rounded form of the other ("11%" and "10.97 percent")."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    return (float(a).is_integer() and round(b) == a) or (float(b).is_integer() and round(a) == b)


def _digits(value: float) -> int:
    """Significant digits as written: 1.9e9 has 2, 1.93e9 has 3."""
    return len(f"{value:.12e}".split("e")[0].replace(".", "").rstrip("0"))


def _rounded(a: float | None, b: float | None) -> bool:
    """One amount the other rounded ("$1.9 billion" and "$1.93 billion"), to 2+ digits."""
    if a is None or b is None:
        return False
    rough, fine = (a, b) if _digits(a) < _digits(b) else (b, a)
    digits = _digits(rough)
    return digits >= 2 and float(f"{fine:.{digits - 1}e}") == rough


def _precise(a: float | None, b: float | None) -> float | None:
    """The more precise of two statements of one amount."""
    if a is None or b is None:
        return a if b is None else b
    return b if _digits(b) > _digits(a) else a


def _beyond(bound: Fact, exact: Fact) -> bool:
    """Does the exact figure honour the bound ("over $8 billion" and $8.44 billion)?"""
    if bound.value is None or exact.value is None:
        return False
    return exact.value >= bound.value if bound.qualifier == "over" else exact.value <= bound.value


def _merge_change(seen: Fact, fact: Fact) -> Fact | None:
    if not _same_percent(seen.percent, fact.percent):
        return None
    period = seen.period or fact.period
    if seen.period and fact.period and seen.period != fact.period:
        # "rises 1.5 times in 2016" (a title) and "in the first 8 months of 2016": one change.
        if _within_year(seen, fact):
            period = fact.period
        elif _within_year(fact, seen):
            period = seen.period
        else:
            return None
    return replace(seen, period=period, percent=_precise(seen.percent, fact.percent))


def _merge_target(seen: Fact, fact: Fact) -> Fact | None:
    if seen.currency != fact.currency or not _close(seen.value, fact.value):
        return None
    if seen.by is not None and fact.by is not None and seen.by != fact.by:
        return None
    return replace(seen, by=seen.by if seen.by is not None else fact.by)


def _within_year(a: Fact, b: Fact) -> bool:
    """A full year and a part of the same year ("in 2021" and "January-August 2021")."""
    if a.period is None or b.period is None:
        return False
    year = a.period.start[:4]
    return a.period.is_full_year and b.period.start[:4] == year and b.period.end[:4] == year


def _merge_value(seen: Fact, fact: Fact) -> Fact | None:
    if seen.period and fact.period and seen.period != fact.period:
        # "exceeded $1 billion" in a title read as the year, then the exact year-to-date figure.
        bound, exact = (seen, fact) if seen.qualifier in _BOUNDS else (fact, seen)
        if (
            bound.qualifier in _BOUNDS
            and exact.qualifier not in _BOUNDS
            and _within_year(bound, exact)
            and _beyond(bound, exact)
            and _close(bound.value, exact.value, _NEAR)
        ):
            return replace(seen, value=exact.value, qualifier=exact.qualifier, period=exact.period)
        return None
    period = seen.period or fact.period
    if seen.currency != fact.currency:
        # The same figure in another currency; only where the period ties them.
        return seen if seen.period is not None and seen.period == fact.period else None
    if _close(seen.value, fact.value) or _rounded(seen.value, fact.value):
        return replace(seen, period=period, value=_precise(seen.value, fact.value))
    bound, exact = (seen, fact) if seen.qualifier in _BOUNDS else (fact, seen)
    if bound.qualifier not in _BOUNDS or exact.qualifier in _BOUNDS or not _beyond(bound, exact):
        return None
    if not _close(seen.value, fact.value, _NEAR):
        return None  # a distant exact figure is another source's, not the bound's
    return replace(seen, value=exact.value, qualifier=exact.qualifier, period=period)


_MERGERS: dict[str, Callable[[Fact, Fact], Fact | None]] = {
    "change": _merge_change,
    "target": _merge_target,
    "value": _merge_value,
}


def merge_facts(facts: list[Fact]) -> list[Fact]:
    """Fold repeats into the first statement of each fact, until nothing more folds."""
    merged = _merge_once(facts)
    while len(merged) < len(facts):
        facts, merged = merged, _merge_once(merged)
    return merged


def _merge_once(facts: list[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for fact in facts:
        slot = [
            i
            for i, seen in enumerate(out)
            if seen.kind == fact.kind
            and seen.flow == fact.flow
            and seen.countries == fact.countries
        ]
        # A statement of the same period first: it is the likelier repeat.
        slot.sort(key=lambda i: out[i].period != fact.period)
        for i in slot:
            merged = _MERGERS[fact.kind](out[i], fact)
            if merged is not None:
                out[i] = merged
                break
        else:
            out.append(fact)
    return out
