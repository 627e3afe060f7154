"""Countries and trade blocs: finding them in text and naming them by ISO code.

Names come from pycountry (names, common and official names); the aliases and
adjectives pycountry lacks ("Kyrgyz", "Türkiye", "the Kyrgyz Republic") and the
blocs (EU, EAEU, CIS, ASEAN) come from ``data/en/countries.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry

from turnover.lexicon import load_table

GROUP_CODES = frozenset({"WLD", "EAEU", "EU", "CIS", "ASEAN"})


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country or bloc named in the text, at ``start:end`` of the article."""

    start: int
    end: int
    code: str
    adjective: bool  # "Kyrgyz" rather than "Kyrgyzstan"

    @property
    def is_group(self) -> bool:
        return self.code in GROUP_CODES


@cache
def _surface_forms() -> dict[str, tuple[str, bool]]:
    """Map each lower-cased surface form to (code, is_adjective)."""
    forms: dict[str, tuple[str, bool]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                forms.setdefault(name.lower(), (country.alpha_3, False))
    table = load_table("countries")
    for code, names in table["aliases"].items():
        for name in names:
            forms[name.lower()] = (code, False)
    for code, names in table["groups"].items():
        for name in names:
            forms[name.lower()] = (code, False)
    for code, names in table["adjectives"].items():
        for name in names:
            forms[name.lower()] = (code, True)
    return forms


@cache
def _forms_by_first_word() -> dict[str, list[tuple[str, str, bool]]]:
    """Index the surface forms by their first word, longest form first.

    Scanning capitalised words and checking a handful of candidates each is
    an order of magnitude faster than one regex alternation of ~1,000 names.
    """
    index: dict[str, list[tuple[str, str, bool]]] = {}
    for form, (code, adjective) in _surface_forms().items():
        first = _FIRST_WORD.match(form)
        if first is None:
            continue
        index.setdefault(first.group(), []).append((form, code, adjective))
    for forms in index.values():
        forms.sort(key=lambda f: len(f[0]), reverse=True)
    return index


_FIRST_WORD = re.compile(r"[^\W\d_]+|[A-Za-z.]+", re.UNICODE)
_CAPITALISED = re.compile(r"[A-Z\u00c0-\u00de\u0401\u0410-\u042f][^\W\d_]*", re.UNICODE)
"""A capitalised word; one glued to a word character or a dot before it is skipped by `_scan`
(a check there, not a look-behind here: the regex then scans for its first letter ~2x faster)."""
_WORD_CHAR = re.compile(r"\w").match
_SHORT_UPPER_ONLY = frozenset({"US", "UK", "EU", "UAE", "CIS", "EEU", "PRC", "USA"})


def find_countries(norm: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
    """Return the countries and blocs named in ``norm[start:end]`` (normalised text).

    Only capitalised forms count: "turkey" the bird and "us" the pronoun are
    not countries. Short forms (US, UK, EU) must be written in capitals.
    An article is scanned once; the sentences and windows asked for later are
    cut from that scan (the extractor and the officials reader both ask).
    """
    stop = len(norm) if end is None else end
    if len(norm) < _SCAN_ONCE:
        return _scan(norm, start, stop)
    mentions = _article_scan(norm)
    i = bisect_left(mentions, start, key=lambda c: c.start)
    j = bisect_left(mentions, stop, lo=i, key=lambda c: c.start)
    return [c for c in mentions[i:j] if c.end <= stop]


_SCAN_ONCE = 400


@lru_cache(maxsize=4)
def _article_scan(norm: str) -> list[CountryMention]:
    return _scan(norm, 0, len(norm))


def _scan(norm: str, start: int, stop: int) -> list[CountryMention]:
    index = _forms_by_first_word()
    found: list[CountryMention] = []
    resume = start
    for m in _CAPITALISED.finditer(norm, start, stop):
        pos = m.start()
        if pos < resume:
            continue
        if pos and (norm[pos - 1] == "." or _WORD_CHAR(norm[pos - 1])):
            continue  # inside a word ("iPhone") or after a dot ("U.S.")
        candidates = index.get(m.group().lower())
        if not candidates:
            continue
        for form, code, adjective in candidates:
            tail = pos + len(form)
            if tail > stop or norm[pos:tail].lower() != form:
                continue
            if tail < len(norm) and (norm[tail].isalnum() or norm[tail] == "_"):
                continue
            word = norm[pos:tail]
            if word.replace(".", "").upper() in _SHORT_UPPER_ONLY and not word.isupper():
                continue
            found.append(CountryMention(pos, tail, code, adjective))
            resume = tail
            break
    return found


@cache
def bloc_members(group: str) -> frozenset[str]:
    """The member states of a bloc ("EAEU" -> ARM, BLR, KAZ, KGZ, RUS); empty for others."""
    return frozenset(load_table("countries")["members"].get(group, ()))


@cache
def country_name(code: str) -> str:
    """A readable name for a code: "KGZ" -> "Kyrgyzstan", "EAEU" -> "EAEU"."""
    if code == "WLD":
        return "World"
    if code in GROUP_CODES:
        return code
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def lookup_country(name: str) -> str | None:
    """Return the code for a name, alias, adjective or ISO code, or None."""
    text = name.strip()
    if text.upper() in GROUP_CODES:
        return text.upper()
    if len(text) == 3 and text.isalpha():
        country = pycountry.countries.get(alpha_3=text.upper())
        if country:
            return country.alpha_3
    hit = _surface_forms().get(text.lower())
    return hit[0] if hit else None


def pair_key(a: str, b: str) -> tuple[str, str]:
    """Order a turnover pair as FACTS.md does: alphabetical, groups always second."""
    if (a in GROUP_CODES) != (b in GROUP_CODES):
        return (b, a) if a in GROUP_CODES else (a, b)
    return (a, b) if a <= b else (b, a)
