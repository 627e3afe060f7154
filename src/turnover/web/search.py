"""Reading what users type: the search box, pairs in URLs, and the API's period/text filters.

The store filters by code, pair, kind, flow and year in SQL; the two filters it
lacks (free text over quotes and titles, a month or an exact period) are applied
here to its results, so no query is duplicated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from turnover.countries import lookup_country
from turnover.store import Page, Store
from turnover.tracker import StoredFact, pair_label

_SEPARATORS = re.compile(r"\s*(?:[-–—/,&]|\band\b|\bvs\.?)\s*", re.IGNORECASE)
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:\.\.(\d{4})-(\d{2}))?$")


def resolve_pair(text: str) -> str | None:
    """``"KGZ-BLR"``, ``"Kyrgyzstan and Belarus"``, ``"belarus/kyrgyzstan"`` -> ``"BLR-KGZ"``."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if len(parts) == 2:
        codes = [lookup_country(p) for p in parts]
        if all(codes) and codes[0] != codes[1]:
            return pair_label(*codes)  # type: ignore[misc]
        return None
    words = text.split()
    for cut in range(1, len(words)):
        a, b = lookup_country(" ".join(words[:cut])), lookup_country(" ".join(words[cut:]))
        if a and b and a != b:
            return pair_label(a, b)
    return None


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What the search box asked for: a pair, one country, or free text."""

    text: str
    pair: str | None = None
    country: str | None = None


def parse_search(q: str) -> SearchQuery:
    text = q.strip()
    if not text:
        return SearchQuery("")
    country = lookup_country(text)
    if country:
        return SearchQuery(text, country=country)
    return SearchQuery(text, pair=resolve_pair(text))


@dataclass(frozen=True, slots=True)
class PeriodFilter:
    """``2024`` (any period touching the year), ``2025-06`` (covering the month),
    or ``2025-01..2025-06`` (exactly that period)."""

    year: int | None = None
    month: str | None = None
    exact: tuple[str, str] | None = None

    def matches(self, f: StoredFact) -> bool:
        if self.year is not None:
            return True  # the store filtered by year already
        if f.period_start is None or f.period_end is None:
            return False
        if self.month is not None:
            return f.period_start <= self.month <= f.period_end
        return (f.period_start, f.period_end) == self.exact


def parse_period(text: str) -> PeriodFilter:
    """Parse the ``period`` filter; ValueError with the accepted forms when malformed."""
    m = _PERIOD.match(text.strip())
    months_ok = m and all(1 <= int(x) <= 12 for x in (m.group(2), m.group(4)) if x)
    if not m or not months_ok or (m.group(3) and not m.group(2)):
        raise ValueError(
            f"period {text!r}: use YYYY, YYYY-MM or YYYY-MM..YYYY-MM (e.g. 2025-01..2025-06)"
        )
    year, month, end_year, end_month = m.groups()
    if end_year:
        start, end = f"{year}-{month}", f"{end_year}-{end_month}"
        if end < start:
            raise ValueError(f"period {text!r}: the end is before the start")
        return PeriodFilter(exact=(start, end))
    if month:
        return PeriodFilter(month=f"{year}-{month}")
    return PeriodFilter(year=int(year))


def text_matches(f: StoredFact, needle: str) -> bool:
    """Case-insensitive search over the quote, the article title and its doc name."""
    low = needle.lower()
    return any(low in (s or "").lower() for s in (f.quote, f.title, f.doc, f.speaker))


def search_facts(
    store: Store,
    *,
    text: str | None = None,
    period: PeriodFilter | None = None,
    limit: int = 50,
    offset: int = 0,
    **filters: object,
) -> Page:
    """`Store.facts` plus the ``text`` and ``period`` filters, paginated the same way."""
    year = period.year if period else None
    if not text and (period is None or period.year is not None):
        return store.facts(year=year, limit=limit, offset=offset, **filters)  # type: ignore[arg-type]
    found: Iterable[StoredFact] = store.facts(year=year, **filters).items  # type: ignore[arg-type]
    if text:
        found = (f for f in found if text_matches(f, text))
    if period:
        found = (f for f in found if period.matches(f))
    items = list(found)
    return Page(items[offset : offset + limit], len(items), limit, offset)
