"""Reading one clause: which flow word governs a figure, whether it is blocked,
a base of comparison or a goal, and which period it belongs to.

These are the questions `assemble.py` asks of every amount and percent; each
answer is a pure function of the normalised text around the figure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from turnover.amounts import Amount
from turnover.countries import find_countries
from turnover.frames import SHARE_OWNER
from turnover.lexicon import load_table, lowered
from turnover.models import Period
from turnover.percents import Change
from turnover.periods import PeriodMention
from turnover.sentences import Sentence
from turnover.vocabulary import FlowWord, vocabulary

POSTPOSED_FLOW = re.compile(
    r"^\s*(?:is|are|was|were|-|of|in|worth of|for)?\s*(?:the\s+)?$", re.IGNORECASE
)
NOW = re.compile(
    r"\b(?:currently|now|at present|presently|today|these days|annual|annually|ago|per year)\b",
    re.IGNORECASE,
)
BASE_CUE = re.compile(
    r"\b(?:compared\s+(?:to|with)|as\s+against|against|versus|from|up\s+from|down\s+from|(?<!more\s)(?<!less\s)than)"
    r"(?:\s+(?:the\s+)?(?:exports?|imports?|figure|level|value)\s+of)?"
    r"(?:\s+(?:last|the\s+previous|the\s+same\s+period\s+of\s+last)\s+year'?s?)?\s*(?:about|around|over|nearly)?\s*$",
    re.IGNORECASE,
)
COMPARISON_PERIOD = re.compile(
    r"\b(?:compared\s+(?:to|with)|as\s+against|against|versus|from|than|since|vs\.?)"
    r"(?:\s+(?:the\s+)?(?:figures?|level|volume|indicators?|data|results?)\s+(?:for|of|in))?\s+(?:in\s+|during\s+|the\s+)?$"
    r"|\b(?:the\s+)?(?:figures?|level|indicators?)\s+(?:for|of)\s+$",
    re.IGNORECASE,
)
CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|\$)", re.IGNORECASE)
ABSOLUTE_CHANGE = re.compile(
    r"(?:\bby|\b(?:growth|increase|rise|decrease|decline|drop|fall|reduction)\s+"
    r"(?:of|is|was|will\s+be|amounted\s+to|came\s+to|stood\s+at|totall?ed))\s+"
    r"(?:about|around|nearly|almost|some|over|more\s+than)?\s*$",
    re.IGNORECASE,
)
DIFFERENCE_AFTER = re.compile(
    r"[^.;]{0,30}?\b(?:more|less|higher|lower|fewer|up|down|rise|increase|growth|decline|"
    r"decrease|drop|fall|jump)\b(?!\s+(?:than|from|to|in))",
    re.IGNORECASE,
)
OF_WHAT = re.compile(r"\s+(?P<prep>of|in)\s+(?:the\s+)?(?P<what>[^\s]+)", re.IGNORECASE)
GENERIC_GOODS = frozenset(load_table("trade")["generic_goods"])
REFERENCE = re.compile(
    r"\b(?:the|this|that|its)\s+(?:target|goal|figure|indicator|result)\b", re.IGNORECASE
)
SECTOR = re.compile(
    r"\s+(?:in|of)\s+(?:the\s+)?(?:[\w-]+\s+){1,3}(?:sector|industry|sphere)\b",
    re.IGNORECASE,
)
COMPARE_WORD = re.compile(
    r"\b(?:compared|as against|against|versus|(?<!more\s)(?<!less\s)than|"
    r"from(?=\s+(?:\$|US|USD|\d|the\s+same|the\s+previous|last|a\s+year)))\b",
    re.IGNORECASE,
)
THE_COUNTRY = re.compile(r"\b(?:the\s+country'?s?|its)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
DIFFERENCE_WORD = re.compile(r"\s+(?:more|less|fewer|lower|higher)\b", re.IGNORECASE)
TARGET_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:target|goal|objective|benchmark)s?\b", re.IGNORECASE
)
IN_OTHER_TERMS = re.compile(
    r"[^.;]{0,12}?\bin\s+(?:rupee|ruble|rouble|yuan|tenge|som|lira|"
    r"national[- ]currency|local[- ]currency)\s+terms",
    re.IGNORECASE,
)
EQUIVALENT_GAP = re.compile(r"[\s,(]*(?:or|about|around|approximately|i\.e\.|equivalent to)?[\s(]*")
_CHANGE_IN = re.compile(
    r"\s*(?:decrease|increase|growth|drop|rise|fall|decline|reduction|jump)\s+in\s+(?:the\s+)?",
    re.IGNORECASE,
)
_BY_YEAR = re.compile(
    r"\s+(?:by|until|till)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.IGNORECASE
)
_OF_COMMODITIES = re.compile(
    r"\s+of\s+(?:[\w-]+\s+){0,2}?(?:commodities|commodity|product\s+groups)\b"
)
PAREN_BASE = re.compile(r"\(\s*$")
PRONOUN_SUBJECT = re.compile(
    r"[^.;]{0,25}?\b(?:it|the figure|this figure|the indicator|this indicator|"
    r"the volume|the amount|the total)\b",
    re.IGNORECASE,
)


Quantity = Amount | Change


def governing_flow(norm: str, q: Quantity, flows: list[FlowWord], s: Sentence) -> FlowWord | None:
    """The flow word a figure belongs to.

    A flow word right after it ("of which $22 million is exports"), else the
    last one before it, else one shortly after it.
    """
    for f in flows:
        if (
            f.start >= q.end
            and f.start - q.end <= 20
            and POSTPOSED_FLOW.match(norm[q.end : f.start])
        ):
            return f
        if (
            f.start >= q.end
            and f.start - q.end <= 30
            and _CHANGE_IN.fullmatch(norm, q.end, f.start)
        ):
            return f  # "a 3-fold drop in exports of shoes"
    before = [f for f in flows if f.end <= q.start]
    if before:
        return before[-1]
    after = [f for f in flows if f.start >= q.end and f.start - q.end <= 60]
    return after[0] if after else None


def blocked_near(norm: str, lo: int, q: Quantity) -> bool:
    """Is a figure named with a non-trade word in its own clause ("investments reached $1m")?"""
    return _blocker_in(norm, q, max(lo, q.start - 60), q.start)


_SHARE_VALUE = re.compile(
    r"\d\s*(?:%|percent|per\s+cent)\s*(?:[\w-]+\s+){0,3}?(?:share\s*)?"
    r"(?:\(\s*|,\s*)(?:or|worth|valued\s+at|equal\s+to|amounting\s+to)?\s*$",
    re.IGNORECASE,
)


def _blocker_in(norm: str, q: Quantity, lo: int, hi: int) -> bool:
    """A non-trade word in ``norm[lo:hi]``. The words of a country's share do not
    count before its dollar value ("China's 21.3% share (valued at $12.2bn)", "34.5%,
    or $2.6bn"); a share with no country near is a region's or a sector's."""
    share: re.Match[str] | None = None
    for m in vocabulary().blockers.finditer(norm, lo, hi):
        if share is None:
            share = _country_share(norm, q)
            if share is None:
                return True
        if not (m.group().lower() == "share" or share.start() <= m.start() < share.end()):
            return True
    return False


def _country_share(norm: str, q: Quantity) -> re.Match[str] | None:
    """The words before ``q`` that make it a country's share in dollars, if they do."""
    share = _SHARE_VALUE.search(norm, max(0, q.start - 60), q.start)
    if share is None or not find_countries(norm, max(0, q.start - 80), q.start):
        return None
    owner = SHARE_OWNER.search(norm, max(0, q.start - 100), q.start)
    if owner is not None and not find_countries(owner["name"]):
        return None  # "the share of Tashkent in Uzbekistan's trade": a city's share
    return share


def blocked(norm: str, f: FlowWord, q: Quantity, lo: int) -> bool:
    """Is the quantity about something else (investment, GDP, a commodity)?"""
    by_flow, of_what_reach = _flow_blocked(norm, f, lo)
    if by_flow:
        return True
    v = vocabulary()
    a, b = (f.end, q.start) if f.end <= q.start else (q.end, f.start)
    if _blocker_in(norm, q, a, b) or _blocker_in(norm, q, max(lo, q.start - 30), q.start):
        return True
    low = lowered(norm)
    if v.commodities.search(low, max(lo, f.end, q.start - 20), q.start):
        return True  # "... goods to $50 billion and services to $9 billion"
    if f.start > q.end:
        # The flow word comes after the figure: the figure's own subject must not be
        # something else ("Output grew 12%, farming 8%, and trade ...").
        head_lo = max(lo, q.start - 60)
        if _blocker_in(norm, q, head_lo, q.start) or v.commodities.search(low, head_lo, q.start):
            return True
    # "exports of footwear ... $5 million", unless the figure is right there: "exports of $5m".
    return of_what_reach is not None and not (q.start >= f.end and q.start - f.end <= of_what_reach)


@lru_cache(maxsize=8)  # a sentence's flow words; the key holds the article text, so few
def _flow_blocked(norm: str, f: FlowWord, lo: int) -> tuple[bool, int | None]:
    """What blocks every figure of flow word ``f`` (asked once per flow word, not per figure).

    Returns (blocked, reach): blocked by the words around the flow word alone; and,
    when "of <commodity>" follows it, how far after it a figure still escapes that.
    """
    v = vocabulary()
    low = lowered(norm)
    if v.blockers_before_flow.search(low, max(lo, f.start - 40), f.start):
        return True, None
    if v.blockers_before_flow.search(low, f.end, f.end + 30) and _OF_COMMODITIES.match(low, f.end):
        return True, None  # "exports of Indonesian commodities include ..."
    before_flow = norm[max(lo, f.start - 25) : f.start]
    if v.commodities.search(before_flow.lower()) and re.search(r"(?:^|\s)\S+\s*$", before_flow):
        last_words = before_flow.split()[-2:]
        if any(v.commodities.fullmatch(w.strip(",.").lower()) for w in last_words):
            return True, None
    if SECTOR.match(norm, f.end):
        return True, None  # "trade in the agriculture sector": one sector, not the whole trade
    m = OF_WHAT.match(norm[f.end : f.end + 40])
    if m:
        word = m.group("what")
        if m.group("prep").lower() == "of":
            commodity = not (
                word[0].isdigit()
                or word[0] in "$€£"
                or word.lower() in GENERIC_GOODS
                or find_countries(word.rstrip(",.;:"))
            )  # "exports of footwear": one commodity, not the country's trade
        else:
            commodity = v.commodities.fullmatch(word.lower().rstrip(",.;:")) is not None
        if commodity:
            return False, 6 + len(m.group("prep"))
    return False, None


_NEXT_CLAUSE = re.compile(r";|\b(?:while|whereas)\b", re.IGNORECASE)


def period_for(
    norm: str,
    q: Quantity,
    periods: list[tuple[PeriodMention, Period | None, bool]],
    next_q_start: int,
    s: Sentence,
    base: bool,
) -> tuple[Period | None, PeriodMention | None]:
    """The period a figure belongs to: stated right after it, else earlier in the sentence."""
    clause_end = _NEXT_CLAUSE.search(norm, q.end, next_q_start)
    if clause_end is not None:
        next_q_start = clause_end.start()  # "...; in June", "... while in June": another figure's
    if not base:
        cue = COMPARE_WORD.search(norm, q.end, next_q_start)
        if cue:
            next_q_start = cue.start()
    for pm, period, comparison in periods:
        if pm.start >= q.end and pm.start < next_q_start and pm.start - q.end <= 60:
            if (comparison and not base) or pm.horizon:
                continue
            if period is None and not base:
                # "ten months of the past Iranian year (March 21, 2022 - Jan 20, 2023)":
                # a resolved period close behind explains an unresolved one.
                resolved = next(
                    (
                        (p2, m2)
                        for m2, p2, c2 in periods
                        if m2.start > pm.end and m2.start - q.end <= 100 and p2 and not c2
                    ),
                    None,
                )
                if resolved is not None and resolved[1].start < next_q_start:
                    return resolved
                # "last year" in an undated article: the year after the one compared with.
                return _year_after_comparison(periods), pm
            return period, pm
    if base:
        return None, None
    for pm, period, comparison in reversed(periods):
        if pm.end <= q.start and not comparison and not pm.horizon and period is not None:
            return period, pm
    return _year_after_comparison(periods), None


def _year_after_comparison(
    periods: list[tuple[PeriodMention, Period | None, bool]],
) -> Period | None:
    """ "increased by 6% compared to 2014": the figure is for the year after;
    "32% more than the 7-month period of 2016": the same months a year later."""
    for pm, period, comparison in periods:
        if comparison and period is not None and not pm.same_period:
            return shift_year(period, 1)
    return None


def is_target(norm: str, q: Quantity, f: FlowWord, s: Sentence) -> bool:
    """Is the figure a goal? An intent word ("aim", "target", "will") governs it.

    Infinitives of result ("to reach", "to boost") count only after an intent
    word; "jumped 70 percent to reach $63 billion" reports a figure.
    """
    v = vocabulary()
    lo = max(s.start, min(f.start, q.start) - 120)
    low = lowered(norm)
    strong = list(v.target_cues.finditer(low, lo, q.start))
    if not strong:
        weak = [m for m in v.weak_target_cues.finditer(low, lo, q.start)]
        if not weak:
            return False
        if not v.target_cues.search(low, s.start, weak[-1].start()) and not _BY_YEAR.match(
            norm, q.end, s.end
        ):
            return False  # "to boost trade to $30 billion by 2010" is a goal all the same
        last = weak[-1]
    else:
        last = strong[-1]
    return not any(
        not re.search(
            r"\bto\s+$", norm[max(lo, m.start() - 4) : m.start()]
        )  # "to hit": an infinitive
        and not re.match(r"\s+to\s", norm[m.end() : m.end() + 4])  # "the goal was to increase"
        for m in v.value_cues.finditer(low, last.end(), q.start)
    )


def shift_year(p: Period, years: int) -> Period:
    return Period(
        f"{int(p.start[:4]) + years:04d}{p.start[4:]}", f"{int(p.end[:4]) + years:04d}{p.end[4:]}"
    )
