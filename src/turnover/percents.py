"""Percentages and ratios that state a change: "up 13%", "fell 4.5 percent",
"grew 1.5 times", "doubled", "88.7 percent of the 2016 level".

The sign comes from the nearest rise/fall word (``data/en/changes.json``);
ratios become percents ("X times" is (X-1)*100, FACTS.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from turnover.lexicon import alternation, load_table, lowered


@dataclass(frozen=True, slots=True)
class Change:
    """A change in percent at ``start:end``; ``signed`` when the sign is explicit."""

    start: int
    end: int
    percent: float
    signed: bool
    ratio: bool  # stated as a ratio ("3.3 times", "doubled")
    level: bool = False  # "88.7 percent of the 2016 level"


@cache
def _patterns() -> dict:
    t = load_table("changes")
    num = r"[+-]?\d+(?:[.,]\d+)?"
    words = alternation(list(t["number_words"]))
    units = alternation(t["percent_units"])
    percent = re.compile(rf"(?<![\w.])(?P<num>{num})\s?-?\s?(?:{units})(?![\w])")
    ratio = re.compile(rf"(?<![\w.])(?P<num>\d+(?:[.,]\d+)?|{words})[\s-]?(?:times|fold)\b")
    ratio_word = re.compile(rf"\b(?:{alternation(list(t['ratio_words']))})\b")
    fraction = re.compile(
        rf"\bby\s+(?P<f>{alternation(list(t['fractions']))})\b(?!\s+(?:of|a|an|the)\b)",
    )
    rise = re.compile(rf"\b(?:{alternation(t['rise'])})\b")
    fall = re.compile(rf"\b(?:{alternation(t['fall'])})\b")
    level = re.compile(
        r"^\s*of\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:(?:19|20)\d\d|last\s+year'?s?|previous\s+year'?s?)"
        r"(?:\s+[\w'-]+){0,3}?\s+(?:level|figure|volume|indicator)",
    )
    trade = load_table("trade")
    flows = alternation([w.lower() for w in trade["export_words"] + trade["import_words"]])
    comparison = re.compile(
        rf"\b(?:{alternation(t['comparison_verbs'])})\s+(?:the\s+)?(?:{flows})\s*(?:by\s+)?$"
    )
    return {
        "comparison": comparison,
        "percent": percent,
        "ratio": ratio,
        "ratio_word": ratio_word,
        "rise": rise,
        "fall": fall,
        "level": level,
        "fraction": fraction,
        "table": t,
        # Words each pattern cannot match without: a sentence lacking them skips it.
        "needs": {
            "percent": tuple(t["percent_units"]),
            "ratio": ("times", "fold"),
            "fraction": ("by",),
            "ratio_word": tuple(t["ratio_words"]),
        },
    }


# Compiled once: ``re.match(str, ...)`` looks the pattern up in re's cache on every call.
_POINTS_AFTER = re.compile(r"\s*(?:points?|pp)\b", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"\s*(?:of|share)\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_NUMBER_AFTER = re.compile(r"\s*to\s+\d")
_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
_FROM_PERCENT_BEFORE = re.compile(r"\bfrom\s+\d+(?:[.,]\d+)?\s?%\s*$")
_SHARE_WORD = re.compile(r"\bshare\b")
_BY_BEFORE = re.compile(r"\bby\s+(?:almost|nearly|about|some|over|around)?\s*$", re.IGNORECASE)


def _to_float(raw: str) -> float:
    return float(raw.replace(",", "."))


def sign_near(norm: str, start: int, end: int, lo: int, hi: int) -> int:
    """+1 / -1 from the closest rise or fall word around ``start:end``, 0 if none.

    Looks mostly backwards ("fell by 4%", "down 3%") and a little forwards
    ("4% decrease", "11% increase").
    """
    p = _patterns()
    best: tuple[int, int, int] | None = None  # (distance, -length, sign)
    window_lo = max(lo, start - 60)
    for sign, rx in ((1, p["rise"]), (-1, p["fall"])):
        for m in rx.finditer(norm, window_lo, start):
            key = (start - m.end(), m.start() - m.end(), sign)
            if best is None or key < best:
                best = key
        m = rx.search(norm, end, min(hi, end + 25))
        if m:
            key = (m.start() - end + 5, m.start() - m.end(), sign)  # prefer words before the number
            if best is None or key < best:
                best = key
    return best[2] if best else 0


def find_changes(norm: str, start: int = 0, end: int | None = None) -> list[Change]:
    """Return the percent and ratio changes in ``norm[start:end]``.

    The patterns are compiled in lower case and read a lower-cased copy of the
    text (same offsets; see `vocabulary.lowered`).
    """
    norm = lowered(norm)
    p = _patterns()
    stop = len(norm) if end is None else end
    found: list[Change] = []
    window = norm[start:stop]
    needs = p["needs"]
    if not any(w in window for w in needs["percent"]):
        return _other_changes(norm, start, stop, found, window)
    for m in p["percent"].finditer(norm, start, stop):
        raw = m["num"]
        value = _to_float(raw)
        after = norm[m.end() : m.end() + 60]
        if _POINTS_AFTER.match(after):
            continue
        if p["level"].match(after):
            found.append(Change(m.start(), m.end(), round(value - 100.0, 4), True, True, True))
            continue
        if _SHARE_AFTER.match(after):
            continue  # a share ("8.4 percent of total trade"), not a change
        before = norm[max(start, m.start() - 12) : m.start()]
        if _FROM_BEFORE.search(before) and _TO_NUMBER_AFTER.match(after):
            continue  # "from 26% to 32%": two levels of a share, not a change
        if _TO_BEFORE.search(before) and _FROM_PERCENT_BEFORE.search(
            norm[max(start, m.start() - 30) : m.start() - 3]
        ):
            continue
        if _SHARE_WORD.search(norm[max(start, m.start() - 80) : m.start()]):
            continue
        explicit = raw[0] in "+-"
        sign = -1 if raw[0] == "-" else 1
        if not explicit:
            near = sign_near(norm, m.start(), m.end(), start, stop)
            # Elliptical coordination ("..., while imports - by 23%") keeps the last
            # sign; a percent with no word of change at all is a share or a rate.
            if not near and not _BY_BEFORE.search(before):
                continue
            sign = near or next((1 if c.percent >= 0 else -1 for c in reversed(found)), 1)
            value = abs(value)
        found.append(Change(m.start(), m.end(), sign * abs(value), explicit, False))
    return _other_changes(norm, start, stop, found, window)


def _other_changes(norm: str, start: int, stop: int, found: list[Change], window: str):
    """Add the ratio and fraction changes to the percents ``found``; return them in text order.

    Each pattern runs only when the sentence holds a word it needs ("times", "by", "doubled"):
    most sentences hold none, and a substring test is much cheaper than a regex search.
    """
    p = _patterns()
    needs = p["needs"]
    table = p["table"]
    ratio = any(w in window for w in needs["ratio"])
    for m in p["ratio"].finditer(norm, start, stop) if ratio else ():
        if p["comparison"].search(norm, max(start, m.start() - 40), m.start()):
            continue  # "imports exceeded exports three times": one flow against another
        raw = m["num"].lower()
        x = table["number_words"].get(raw) or _to_float(raw)
        sign = sign_near(norm, m.start(), m.end(), start, stop)
        pct = float((x - 1) * 100 if sign >= 0 else -(1 - 1 / x) * 100)
        found.append(Change(m.start(), m.end(), round(pct, 4), sign != 0, True))
    fraction = any(w in window for w in needs["fraction"])
    for m in p["fraction"].finditer(norm, start, stop) if fraction else ():
        # "fell by a quarter", "grew by a third": a fraction with the verb's sign.
        sign = sign_near(norm, m.start(), m.end(), start, stop)
        if sign:
            share = table["fractions"][m["f"].lower()]
            found.append(Change(m.start(), m.end(), sign * share, True, True))
    ratio_word = any(w in window for w in needs["ratio_word"])
    for m in p["ratio_word"].finditer(norm, start, stop) if ratio_word else ():
        found.append(
            Change(m.start(), m.end(), table["ratio_words"][m.group().lower()], True, True)
        )
    found.sort(key=lambda c: c.start)
    return found
