"""Money amounts in text: "$133 million", "USD 2.5bn", "half a billion dollars".

The currency and scale words come from ``data/en/amounts.json``. An amount
needs a currency (a symbol before it or a currency word after it); bare numbers
are counts, years or percentages and are left to other finders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from turnover.lexicon import alternation, load_table, lowered

_RANGE = re.compile(r"\s?(?:-|to)\s?\$?\d")
_RANGE_BEFORE = re.compile(r"(?:\d\s?-|[$€£]\s?\d+(?:[.,]\d+)?\s+to)\s?$")
_PLAUSIBLE_MAX = 1e12
"""A thousands-separator reading above this is taken as a decimal comma (FACTS.md)."""


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount found at ``start:end`` of the normalised text."""

    start: int
    end: int
    value: float
    currency: str
    qualifier: str | None = None


@cache
def _tables() -> tuple[dict, re.Pattern[str], re.Pattern[str]]:
    t = load_table("amounts")
    scales = {k.lower(): v for k, v in t["scales"].items()}
    prefixes = t["currency_prefixes"]
    words = {k.lower(): v for k, v in t["currency_words"].items()}
    number_words = {k.lower(): v for k, v in t["number_words"].items()}
    number = (
        r"\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:(?:,\s?|\s)\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
    )
    scale = rf"(?:{alternation(list(scales))})\b\.?"
    cur_words = alternation(list(words))
    cur_prefix = alternation(sorted({p.lower() for p in prefixes}))
    # Compiled in lower case and matched on the lower-cased text (faster than
    # re.IGNORECASE); the prefix is then read as written, where case matters.
    pattern = re.compile(
        rf"(?:(?P<prefix>{cur_prefix})\s?)?"
        rf"(?:(?P<num>{number})|(?P<word>{alternation(list(number_words))})(?=\s+{scale}))"
        rf"(?:\s?-?\s?(?P<scale>{scale}))?"
        rf"(?:\s(?P<suffix>{cur_words})\b)?"
    )
    qualifiers = {k.lower(): v for k, v in t["qualifiers"].items()}
    qualifier_re = re.compile(rf"\b(?P<q>{alternation(list(qualifiers))})\s+(?:of\s+|to\s+)?$")
    data = {
        "scales": scales,
        "prefixes": prefixes,
        "words": words,
        "number_words": number_words,
        # What an amount can start with when it does not start with a digit.
        "lead": re.compile(
            rf"(?:{cur_prefix})|(?:{alternation(list(number_words))})(?=\s+{scale})"
        ),
        "qualifiers": qualifiers,
    }
    return data, pattern, qualifier_re


def parse_number(raw: str, scale: float = 1.0) -> float:
    """Read a number as news writes it, resolving thousands vs decimal commas.

    "1,317" with scale billion is 1.317e9 (a decimal comma, FACTS.md); with
    scale million it is 1.317e9 too (a thousands separator).
    """
    s = raw.replace(" ", "")
    if "," in s and "." in s:
        if s.rfind(".") > s.rfind(","):
            s = s.replace(",", "")
        else:
            s = s.replace(".", "").replace(",", ".")
        return float(s) * scale
    if s.count(",") == 1:
        head, tail = s.split(",")
        if len(tail) != 3:
            return float(f"{head}.{tail}") * scale
        as_thousands = float(head + tail) * scale
        if as_thousands > _PLAUSIBLE_MAX or scale >= 1e9:
            return float(f"{head}.{tail}") * scale
        return as_thousands
    if s.count(",") > 1:
        return float(s.replace(",", "")) * scale
    if s.count(".") > 1:
        return float(s.replace(".", "")) * scale
    return float(s) * scale


_ANCHOR = re.compile(
    r"\d[\d.,]*|\b(?:half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred)\b",
    re.IGNORECASE,
)
_ANCHOR_ASCII = re.compile(_ANCHOR.pattern)
"""`_ANCHOR` for lower-cased ASCII text: the same matches twice as fast without re.IGNORECASE
(which also folds some non-ASCII letters, such as the long s, into ASCII ones)."""


def _candidates(norm: str, start: int, stop: int, pattern: re.Pattern[str], lead: re.Pattern[str]):
    """Try the amount pattern only where an amount can start (the hot path).

    An amount always holds a digit or a number word, and its currency prefix
    stands at most a few characters before it; the pattern is matched (not
    searched) at those few places, so the work is bounded per number. Before
    the number, only a place where a whole prefix (or a number word and its
    scale) starts is tried: the letters prefixes start with are common.
    """
    prefix_start = _prefix_start()
    last_end = start
    anchors = _ANCHOR_ASCII if norm.isascii() else _ANCHOR
    for anchor in anchors.finditer(norm, start, stop):
        a = anchor.start()
        if a < last_end:
            continue
        starts = [
            p.start()
            for p in prefix_start.finditer(norm, max(last_end, a - 8), a)
            if lead.match(norm, p.start())
        ]  # where a currency sign or code may lead
        starts.append(a)
        for p in starts:
            m = pattern.match(norm, p, stop)
            if m is not None and m.end() > a:
                last_end = m.end()
                yield m
                break


@cache
def _prefix_start() -> re.Pattern[str]:
    """The first characters currency prefixes start with ("$", "u" of "us$", "€")."""
    prefixes = load_table("amounts")["currency_prefixes"]
    return re.compile("[" + re.escape("".join(sorted({p[0].lower() for p in prefixes}))) + "]")


def _compound(norm: str, start: int, stop: int, data: dict) -> list[Amount]:
    """Amounts written in parts: "1 billion 86 million USD", "1 billion dollar 477 million"."""
    out = []
    for m in _COMPOUND.finditer(norm, start, stop):
        currency = data["words"].get((m["cur1"] or m["cur2"] or "").lower())
        if currency is None:
            continue
        value = float(m["b"]) * 1e9 + float(m["m"]) * 1e6 + float(m["k"] or 0) * 1e3
        out.append(Amount(m.start(), m.end(), value, currency))
    return out


_COMPOUND = re.compile(
    r"\b(?P<b>\d{1,3})\s+billion\s+(?:(?P<cur1>(?:US\s+)?dollars?)\s+)?(?P<m>\d{1,3})\s+million"
    r"(?:\s+(?P<k>\d{1,3})\s+thousand)?(?:\s+(?P<cur2>USD|(?:US\s+)?dollars?))?",
    re.IGNORECASE,
)


def find_amounts(norm: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Return the money amounts in ``norm[start:end]``."""
    data, pattern, qualifier_re = _tables()
    stop = len(norm) if end is None else end
    found: list[Amount] = []
    window = norm[start:stop]
    if "billion" in window:
        found = _compound(norm, start, stop, data)
    low = lowered(norm)
    for m in _candidates(low, start, stop, pattern, data["lead"]):
        suffix = m["suffix"]
        if suffix is None and m["prefix"] is None:
            continue  # no currency: a count, a year, a rate (most numbers; tested first)
        if found and any(a.start <= m.start() < a.end for a in found):
            continue  # inside a compound amount
        prefix = norm[m.start("prefix") : m.end("prefix")] if m["prefix"] else None
        if _RANGE.match(norm, m.end("num") if m["num"] else m.end(), stop) or _RANGE_BEFORE.search(
            norm, max(start, m.start() - 14), m.start()
        ):
            continue  # "$3-3.5 billion" is a range, not a figure (FACTS.md)
        if prefix and prefix.isalpha() and not prefix.isupper() and prefix not in data["prefixes"]:
            continue  # "Rs" is fine, but "usd" in running text is noise
        scale_word = (m["scale"] or "").rstrip(".").lower()
        scale = data["scales"].get(scale_word, 1.0)
        if m["word"]:
            value = data["number_words"][m["word"].lower()] * scale
        else:
            try:
                value = parse_number(m["num"], scale)
            except ValueError:
                continue
        if scale_word in ("m", "b", "k") and m["scale"] and not prefix:
            continue  # "5 m euros" is too ambiguous without a symbol
        currency = (
            data["prefixes"].get(prefix) or data["prefixes"].get(prefix.upper())
            if prefix
            else data["words"][suffix.lower()]
        )
        if prefix and suffix:
            # "$5 billion dollars": the word agrees; "US$ ... rubles" would be odd.
            currency = data["words"].get(suffix.lower(), currency)
        if currency is None or value <= 0:
            continue
        q = qualifier_re.search(low, max(0, m.start() - 40), m.start())
        qualifier = data["qualifiers"][q["q"].lower()] if q else None
        found.append(Amount(m.start(), m.end(), round(value, 2), currency, qualifier))
    return sorted(found, key=lambda a: a.start)
