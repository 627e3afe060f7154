"""Article parsing: the header (date line, title) and a normalised view of the text.

The extractor never edits the article: quotes must be exact substrings. Instead
`normalise()` builds a *same-length* copy in which every Unicode space is a plain
space and every dash a hyphen, so patterns stay simple while offsets found in the
copy are offsets in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from turnover.lexicon import load_table

# One character in, one character out: offsets survive normalisation.
_CHAR_MAP = str.maketrans(
    {
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\u2007": " ",
        "\u2008": " ",
        "\u200a": " ",
        "\ufeff": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\r": " ",
    }
)

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?:[ T](\d{1,2}):(\d{2}))?[ \t]*")

HEADER_LANGUAGES = ("en", "ru")
"""Languages whose month names are read in header dates (data/<lang>/periods.json)."""

_MONTHS = {
    name.lower(): number
    for language in HEADER_LANGUAGES
    for name, number in load_table("periods", language)["months"].items()
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Explicit full dates near the top of a page: "April 29, 2025", "25 Sep 2023",
# "19.06.2018", "2023 April 13", "2019-11-25".
_HEADER_DATES = [
    re.compile(
        rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:,\s*|\s+)(?P<y>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<y>(?:19|20)\d\d)\s+(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    # A time glued to the date by page scraping: "21:3630.09.2019".
    re.compile(r"\b(?P<H>\d{2}):(?P<M>\d{2})(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>(?:19|20)\d\d)\b"),
]
_HEADER_DATES_LOWER = [re.compile(p.pattern) for p in _HEADER_DATES]
"""`_HEADER_DATES` for a lower-cased ASCII header: the same matches, several times faster
without re.IGNORECASE (which on ASCII text only folds ASCII letters)."""
_TIME_AFTER = re.compile(r"^\D{0,12}?(\d{1,2}):(\d{2})(?:\s*([AaPp])\.?[Mm]\b)?")
_TIME_BEFORE = re.compile(
    r"(\d{1,2}):(\d{2})(?:\s*([AaPp])\.?[Mm]\b)?[,\s]*$"
)  # "10:43, July 16, 2020"
_HEADER_CHARS = 300


@dataclass(frozen=True, slots=True)
class Article:
    """An article's original text, its normalised twin and its header fields."""

    text: str
    norm: str
    published: str | None
    title: str | None
    body_start: int

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        y, m = int(self.published[:4]), int(self.published[5:7])
        d = int(self.published[8:10]) if len(self.published) >= 10 else 1
        return date(y, m, d)


# The same map as (old, new) pairs. No ``new`` is itself an ``old``, so replacing
# one character after another gives what ``str.translate`` gives, and
# ``str.replace`` of the few characters present is ~20x faster on non-ASCII text.
_CHAR_PAIRS = tuple((chr(old), new) for old, new in _CHAR_MAP.items())


def normalise(text: str) -> str:
    """Return a copy of ``text`` of the same length with spaces, dashes and quotes unified."""
    for old, new in _CHAR_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _published_from_header(norm: str) -> str | None:
    head = norm[:_HEADER_CHARS]
    if "19" not in head and "20" not in head:
        return None  # every header date has a year 19xx or 20xx
    candidates: list[tuple[int, str]] = []
    patterns, text = (
        (_HEADER_DATES_LOWER, head.lower()) if head.isascii() else (_HEADER_DATES, head)
    )
    for pattern in patterns:
        for m in pattern.finditer(text):
            month = m["m"]
            # IGNORECASE lets "ſep" (long s) match "sep"; such a month is not in the table.
            mi = int(month) if month.isdigit() else _MONTHS.get(month.lower(), 0)
            y, d = int(m["y"]), int(m["d"])
            if not _valid(y, mi, d):
                continue
            iso = f"{y:04d}-{mi:02d}-{d:02d}"
            t = _TIME_AFTER.match(head[m.end() :]) or _TIME_BEFORE.search(head[: m.start()])
            glued = m.groupdict().get("H")
            hour, minute = (glued, m["M"]) if glued else ((t[1], t[2]) if t else (None, None))
            if hour is not None and int(hour) < 24 and int(minute) < 60:
                h = int(hour)
                meridiem = (t[3] or "").lower() if t and not glued else ""
                if meridiem == "p" and h < 12:
                    h += 12  # "05:00 PM"
                elif meridiem == "a" and h == 12:
                    h = 0
                iso += f"T{h:02d}:{minute}"
            candidates.append((m.start(), iso))
    if not candidates:
        return None
    # A date printed with its time is the article's; a bare date near it is
    # often the page's (a crawl or "today" stamp). Otherwise the first one.
    timed = [c for c in candidates if "T" in c[1]]
    return min(timed or candidates)[1]


_ISO_PUBLISHED = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?")


def check_published(published: str) -> str:
    """Return ``published`` if it is an ISO date (YYYY-MM[-DD[THH:MM]]), else raise ValueError."""
    m = _ISO_PUBLISHED.fullmatch(published.strip())
    ok = m is not None and 1 <= int(m[2]) <= 12
    if ok and m[3] is not None:
        ok = _valid(int(m[1]), int(m[2]), int(m[3]))
    if ok and m[4] is not None:
        ok = int(m[4]) < 24 and int(m[5]) < 60
    if not ok:
        raise ValueError(f"published date {published!r} is not YYYY-MM-DD[THH:MM]")
    return published.strip()


_TIME_OR_PUNCTUATION = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?|[^\w\s]|\b[AaPp]\.?[Mm]\b")


def _is_dateline(line: str) -> bool:
    """A line that is only a date, a time and a label or two ("Posted: 14.10.2021 09:44")."""
    if len(line) > 60 or ("19" not in line and "20" not in line):
        return False  # every header date pattern needs a 19xx or 20xx year
    for pattern in _HEADER_DATES:
        m = pattern.search(line)
        if m:
            left = _TIME_OR_PUNCTUATION.sub(" ", line[: m.start()] + " " + line[m.end() :])
            return len(left.split()) <= 2
    return False


def _next_line(norm: str, pos: int) -> tuple[int, str]:
    """The first non-empty line at or after ``pos``: (its start, its stripped text)."""
    start = len(norm) - len(norm[pos:].lstrip())
    return start, norm[start:].split("\n", 1)[0].strip()


def parse_article(text: str, published: str | None = None) -> Article:
    """Split an article into header fields and body.

    ``published`` overrides what the text says (an ingest source may know the
    date from a feed or a page's metadata).
    """
    norm = normalise(text)
    pos = 0
    found = check_published(published) if published is not None else None
    m = _DATE_LINE.match(norm)
    if m:
        y, mo = int(m[1]), int(m[2])
        d = int(m[3]) if m[3] else None
        if found is None and 1 <= mo <= 12:
            if d is None:
                # "date 2023-05": a fuller date of that month in the header wins.
                fuller = _published_from_header(norm[m.end() :])
                month = f"{y:04d}-{mo:02d}"
                found = fuller if fuller and fuller.startswith(month) else month
            elif _valid(y, mo, d):
                found = f"{y:04d}-{mo:02d}-{d:02d}"
                if m[4] is not None and int(m[4]) < 24 and int(m[5]) < 60:
                    found += f"T{int(m[4]):02d}:{m[5]}"
        pos = m.end()
    elif found is None:
        found = _published_from_header(norm)
    title = None
    if m is None or norm[pos : pos + 1] in ("\n", ""):
        # The title is the first non-empty line after the date line, when that
        # line stands alone (a date line followed by body text has no title).
        start, line = _next_line(norm, pos)
        if _is_dateline(line):
            # "Posted: 14.10.2021 09:44": a page's date line; the title follows it.
            start, line = _next_line(norm, start + len(line))
        if line and len(line) < 250 and not line.endswith((".", ":")) and "\n" in norm[start:]:
            title = text[start : start + len(line)].strip()
    return Article(text=text, norm=norm, published=found, title=title, body_start=pos)
