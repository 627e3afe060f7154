"""Who trades with whom: the countries of a trade figure.

A *frame* is the pair a flow word speaks of, oriented as (home, partner):
"Georgia's trade with the EU" is (GEO, EU); "exports from Russia to China" is
(RUS, CHN) with the exporter first. Frames come from the words around the flow
word; what the sentence leaves open comes from the paragraph or the article's
topic (FACTS.md: "the pair may be given by a neighbouring sentence ... or by
the title and lead").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from turnover.countries import GROUP_CODES, CountryMention, bloc_members
from turnover.lexicon import lowered
from turnover.vocabulary import EXPORT, IMPORT, TURNOVER, FlowWord, vocabulary

_FROM = re.compile(r"(?:\bfrom|\bof|\bby)\s+(?:the\s+)?$", re.IGNORECASE)
_TO = re.compile(r"(?:\bto|\binto|\bfor|\bwith|\btowards|\bin)\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_JOIN = re.compile(r"^\s*(?:and|,|-|&)\s*(?:the\s+)?$", re.IGNORECASE)
_REGION_SOURCE = re.compile(r"\s+(?:from|of)\s+(?P<name>[A-Z][a-z]+)\s+(?:to|into)\b")
_SHARE_OF = re.compile(r"\bshare\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN_NAMES = re.compile(
    r"\bbetween\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+and\s+(?:the\s+)?([A-Z][\w-]+)"
)
_PARTNER_OF = re.compile(r"'s\s+(?:[\w-]+\s+){0,3}$")  # "Uzbekistan's second largest (trade)"
_PARTNER_AFTER = re.compile(r"\s*(?:trading\s+|trade\s+)?partners?\b", re.IGNORECASE)
_COPULA = re.compile(r"\s+(?:is|was|became|remains|remained|has\s+become)\s+(?:also\s+)?")
# "the share of Tashkent in ...": whose part of the trade a share is (clauses.py asks too).
SHARE_OWNER = re.compile(r"\bshare\s+(?:of|in)\s+(?:the\s+)?(?P<name>[A-Z][\w-]+)")
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:while|whereas|and|but)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Frame:
    """An oriented pair; for exports (exporter, importer), for turnover (home, partner)."""

    home: str | None
    partner: str | None
    attached: bool = False  # the home is written on the flow word: "Turkish exports"

    @property
    def complete(self) -> bool:
        return self.home is not None and self.partner is not None and self.home != self.partner


def _before(norm: str, c: CountryMention, lo: int) -> str:
    return norm[max(lo, c.start - 14) : c.start]


def frame_for(
    norm: str,
    flow: FlowWord,
    countries: list[CountryMention],
    lo: int,
    hi: int,
) -> Frame | None:
    """Read the frame around ``flow`` from countries in ``norm[lo:hi]``.

    Countries just before the flow word ("Georgia's trade", "Kyrgyz-Kazakh
    trade", "China exported") are its home; "between A and B" names both;
    "from A" / "to B" / "with B" after it name source and destination.
    """
    home: str | None = None
    partner: str | None = None
    attached = False
    if _REGION_SOURCE.match(norm, flow.end, hi) and not any(
        c.start == _REGION_SOURCE.match(norm, flow.end, hi).start("name") for c in countries
    ):
        return None  # "exports from Istanbul": a city's or a province's trade
    regions = _BETWEEN_NAMES.search(norm, flow.end, min(hi, flow.end + 40))
    if regions and not any(c.start in (regions.start(1), regions.start(2)) for c in countries):
        return None  # "trade between Asia and Europe": regions, not a pair of countries
    owner = SHARE_OWNER.search(norm, max(lo, flow.start - 60), flow.start)
    if owner and not any(c.start == owner.start("name") for c in countries):
        return None  # "the share of Tashkent in Uzbekistan's trade": a city's part of it
    near_before = [
        c for c in countries if lo <= c.start and c.end <= flow.start and flow.start - c.end <= 45
    ]
    after = [
        c for c in countries if c.start >= flow.end and c.end <= hi and c.start - flow.end <= 70
    ]

    # "between A and B" anywhere around the flow word.
    for i, c in enumerate(countries):
        if _BETWEEN.search(_before(norm, c, lo)) and i + 1 < len(countries):
            d = countries[i + 1]
            if _JOIN.match(norm[c.end : d.start]) and abs(c.start - flow.end) < 80:
                return Frame(c.code, d.code)

    # Countries right before the flow word: "A-B trade", "A's exports", "A exported".
    if near_before:
        last = near_before[-1]
        gap = norm[last.end : flow.start]
        if not _CLAUSE_BREAK.search(gap) and not _TO.search(norm[last.end : flow.start] + " "):
            if len(near_before) >= 2:
                prev = near_before[-2]
                if _JOIN.match(norm[prev.end : last.start]) and not _FROM.search(
                    _before(norm, prev, lo)
                ):
                    home, partner = prev.code, last.code
            if (
                home is None
                and len(near_before) >= 2
                and _PARTNER_OF.fullmatch(gap)
                and _PARTNER_AFTER.match(norm, flow.end)
                and _COPULA.fullmatch(norm, near_before[-2].end, last.start)
            ):
                # "Russia is Uzbekistan's second largest trade partner": Russia and Uzbekistan.
                home, partner = last.code, near_before[-2].code
            if home is None:
                if re.match(r",?\s*where\b", gap) or (
                    "," in gap and flow.flow == IMPORT and not re.search(r"'s", gap)
                ):
                    partner = last.code  # "Iran, where exports fell": the place is a partner
                elif (last.adjective and len(gap) <= 3) or re.fullmatch(r"'s\s*", gap):
                    home, attached = last.code, True  # "Turkish exports", "Georgia's exports"
                elif len(gap) <= 16 or re.search(
                    r"^(?:'s)?\s*(?:total|overall|foreign|external|mutual|bilateral)", gap
                ):
                    home = last.code  # "Georgia's trade", "Chinese exports"
                else:
                    partner = last.code  # "Iran comes next; there exports ...": a partner
        for c in near_before[:-1]:
            if partner is None and c.code != home and _SHARE_OF.search(_before(norm, c, lo)):
                partner = c.code  # "the share of China in Kyrgyzstan's foreign trade"
            elif (
                partner is None
                and c.code != home
                and c is near_before[-2]
                and vocabulary().share_of.match(lowered(norm), c.end, last.start)
            ):
                partner = c.code  # "Turkey accounted for 5% of Uzbekistan's trade"

    # Countries after the flow word: "from A", "of A", "to B", "with B".
    for c in after:
        between = norm[flow.end : c.start]
        if _CLAUSE_BREAK.search(between) and c.start - flow.end > 30:
            break
        lead = _before(norm, c, flow.end)
        if (
            flow.flow == TURNOVER
            and partner is None
            and c is after[0]
            and re.search(r"\bwith\b", between, re.IGNORECASE)
        ):
            partner = c.code  # "the country's trade with the other members of the EAEU"
        elif flow.flow == IMPORT:
            if _FROM.search(lead) and partner is None:
                partner = c.code
            elif _TO.search(lead) and home is None:
                home = c.code
                attached = c is after[0] and c.start - flow.end <= 10  # "Imports to Turkey"
            elif _TO.search(lead) and attached and partner is None and c.code != home:
                # "Chinese imports into Kazakhstan": the adjective names the goods' origin.
                home, partner, attached = c.code, home, False
            elif home is None and re.search(r"\bof\s+$", lead):
                partner = partner or c.code
        elif _FROM.search(lead):
            if partner is not None and partner in bloc_members(c.code):
                continue  # "most exports head to Romania from the EU": Romania among EU buyers
            if home is None:
                home = c.code
                attached = flow.flow == EXPORT and c is after[0] and c.start - flow.end <= 10
            elif partner is None and c.code != home:
                partner = c.code
        elif (_TO.search(lead) or _JOIN.match(norm[flow.end : c.start])) and (
            partner is None and c.code != home
        ):
            partner = c.code
        if home is not None and partner is not None:
            break
    return Frame(home, partner, attached)


def orient(frame: Frame, flow: str) -> tuple[str, str] | None:
    """Turn a complete frame into FACTS.md countries order for ``flow``.

    For imports the frame is (importer, exporter) and becomes [exporter, importer].
    """
    if not frame.complete:
        return None
    assert frame.home is not None and frame.partner is not None
    if flow == IMPORT:
        return (frame.partner, frame.home)
    return (frame.home, frame.partner)


def fill(frame: Frame, context: Frame | None, topic: Frame | None, world: bool) -> Frame:
    """Complete a partial frame from the paragraph's pair, the topic, or WLD for total trade."""
    home, partner = frame.home, frame.partner
    if home and partner:
        return frame
    if world:
        if partner and not home and topic and topic.home and topic.home != partner:
            return Frame(topic.home, partner)  # "foreign trade ... with China"
        base = home or partner or (topic.home if topic else None)
        return Frame(base, "WLD") if base else frame
    for ctx in (context, topic):
        if ctx is None or not ctx.complete:
            continue
        if home is None and partner is None:
            return ctx
        known = home or partner
        if known in (ctx.home, ctx.partner):
            other = ctx.partner if known == ctx.home else ctx.home
            return Frame(known, other) if home else Frame(other, known)
        if (
            ctx is context
            and home is not None
            and ctx.partner in GROUP_CODES
            and ctx.partner != "WLD"
            and known not in GROUP_CODES
            and (topic is None or ctx.home != topic.home)
        ):
            # Members of a bloc one after another: "Armenia's sales to the EAEU rose
            # 9%. Belarus traded 6% more" - Belarus with the EAEU too.
            return Frame(known, ctx.partner)
    anchor = context.home if context and context.home else (topic.home if topic else None)
    if anchor in GROUP_CODES and topic is not None and topic.home not in GROUP_CODES:
        anchor = topic.home  # a bloc does not list its own partners here: the country does
    known = home or partner
    if anchor and known and anchor != known:
        return Frame(anchor, known)
    if home and not partner and (topic is None or topic.partner is None):
        return Frame(home, "WLD")  # "Kazakhstan's exports dropped 73%", and no partner anywhere
    return frame
