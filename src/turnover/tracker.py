"""The target tracker: pure computations over stored facts.

Nothing here touches the database; `turnover.store.Store` loads `StoredFact`
records and hands them to these functions, and tests build the records by hand.
The rules (baseline, required growth, status) are documented in README.md under
"Tracker rules"; keep the two in step.

Counting once: every fact carries the ``story_id`` of its article (an article's
own id, or the id of the first article of the same story when it is a
near-duplicate). Sources are listed per article, but ``stories`` counts
independent stories, and conflicts are only raised between different stories.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from turnover.countries import GROUP_CODES
from turnover.figures import (
    CONFLICT_TOLERANCE,
    Figure,
    StoredFact,
    figures,
    oldest_first,
    pair_codes,
    pair_label,
    parse_pair,
)

__all__ = [
    "CONFLICT_TOLERANCE", "CONSISTENCY_TOLERANCE", "GROUP_CODES", "STATUSES",
    "ConsistencyCheck", "Figure", "PairReport", "PairSummary", "StoredFact", "TargetStatus",
    "consistency_checks", "figures", "pair_codes", "pair_label", "pair_report",
    "pair_summaries", "parse_pair", "required_cagr", "targets",
]  # fmt: skip

CONSISTENCY_TOLERANCE = 0.02
"""Exports both ways must add up to the turnover of the same period within 2%."""
STATUSES = ("achieved", "on track", "behind", "missed", "superseded", "no data")


def required_cagr(baseline: float, target: float, years: int) -> float | None:
    """Compound annual growth taking ``baseline`` to ``target`` in ``years`` years.

    (target / baseline) ** (1 / years) - 1; None when it is undefined.
    """
    if years <= 0 or baseline <= 0 or target <= 0:
        return None
    return (target / baseline) ** (1 / years) - 1


@dataclass(slots=True)
class TargetStatus:
    """One target (every restatement of it merged) with the tracker's arithmetic."""

    id: str
    pair: str
    flow: str
    countries: list[str]
    value: float
    currency: str | None
    by: int | None
    first_stated: str | None
    last_stated: str | None
    speakers: list[str]
    stories: int
    sources: list[dict[str, Any]]
    baseline_value: float | None = None
    baseline_period: dict[str, str] | None = None
    required_cagr: float | None = None
    latest_value: float | None = None
    latest_period: dict[str, str] | None = None
    latest_basis: str | None = None  # "full year" or "run-rate"
    expected_value: float | None = None
    progress: float | None = None
    status: str = "no data"
    superseded_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _target_id(f: StoredFact) -> str:
    amount = f"{float(f'{f.value:.3g}'):.0f}"
    return f"{f.flow}:{f.countries[0]}>{f.countries[1]}:{amount}{f.currency or ''}:{f.by or '-'}"


def _figures_for(figs: Sequence[Figure], t: TargetStatus) -> list[Figure]:
    return [
        g
        for g in figs
        if g.flow == t.flow and g.countries == t.countries and g.currency == t.currency
    ]


def _assess(t: TargetStatus, figs: Sequence[Figure], as_of: date) -> None:
    """Fill baseline, growth, latest figure, progress and status of ``t``."""
    stated = (t.first_stated or "")[:7]
    mine = _figures_for(figs, t)
    full = [g for g in mine if g.full_year]
    before = [g for g in full if (g.period["end"] < stated if stated else True)]
    if t.by is not None and not stated:
        before = [g for g in before if g.year < t.by]
    base = max(before, key=lambda g: g.year, default=None)
    if base is not None:
        t.baseline_value, t.baseline_period = base.value, base.period
        if t.by is not None:
            t.required_cagr = required_cagr(base.value, t.value, t.by - base.year)
    start_year = base.year + 1 if base else int(stated[:4]) if stated else None
    after = [g for g in mine if start_year is None or g.year >= start_year]
    in_time = [g for g in after if t.by is None or g.year <= t.by]
    later_full = [g for g in after if g.full_year]
    latest = max(later_full, key=lambda g: g.year, default=None)
    if latest is not None:
        t.latest_value, t.latest_period, t.latest_basis = latest.value, latest.period, "full year"
    else:
        partial = max(after, key=lambda g: (g.period["end"], g.months), default=None)
        if partial is not None:
            t.latest_value, t.latest_period = partial.run_rate, partial.period
            t.latest_basis = "run-rate"
    if t.latest_value is not None:
        t.progress = t.latest_value / t.value
    latest_year = int(t.latest_period["end"][:4]) if t.latest_period else None
    if base is not None and t.required_cagr is not None and latest_year is not None:
        t.expected_value = base.value * (1 + t.required_cagr) ** (latest_year - base.year)

    if any(g.value >= t.value for g in in_time):
        t.status = "achieved"
    elif t.superseded_by is not None:
        t.status = "superseded"
    elif t.by is not None and (as_of.year > t.by or any(g.year >= t.by for g in later_full)):
        t.status = "missed"
    elif t.expected_value is not None and t.latest_value is not None:
        t.status = "on track" if t.latest_value >= t.expected_value else "behind"
    else:
        t.status = "no data"


def targets(
    facts: Iterable[StoredFact],
    *,
    as_of: date | None = None,
    country: str | None = None,
    pair: str | None = None,
    status: Iterable[str] | None = None,
) -> list[TargetStatus]:
    """Every target in ``facts`` with baseline, required growth, latest figure and status.

    ``facts`` must include the value facts of the pairs concerned (the baseline
    and latest figures come from them). Restatements of one target (same flow,
    direction, currency, horizon and amount to 3 significant digits) are merged.
    ``as_of`` (default today) decides whether a horizon has passed. Filters:
    ``country`` (either side), ``pair`` ("KGZ-BLR" in any order), ``status``.
    Sorted by pair, flow, then first statement.
    """
    as_of = as_of or date.today()
    facts = list(facts)
    figs = figures(facts)
    groups: dict[str, list[StoredFact]] = defaultdict(list)
    for f in facts:
        if f.kind == "target" and f.value is not None:
            groups[_target_id(f)].append(f)
    result: list[TargetStatus] = []
    for tid, group in groups.items():
        group.sort(key=oldest_first)
        first = group[0]
        dates = [f.published for f in group if f.published]
        result.append(
            TargetStatus(
                id=tid,
                pair=first.pair,
                flow=first.flow,
                countries=list(first.countries),
                value=first.value,  # type: ignore[arg-type]
                currency=first.currency,
                by=first.by,
                first_stated=min(dates) if dates else None,
                last_stated=max(dates) if dates else None,
                speakers=sorted({f.speaker for f in group if f.speaker}),
                stories=len({f.story_id for f in group}),
                sources=[f.source_ref() for f in group],
            )
        )
    _mark_superseded(result)
    for t in result:
        _assess(t, figs, as_of)
    wanted_pair = pair_label(*parse_pair(pair)) if pair else None
    wanted_status = {s.lower() for s in status} if status else None
    code = country.upper() if country else None
    result = [
        t
        for t in result
        if (wanted_pair is None or t.pair == wanted_pair)
        and (code is None or code in t.countries)
        and (wanted_status is None or t.status in wanted_status)
    ]
    result.sort(key=lambda t: (t.pair, t.flow, t.countries, t.first_stated or "", t.id))
    return result


def _mark_superseded(found: list[TargetStatus]) -> None:
    """A target is superseded by the newest different target for the same pair and flow
    first stated after its own last statement."""
    for t in found:
        if not t.last_stated:
            continue
        newer = [
            o
            for o in found
            if o is not t
            and o.flow == t.flow
            and o.countries == t.countries
            and o.first_stated
            and o.first_stated[:10] > t.last_stated[:10]
        ]
        if newer:
            t.superseded_by = max(newer, key=lambda o: o.first_stated or "").id


@dataclass(slots=True)
class ConsistencyCheck:
    """Exports both ways against turnover for one period and currency."""

    period: dict[str, str]
    currency: str | None
    turnover: float
    exports: dict[str, float]
    exports_sum: float
    difference: float  # (exports_sum - turnover) / turnover
    consistent: bool
    sources: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def consistency_checks(figs: Sequence[Figure]) -> list[ConsistencyCheck]:
    """For each pair period with turnover and both export directions, compare the sums."""
    by_period: dict[tuple, dict[str, Figure]] = defaultdict(dict)
    for g in figs:
        direction = "turnover" if g.flow == "turnover" else "->".join(g.countries)
        by_period[(g.pair, g.currency, g.period["start"], g.period["end"])][direction] = g
    out = []
    for (pair, currency, start, end), found in sorted(by_period.items(), key=str):
        a, b = pair.split("-")
        ab, ba, tot = found.get(f"{a}->{b}"), found.get(f"{b}->{a}"), found.get("turnover")
        if not (ab and ba and tot) or tot.value == 0:
            continue
        total = ab.value + ba.value
        diff = (total - tot.value) / tot.value
        out.append(
            ConsistencyCheck(
                period={"start": start, "end": end},
                currency=currency,
                turnover=tot.value,
                exports={f"{a}->{b}": ab.value, f"{b}->{a}": ba.value},
                exports_sum=total,
                difference=diff,
                consistent=abs(diff) <= CONSISTENCY_TOLERANCE,
                sources=tot.sources + ab.sources + ba.sources,
            )
        )
    return out


@dataclass(slots=True)
class PairReport:
    """Everything known about one pair: figures by period, changes, targets, checks."""

    pair: str
    countries: list[str]
    figures: list[Figure]
    changes: list[dict[str, Any]]
    targets: list[TargetStatus]
    checks: list[ConsistencyCheck]
    conflicts: list[Figure]

    def to_dict(self) -> dict[str, Any]:
        return {
            "pair": self.pair,
            "countries": self.countries,
            "figures": [g.to_dict() for g in self.figures],
            "changes": self.changes,
            "targets": [t.to_dict() for t in self.targets],
            "checks": [c.to_dict() for c in self.checks],
            "conflicts": [g.to_dict() for g in self.conflicts],
        }


def pair_report(
    facts: Iterable[StoredFact], a: str, b: str, *, as_of: date | None = None
) -> PairReport:
    """The timeline of a pair: turnover and each export direction by period.

    Annual and partial-year figures are kept apart (``full_year``), partial ones
    carry a labelled run-rate. Targets come in the order they were first stated.
    """
    label = pair_label(a, b)
    mine = [f for f in facts if f.pair == label]
    figs = figures(mine)
    figs.sort(key=lambda g: (g.period["end"], g.period["start"], g.flow, g.countries))
    changes = [
        f.to_dict()
        for f in sorted(mine, key=lambda f: (f.period_end or "", oldest_first(f)))
        if f.kind == "change"
    ]
    found = targets(mine, as_of=as_of)
    found.sort(key=lambda t: (t.first_stated or "", t.id))
    return PairReport(
        pair=label,
        countries=label.split("-"),
        figures=figs,
        changes=changes,
        targets=found,
        checks=consistency_checks(figs),
        conflicts=[g for g in figs if g.conflict],
    )


@dataclass(slots=True)
class PairSummary:
    """One line per pair: how much is known and the latest turnover figure."""

    pair: str
    countries: list[str]
    facts: int
    articles: int
    targets: int
    latest_turnover: dict[str, Any] | None
    last_published: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def pair_summaries(facts: Iterable[StoredFact]) -> list[PairSummary]:
    """Every pair in ``facts`` with counts and its latest turnover figure (full year preferred)."""
    by_pair: dict[str, list[StoredFact]] = defaultdict(list)
    for f in facts:
        by_pair[f.pair].append(f)
    out = []
    for label, group in sorted(by_pair.items()):
        turnover = [g for g in figures(group) if g.flow == "turnover"]
        best = max(turnover, key=lambda g: (g.full_year, g.period["end"]), default=None)
        latest = (
            {
                "value": best.value,
                "currency": best.currency,
                "period": best.period,
                "full_year": best.full_year,
            }
            if best
            else None
        )
        dates = [f.published for f in group if f.published]
        out.append(
            PairSummary(
                pair=label,
                countries=label.split("-"),
                facts=len(group),
                articles=len({f.article_id for f in group}),
                targets=len({_target_id(f) for f in group if f.kind == "target" and f.value}),
                latest_turnover=latest,
                last_published=max(dates) if dates else None,
            )
        )
    return out
