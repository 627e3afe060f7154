"""Reporting periods in text and their resolution to month ranges.

`find_periods` returns what the text says ("January-June", "first half of
this year", "FY2021-22", "last year", "by 2030"); `resolve` turns a mention
into a `Period` given the publication date and, for fiscal years, the country
whose figures they are. The words live in ``data/en/periods.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from turnover.lexicon import alternation, load_table, lowered
from turnover.models import Period

YEAR = r"(?:19[5-9]\d|20[0-4]\d)"


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period named in the text, not yet resolved against the publication date."""

    start: int
    end: int
    first: int | None = None  # first month, None for a whole year
    last: int | None = None
    year: int | None = None  # explicit year of the last month
    first_year: int | None = None  # explicit year of the first month when it differs
    relative: int | None = None  # 0 this year, -1 last year
    fiscal: tuple[int, int] | None = None  # split year "2021-22" -> (2021, 2022)
    fiscal_short: int | None = None  # "FY25" -> 2025
    horizon: bool = False  # "by 2030", "until 2030", "2030 deadline"
    same_period: bool = False  # "the same period of last year"
    previous_month: bool = False  # "last month"

    @property
    def has_year(self) -> bool:
        return (
            self.year is not None
            or self.relative is not None
            or self.previous_month
            or self.fiscal is not None
            or (self.fiscal_short is not None)
        )


@cache
def _compiled() -> tuple[dict, list[tuple[str, re.Pattern[str]]]]:
    t = load_table("periods")
    months = t["months"]
    m = rf"(?:{alternation(list(months))})(?![a-z])\.?"
    counts = alternation(list(t["counts"]))
    ordinals = alternation(list(t["ordinals"]))
    this_year = alternation(t["this_year"])
    last_year = alternation(t["last_year"])
    yearspec = (
        rf"(?:,?\s*(?:period\s+)?(?:of\s+|in\s+)?(?:the\s+)?(?:(?P<y>{YEAR})\b|(?P<this>{this_year})\b|"
        rf"(?P<last>{last_year})\b))?"
    )
    pats = [
        (
            "fiscal",
            r"\b(?:fy|fiscal\s+year|financial\s+year|fiscal)\s?'?(?P<a>(?:19|20)?\d\d)"
            r"(?:\s?[-/]\s?(?P<b>(?:19|20)?\d\d))?\b",
        ),
        (
            "range",
            rf"(?<![\w-])(?:from\s+)?(?P<m1>{m})(?:\s+\d{{1,2}},?)?(?:\s+(?P<y1>{YEAR}))?\s*"
            rf"(?:-|to|through|till|until)\s*(?P<m2>{m})(?:\s+\d{{1,2}}\b,?)?"
            rf"(?:\s*(?P<fa>(?:19|20)\d\d)\s?-\s?(?P<fb>\d\d)\b)?" + yearspec,
        ),
        ("split", rf"(?<![\w-])(?P<a>{YEAR})\s?[-/]\s?(?P<b>\d\d)(?![\d-])"),
        (
            "half",
            r"\b(?:the\s+)?(?P<o>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+the\s+year)?"
            + yearspec,
        ),
        ("hshort", rf"\b(?:h(?P<h>[12])|(?P<h2>[12])h)\s?'?(?P<y>{YEAR})?\b"),
        (
            "quarter",
            rf"\b(?:the\s+)?(?P<o>{ordinals})\s+quarter(?:\s+of)?(?:\s+the\s+year)?" + yearspec,
        ),
        ("qshort", rf"\b(?:q(?P<q>[1-4])|(?P<q2>[1-4])q)\s?'?\s?(?P<y>{YEAR})?\b"),
        ("nmshort", rf"\b(?P<n>[1-9]|1[01])M\s?'?(?P<y>{YEAR})\b"),
        (
            "nmonths",
            rf"\b(?:the\s+)?(?:first\s+)?(?P<n>\d{{1,2}}|{counts})[\s-]months?"
            rf"(?:\s+period)?" + yearspec,
        ),
        (
            "month",
            rf"(?<![\w-])(?P<m1>{m})(?:\s+(?P<y>{YEAR})\b|,?\s+(?:of\s+)?(?P<this>{this_year})\b"
            rf"|,?\s+(?:of\s+)?(?P<last>{last_year})\b)?",
        ),
        (
            "same",
            rf"\b(?:the\s+)?(?:same|corresponding|similar)\s+(?:period|month|quarter|months)(?:\s+(?:of|in|a|from))?\s*(?:the\s+)?"
            rf"(?:(?P<y>{YEAR})\b|(?P<last>{last_year})\b|year)?",
        ),
        (
            "horizon",
            rf"\b(?:by|until|till)\s+(?:the\s+end\s+of\s+)?(?:the\s+year\s+)?"
            rf"(?P<y>{YEAR})\b|\b(?P<y2>{YEAR})\s+(?:deadline|target)",
        ),
        ("year", rf"(?<![\w$.,-])(?P<y>{YEAR})(?![\w%-]|[.,]\d|\s?(?:million|billion|bln|mln))"),
        ("lastmonth", r"\b(?:last|previous|past)\s+month\b"),
        ("last", rf"\b(?P<last>{last_year})\b"),
        ("this", rf"\b(?P<this>{this_year})\b"),
    ]
    # All patterns but one read the lower-cased copy of the text (faster than
    # re.IGNORECASE); "9M 2023" is read as written, since "9m" is nine million.
    return t, [(name, re.compile(p)) for name, p in pats]


_AS_WRITTEN = frozenset({"nmshort"})


def _month(t: dict, word: str | None) -> int | None:
    return t["months"].get(word.rstrip(".").lower()) if word else None


def _year_of(m: re.Match[str]) -> tuple[int | None, int | None]:
    gd = m.groupdict()
    if gd.get("y"):
        return int(gd["y"]), None
    if gd.get("this"):
        return None, 0
    if gd.get("last"):
        return None, -1
    return None, None


def _full_year(two_or_four: str, base: int | None = None) -> int:
    v = int(two_or_four)
    if v >= 100:
        return v
    century = (base // 100) * 100 if base else 2000
    return century + v


def _mention(name: str, m: re.Match[str], t: dict, norm: str) -> PeriodMention | None:
    s, e = m.start(), m.end()
    if name == "fiscal":
        a = m["a"]
        if m["b"]:
            ya = _full_year(a)
            return PeriodMention(s, e, fiscal=(ya, _full_year(m["b"], ya)))
        return PeriodMention(s, e, fiscal_short=_full_year(a))
    if name == "split":
        ya = int(m["a"])
        yb = _full_year(m["b"], ya)
        if yb != ya + 1:
            return None
        return PeriodMention(s, e, fiscal=(ya, yb))
    if name == "range":
        m1, m2 = _month(t, m["m1"]), _month(t, m["m2"])
        if m1 is None or m2 is None:
            return None
        if m["fa"]:
            ya = int(m["fa"])
            return PeriodMention(s, e, first=m1, last=m2, fiscal=(ya, _full_year(m["fb"], ya)))
        year, rel = _year_of(m)
        y1 = int(m["y1"]) if m["y1"] else None
        if year is None and y1 is not None and m1 <= m2:
            year = y1
        return PeriodMention(
            s, e, first=m1, last=m2, year=year, relative=rel, first_year=y1 if y1 != year else None
        )
    if name in ("half", "hshort"):
        o = (
            m.groupdict().get("o") or m.groupdict().get("h") or m.groupdict().get("h2") or "1"
        ).lower()
        second = o in ("second", "2nd", "2")
        year, rel = _year_of(m)
        return PeriodMention(
            s, e, first=7 if second else 1, last=12 if second else 6, year=year, relative=rel
        )
    if name in ("quarter", "qshort"):
        gd = m.groupdict()
        q = t["ordinals"].get((gd.get("o") or "").lower()) or int(gd.get("q") or gd.get("q2") or 1)
        year, rel = _year_of(m)
        return PeriodMention(s, e, first=3 * q - 2, last=3 * q, year=year, relative=rel)
    if name == "nmshort":
        return PeriodMention(s, e, first=1, last=int(m["n"]), year=int(m["y"]))
    if name == "nmonths":
        raw = m["n"].lower()
        n = int(raw) if raw.isdigit() else t["counts"].get(raw)
        if not n or n >= 12:
            return None  # "twelve months" of a fiscal year is left to the fiscal pattern
        year, rel = _year_of(m)
        return PeriodMention(s, e, first=1, last=n, year=year, relative=rel)
    if name == "month":
        word = norm[m.start("m1") : m.end("m1")]  # as written: "May" the month, "may" the verb
        mo = _month(t, word)
        year, rel = _year_of(m)
        if mo is None:
            return None
        if year is None and rel is None:
            # A bare month counts only when written as a month: capitalised,
            # not "May" the verb, and introduced like a date.
            if not word[0].isupper() or len(word.rstrip(".")) < 4 and word.rstrip(".") != "May":
                return None
            before = m.string[max(0, s - 10) : s].lower()
            if not re.search(r"\b(?:in|for|during|of|since|by|until|and|to|from)\s+$", before):
                return None
        return PeriodMention(s, e, first=mo, last=mo, year=year, relative=rel)
    if name == "same":
        year, rel = _year_of(m)
        return PeriodMention(s, e, year=year, relative=rel, same_period=True)
    if name == "horizon":
        return PeriodMention(s, e, year=int(m["y"] or m["y2"]), horizon=True)
    if name == "year":
        return PeriodMention(s, e, year=int(m["y"]))
    if name == "last":
        return PeriodMention(s, e, relative=-1)
    if name == "lastmonth":
        return PeriodMention(s, e, previous_month=True)
    if name == "this":
        return PeriodMention(s, e, relative=0)
    return None


_MONTH_HINT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_HINTS: dict[str, tuple[str, ...]] = {
    "fiscal": ("fy", "fiscal", "financial"),
    "split": ("-", "/"),
    "half": ("half",),
    "hshort": ("h1", "h2", "1h", "2h"),
    "quarter": ("quarter",),
    "qshort": ("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"),
    "nmonths": ("month",),
    "same": ("same", "corresponding", "similar"),
    "horizon": ("by ", "until", "till", "deadline", "target"),
    "year": ("19", "20"),
    "lastmonth": ("month",),
    "last": ("year",),
    "this": ("year",),
}


def _patterns_by_hint() -> dict[str, frozenset[str]]:
    """Each hint word -> the patterns it lets through."""
    by_word: dict[str, frozenset[str]] = {}
    for name, words in _HINTS.items():
        for word in words:
            by_word[word] = by_word.get(word, frozenset()) | {name}
    return by_word


_HINT_WORDS = _patterns_by_hint()
_Q_HINTS = tuple((w, names) for w, names in _HINT_WORDS.items() if "q" in w)
_OTHER_HINTS = tuple((w, names) for w, names in _HINT_WORDS.items() if "q" not in w)


def _hinted(window: str) -> set[str]:
    """Names of the patterns whose key word occurs in ``window``.

    Plain substring tests (``in``), each hint word once ("month" and "year"
    serve several patterns), are far faster than one regex search per pattern.
    The quarter codes ("q1" ... "4q", a third of the words) are tested only
    when the window holds a "q" at all, which most sentences do not.
    """
    found = [names for word, names in _OTHER_HINTS if word in window]
    if "q" in window:
        found += [names for word, names in _Q_HINTS if word in window]
    return set().union(*found)


_MONTH_START = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"  # every month word's start
_YEAR_START = r"19|20"
_STARTS = {
    name: re.compile(words)
    for name, words in {
        "range": rf"from|{_MONTH_START}",
        "month": _MONTH_START,
        "split": _YEAR_START,
        "year": _YEAR_START,
        "horizon": rf"by|until|till|{_YEAR_START}",
    }.items()
}
"""Where a match of these patterns can start: each starts after a non-word character,
with one of these words (letters or digits only, so no two starts overlap)."""
_NINE_MONTHS = re.compile(r"\dM")  # "9M 2023" (read as written)


def _matches(name: str, rx: re.Pattern[str], text: str, start: int, stop: int):
    """What ``rx.finditer(text, start, stop)`` yields, in the same order.

    The patterns of `_STARTS` begin with a look-behind, which makes a regex
    search try every character; instead the pattern is matched only where a
    start word stands (found by a fast literal search). None of them matches
    an empty string.
    """
    starts = _STARTS.get(name)
    if starts is None:
        yield from rx.finditer(text, start, stop)
        return
    pos = start
    for a in starts.finditer(text, start, stop):
        p = a.start()
        if p < pos:
            continue
        m = rx.match(text, p, stop)
        if m is not None:
            pos = m.end()
            yield m


def find_periods(norm: str, start: int = 0, end: int | None = None) -> list[PeriodMention]:
    """Return non-overlapping period mentions in ``norm[start:end]``, in text order.

    Patterns are tried most specific first; a span taken by one is not reused.
    """
    stop = len(norm) if end is None else end
    return list(_find_periods(norm, start, stop))


@lru_cache(maxsize=16)
def _find_periods(norm: str, start: int, stop: int) -> tuple[PeriodMention, ...]:
    """`find_periods`, cached: a sentence is read for its own facts and for the lead period."""
    t, patterns = _compiled()
    low = lowered(norm)
    window = low[start:stop]
    hinted = _hinted(window)
    has_month = _MONTH_HINT.search(window) is not None
    taken: list[tuple[int, int]] = []
    found: list[PeriodMention] = []
    for name, rx in patterns:
        if name in _HINTS and name not in hinted:
            continue  # the pattern's key word is absent: skip it (the hot path)
        if name in ("range", "month") and not has_month:
            continue
        if name == "nmshort" and _NINE_MONTHS.search(norm, start, stop) is None:
            continue
        for m in _matches(name, rx, norm if name in _AS_WRITTEN else low, start, stop):
            if m.end() == m.start():
                continue
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            mention = _mention(name, m, t, norm)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(mention)
    found.sort(key=lambda p: p.start)
    return tuple(found)


def fiscal_start(country: str | None) -> int | None:
    """First month of a country's fiscal year, or None for calendar-year countries."""
    t, _ = _compiled()
    return t["fiscal_years"].get(country or "")


def resolve(
    mention: PeriodMention, published: date | None, country: str | None = None
) -> Period | None:
    """Turn a mention into months, or None when the text does not fix them.

    Month ranges without a year take the publication year when their last month
    is before the publication month, else the year before (FACTS.md).
    """
    if mention.horizon:
        return None
    if mention.previous_month:
        if published is None:
            return None
        y, m = (
            (published.year, published.month - 1)
            if published.month > 1
            else (published.year - 1, 12)
        )
        return Period.months(y, m, m)
    if mention.fiscal or mention.fiscal_short:
        start_month = fiscal_start(country)
        if start_month is None:
            return None
        end_year = mention.fiscal[1] if mention.fiscal else mention.fiscal_short
        if mention.first is not None and mention.last is not None and mention.first != start_month:
            return None
        return Period(
            f"{end_year - 1:04d}-{start_month:02d}", f"{end_year:04d}-{start_month - 1:02d}"
        )
    year = mention.year
    if year is None and mention.relative is not None:
        if published is None:
            return None
        year = published.year + mention.relative
    if mention.first is None:
        return Period.year(year) if year is not None else None
    if year is None:
        if published is None:
            return None
        year = published.year if mention.last < published.month else published.year - 1
    first_year = mention.first_year or (year if mention.first <= mention.last else year - 1)
    return Period.months(first_year, mention.first, mention.last, end_year=year)
