"""Merging repeats: one fact per (kind, flow, countries, amount, period or horizon).

FACTS.md rules applied here: repeats are one fact with the first statement as
quote; a bound ("over $1 billion") and the exact figure for the same pair, flow
and period are one fact with the exact amount; a target restated in other words
is one fact, taking the horizon wherever it is given.
"""

from __future__ import annotations

from dataclasses import replace

from turnover.models import Fact

_BOUNDS = ("over", "under")
_SAME = 0.005


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


def _beyond(bound: Fact, exact: Fact) -> bool:
    """Does the exact figure honour the bound ("over $8 billion" and $8.44 billion)?"""
    if bound.value is None or exact.value is None:
        return False
    return exact.value >= bound.value if bound.qualifier == "over" else exact.value <= bound.value


def _same_slot(a: Fact, b: Fact) -> bool:
    return a.kind == b.kind and a.flow == b.flow and a.countries == b.countries


def merge_facts(facts: list[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for fact in facts:
        merged = False
        for i, seen in enumerate(out):
            if not _same_slot(seen, fact):
                continue
            if fact.kind == "change":
                if _same_percent(fact.percent, seen.percent) and (
                    fact.period == seen.period or seen.period is None or fact.period is None
                ):
                    precise = max((seen.percent, fact.percent), key=lambda p: len(repr(p)))
                    out[i] = replace(seen, period=seen.period or fact.period, percent=precise)
                    merged = True
            elif fact.kind == "target":
                if fact.currency == seen.currency and _close(fact.value, seen.value):
                    if seen.by is None and fact.by is not None:
                        out[i] = replace(seen, by=fact.by)
                    merged = seen.by is None or fact.by is None or seen.by == fact.by
            elif (
                fact.currency == seen.currency
                and (seen.period is None or fact.period is None)
                and (
                    (seen.qualifier in _BOUNDS and _beyond(seen, fact))
                    or (fact.qualifier in _BOUNDS and _beyond(fact, seen))
                )
                and _close(fact.value, seen.value, 0.1)
            ):
                # A bound without a period ("more than $8 billion" in a title) and the exact figure.
                exact = fact if fact.qualifier not in _BOUNDS else seen
                out[i] = replace(
                    seen,
                    value=exact.value,
                    period=seen.period or fact.period,
                    qualifier=exact.qualifier,
                )
                merged = True
            elif (
                fact.currency == seen.currency
                and (seen.period is None) != (fact.period is None)
                and _close(fact.value, seen.value)
            ):
                out[i] = replace(
                    seen, period=seen.period or fact.period
                )  # a title restating the lead
                merged = True
            elif (
                fact.period == seen.period
                and fact.period is not None
                and fact.currency != seen.currency
            ):
                merged = True  # the same figure restated in another currency (FACTS.md)
            elif fact.period == seen.period and fact.currency == seen.currency:
                if _close(fact.value, seen.value):
                    merged = True
                elif (
                    seen.qualifier in _BOUNDS
                    and fact.qualifier not in _BOUNDS
                    and _close(fact.value, seen.value, 0.1)
                    and _beyond(seen, fact)
                ):
                    out[i] = replace(seen, value=fact.value, qualifier=fact.qualifier)
                    merged = True
                elif (
                    fact.qualifier in _BOUNDS
                    and _close(fact.value, seen.value, 0.1)
                    and _beyond(fact, seen)
                ):
                    merged = True
            if merged:
                break
        if not merged:
            out.append(fact)
    return out
