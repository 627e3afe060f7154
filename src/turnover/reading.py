"""One sentence being read, and the months each of its figures covers.

`assemble.py` walks a sentence figure by figure; this module holds what it
carries along (the `Reading`) and the period rules: the sentence's periods
resolved against the publication date (or, for an undated article, against
the years the article gives), and the one period a figure takes (FACTS.md
"Periods" and "Changes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from turnover.amounts import Amount
from turnover.article import Article
from turnover.clauses import COMPARISON_PERIOD, NOW, Quantity, period_for, shift_year
from turnover.context import Context
from turnover.countries import CountryMention
from turnover.models import Fact, Period
from turnover.percents import Change
from turnover.periods import PeriodMention, find_periods, fiscal_start, resolve
from turnover.sentences import Sentence
from turnover.vocabulary import FlowWord


@dataclass
class Reading:
    """One sentence being read: its mentions, and the figures read so far."""

    article: Article
    s: Sentence
    ctx: Context
    published: date | None
    quantities: list[Quantity]
    flows: list[FlowWord]
    countries: list[CountryMention]
    periods: list[tuple[PeriodMention, Period | None, bool]]
    facts: list[Fact] = field(default_factory=list)
    last_main: dict[tuple[str, tuple[str, str]], Period | None] = field(default_factory=dict)
    main_end: dict[tuple[str, tuple[str, str]], int] = field(default_factory=dict)
    emitted: dict[int, Fact] = field(default_factory=dict)

    @property
    def norm(self) -> str:
        return self.article.norm

    def next_start(self, i: int) -> int:
        return self.quantities[i + 1].start if i + 1 < len(self.quantities) else self.s.end


def _same_months(
    pm: PeriodMention, dated: list[Period], fiscal_country: str | None
) -> Period | None:
    """The period of ``dated`` that covers the same months as the year-less ``pm``."""
    for period in dated:
        if resolve(replace(pm, year=int(period.end[:4])), None, fiscal_country) == period:
            return period
    return None


def sentence_periods(
    norm: str, s: Sentence, ctx: Context, countries: list[CountryMention], published: date | None
) -> list[tuple[PeriodMention, Period | None, bool]]:
    """The sentence's periods, resolved, each flagged when it is a comparison's."""
    topic = [ctx.topic.home, ctx.topic.partner] if ctx.topic else []
    candidates = [c.code for c in countries] + topic
    fiscal_country = next((c for c in candidates if fiscal_start(c)), None) or (
        ctx.topic.home if ctx.topic else None
    )
    out = []
    for pm in find_periods(norm, s.start, s.end):
        before = norm[max(s.start, pm.start - 25) : pm.start]
        comparison = bool(COMPARISON_PERIOD.search(before)) or pm.same_period
        resolved = resolve(pm, published, fiscal_country)
        if resolved is None and published is None and pm.first is not None and not pm.has_year:
            # An undated "ten months": the year the article gives for the same months
            # elsewhere; an undated "in May": the year of the reporting period around it.
            if ctx.dated_periods is None:
                ctx.dated_periods = [
                    p
                    for m in find_periods(norm)
                    if m.year is not None and not m.horizon and (p := resolve(m, None)) is not None
                ]
            resolved = _same_months(pm, ctx.dated_periods, fiscal_country)
            reference = ctx.period or ctx.lead_period
            if resolved is None and reference is not None:
                resolved = resolve(replace(pm, year=int(reference.end[:4])), None, fiscal_country)
        out.append((pm, resolved, comparison))
    return out


def figure_period(
    r: Reading,
    i: int,
    key: tuple[str, tuple[str, str]],
    base: bool,
    base_mention: PeriodMention | None,
    partner_fact: Fact | None,
) -> Period | None:
    """The months figure i covers (see FACTS.md "Periods" and "Changes")."""
    norm, s, q, ctx, periods = r.norm, r.s, r.quantities[i], r.ctx, r.periods
    window_end = r.next_start(i)
    if (
        isinstance(q, Change)
        and i + 1 < len(r.quantities)
        and isinstance(r.quantities[i + 1], Amount)
        and not re.search(r"[;]|\bwhile\b|\bwhereas\b", norm[q.end : window_end])
    ):
        # "grew by 12% and reached $800 million in 2020": one clause, one period.
        window_end = r.next_start(i + 1)
    if base_mention is not None:
        pm = base_mention
        period = next(p for m, p, _ in periods if m is pm)
    else:
        if isinstance(q, Change) and q.level:
            window_end = q.end  # "88.7 percent of the 2016 level": 2016 is the base
        period, pm = period_for(norm, q, periods, window_end, s, base)
    if base and pm is not None:
        # The base figure's period is a comparison period for what follows in the sentence.
        r.periods = [(m, p, c or m is pm) for m, p, c in periods]
    main = r.last_main.get(key)
    if base and pm is not None and main is not None and (pm.same_period or pm.relative == -1):
        # "the same period of last year", "the previous year": relative to the figure compared.
        if pm.year is None:
            period = shift_year(main, -1)
        else:
            period = Period(f"{pm.year}{main.start[4:]}", f"{pm.year}{main.end[4:]}")
    main_period = main
    if isinstance(q, Change) and partner_fact is not None and pm is None:
        main_period = partner_fact.period
    if (
        isinstance(q, Change)
        and pm is not None
        and main_period is not None
        and (
            (pm.end <= q.start and pm.end <= r.main_end.get(key, -1))
            or q.level
            or (period is not None and period.end < main_period.start)
        )
    ):
        pm = None  # a period before the change may belong to a base figure; the main one wins
    if period is None and pm is None and not base and not NOW.search(norm, s.start, q.start):
        period = ctx.period or ctx.lead_period
    elif period is None and pm is not None and pm.relative == -1 and r.published is None:
        # An undated "last year": the reporting period the lead names (FACTS.md: the
        # neighbouring sentences fix it), when there is one.
        period = ctx.period or ctx.lead_period
    if isinstance(q, Change) and pm is None and main_period is not None:
        period = main_period  # a change belongs to the figure it qualifies
    return period
