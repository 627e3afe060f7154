"""Stored facts as the tracker sees them, and reported figures grouped by period.

A `StoredFact` is a FACTS.md fact plus its grounding and the article it comes
from; a `Figure` is every report of one amount (pair, flow, direction,
currency, period) across articles, with the value the tracker uses and a flag
when stories disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from turnover.countries import pair_key

CONFLICT_TOLERANCE = 0.02
"""Same pair, flow and period reported more than 2% apart by two stories is a conflict."""


def pair_codes(a: str, b: str) -> tuple[str, str]:
    """The two codes of a pair in FACTS.md order: alphabetical, group codes second."""
    return pair_key(a.upper(), b.upper())


def pair_label(a: str, b: str) -> str:
    """A pair as the stable string ``"BLR-KGZ"`` used in filters and JSON."""
    return "-".join(pair_codes(a, b))


def parse_pair(text: str) -> tuple[str, str]:
    """``"KGZ-BLR"`` or ``"KGZ,BLR"`` -> ``("BLR", "KGZ")``; ValueError when malformed."""
    parts = [p for p in text.replace(",", "-").replace("/", "-").split("-") if p.strip()]
    if len(parts) != 2:
        raise ValueError(f"{text!r}: a pair is two codes like KGZ-BLR")
    return pair_codes(parts[0].strip(), parts[1].strip())


@dataclass(frozen=True, slots=True)
class StoredFact:
    """One fact as stored: the FACTS.md fields, its grounding and its article."""

    id: int
    article_id: int
    story_id: int
    kind: str
    flow: str
    countries: tuple[str, str]
    value: float | None
    currency: str | None
    percent: float | None
    period_start: str | None
    period_end: str | None
    by: int | None
    quote: str
    span: tuple[int, int]
    qualifier: str | None = None
    speaker: str | None = None
    doc: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None

    @property
    def pair(self) -> str:
        return pair_label(*self.countries)

    @property
    def months(self) -> int | None:
        if not (self.period_start and self.period_end):
            return None
        sy, sm = int(self.period_start[:4]), int(self.period_start[5:7])
        ey, em = int(self.period_end[:4]), int(self.period_end[5:7])
        return (ey - sy) * 12 + em - sm + 1

    @property
    def full_year(self) -> bool:
        s, e = self.period_start, self.period_end
        return bool(s and e and s[5:] == "01" and e[5:] == "12" and s[:4] == e[:4])

    def source_ref(self) -> dict[str, Any]:
        """The article this fact comes from, as listed under ``sources``."""
        return {
            "article_id": self.article_id,
            "doc": self.doc,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "quote": self.quote,
        }

    def to_dict(self) -> dict[str, Any]:
        """Stable JSON layout: FACTS.md fields plus grounding and article fields."""
        period = {"start": self.period_start, "end": self.period_end} if self.period_start else None
        return {
            "id": self.id,
            "article_id": self.article_id,
            "story_id": self.story_id,
            "pair": self.pair,
            "kind": self.kind,
            "flow": self.flow,
            "countries": list(self.countries),
            "value": self.value,
            "currency": self.currency,
            "percent": self.percent,
            "period": period,
            "by": self.by,
            "quote": self.quote,
            "span": list(self.span),
            "qualifier": self.qualifier,
            "speaker": self.speaker,
            "doc": self.doc,
            "published": self.published,
            "url": self.url,
            "source": self.source,
            "title": self.title,
        }


@dataclass(slots=True)
class Figure:
    """A reported amount for one pair, flow, direction, currency and period.

    ``value`` is the figure of the most recently published article (statistics
    get revised, the later report wins); ``values`` keeps every distinct value
    reported. ``run_rate`` annualises a partial-year figure (value * 12 / months)
    and is labelled as such: seasonality makes it a rough guide only.
    """

    pair: str
    flow: str
    countries: list[str]
    currency: str | None
    period: dict[str, str]
    full_year: bool
    months: int
    value: float
    run_rate: float | None
    values: list[float]
    stories: int
    conflict: bool
    sources: list[dict[str, Any]] = field(default_factory=list)

    @property
    def year(self) -> int:
        return int(self.period["end"][:4])

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def oldest_first(fact: StoredFact) -> tuple[str, int]:
    """Oldest first; articles without a date sort before dated ones."""
    return (fact.published or "", fact.article_id)


def figures(facts: Iterable[StoredFact]) -> list[Figure]:
    """Group value facts by (flow, direction, currency, period) into figures.

    Sorted by pair, flow, direction, currency, then period.
    """
    groups: dict[tuple, list[StoredFact]] = defaultdict(list)
    for f in facts:
        if f.kind == "value" and f.value is not None and f.period_start and f.period_end:
            key = (f.pair, f.flow, f.countries, f.currency, f.period_start, f.period_end)
            groups[key].append(f)
    out = []
    for (pair, flow, countries, currency, start, end), group in sorted(
        groups.items(), key=lambda kv: tuple(str(x) for x in kv[0])
    ):
        group.sort(key=oldest_first)
        latest = group[-1]
        months = latest.months or 12
        by_story: dict[int, float] = {f.story_id: f.value for f in group}  # type: ignore[misc]
        values = sorted(set(by_story.values()))
        conflict = len(values) > 1 and values[-1] > values[0] * (1 + CONFLICT_TOLERANCE)
        out.append(
            Figure(
                pair=pair,
                flow=flow,
                countries=list(countries),
                currency=currency,
                period={"start": start, "end": end},
                full_year=latest.full_year,
                months=months,
                value=latest.value,  # type: ignore[arg-type]
                run_rate=None if latest.full_year else latest.value * 12 / months,  # type: ignore[operator]
                values=values,
                stories=len(by_story),
                conflict=conflict,
                sources=[f.source_ref() for f in group],
            )
        )
    return out
