"""The article's context: its countries, its topic pair, and what earlier sentences fixed.

A sentence often leaves the pair or the period to its neighbours or to the
title and lead (FACTS.md); `Context` carries them from sentence to sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from turnover.article import Article
from turnover.clauses import CURRENCY_AFTER
from turnover.countries import CountryMention, find_countries
from turnover.frames import Frame, frame_for
from turnover.lexicon import lowered
from turnover.models import Period
from turnover.sentences import Sentence
from turnover.vocabulary import FlowWord, find_flows, vocabulary

_WORDY = re.compile(r"[A-Za-z]{3,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}")
_DATELINE = re.compile(r"(?:^|\n)\s*(?:date\s+\S+(?:\s+\d\d:\d\d)?\s+)?[A-Z][A-Za-z]+,\s*$")
_YEAR = re.compile(r"(?<![\w.,$])(?<!by )(?<!until )(?<!till )(?<!to )((?:19|20)\d\d)(?![\w%])")
_SPLIT_YEAR = re.compile(r"\b((?:19|20)\d\d)-(\d\d)\b")


@dataclass
class Context:
    """What earlier sentences fixed: the topic pair and the paragraph's frame and period."""

    topic: Frame | None = None
    mentions: list[CountryMention] = field(default_factory=list)  # the article's countries
    paragraph: int = -1
    frame: Frame | None = None
    flow: FlowWord | None = None
    period: Period | None = None
    lead_period: Period | None = None
    recent: list[CountryMention] = field(default_factory=list)
    previous: Sentence | None = None  # the last sentence, when it gave no fact
    last_paragraph: int = -1  # the paragraph of the last figure read
    flow_frame: Frame | None = None  # the frame of the last figure, across paragraphs
    horizon_start: int | None = None  # a start year named for horizons in years
    reference: date | None = None  # "now" for an undated article: its latest year named
    dated_periods: list[Period] | None = None  # an undated article's, with years; when asked


def article_countries(article: Article) -> list[CountryMention]:
    """All country mentions of an article, without datelines ("BAKU, Azerbaijan, Feb. 25")."""
    norm = article.norm
    out = []
    for c in find_countries(norm):
        if "," in norm[max(0, c.start - 8) : c.start] and _DATELINE.search(
            norm[max(0, c.start - 40) : c.start]
        ):
            continue  # a dateline ends in a comma right before the country: test that first
        if CURRENCY_AFTER.match(norm, c.end):
            continue  # "U.S. dollars" names a currency, not a trading country
        out.append(c)
    return out


def within(mentions: list[CountryMention], lo: int, hi: int) -> list[CountryMention]:
    """The mentions inside ``lo:hi`` (mentions are in text order)."""
    i = bisect_left(mentions, lo, key=lambda c: c.start)
    j = bisect_left(mentions, hi, lo=i, key=lambda c: c.start)
    return [c for c in mentions[i:j] if c.end <= hi]


def topic_of(
    article: Article, sentences: list[Sentence], mentions: list[CountryMention]
) -> Frame | None:
    """The pair the article is about, read from its title and lead.

    The lead is the first four sentences that have words in them (pages often
    start with menus or exchange rates). The first of them that speaks of
    trade decides: two countries are the pair; one country with "foreign
    trade" is that country and the world; one country alone is paired with
    the next country the lead or, failing that, the article names most.
    """
    v = vocabulary()
    low = lowered(article.norm)
    head = [s for s in sentences if _WORDY.search(article.norm, s.start, s.end)][:4]
    codes: list[str] = []
    for s in head:
        found = [c.code for c in within(mentions, s.start, s.end)]
        codes.extend(code for code in found if code not in codes)
        if found and v.trade_hint.search(low, s.start, s.end):
            if len(codes) == 1 and v.world.search(low, s.start, s.end):
                return Frame(codes[0], "WLD")
            if len(codes) >= 2:
                return Frame(codes[0], codes[1])
    counts: dict[str, int] = {}
    for c in mentions:
        if c.code not in codes:
            counts[c.code] = counts.get(c.code, 0) + 1
    ranked = codes + sorted(counts, key=lambda code: -counts[code])
    if not ranked:
        return None
    return Frame(ranked[0], ranked[1] if len(ranked) > 1 else None)


def reference_date(article: Article) -> date | None:
    """ "Now" for an undated article: the end of the latest year it names."""
    years = [int(y) for y in _YEAR.findall(article.norm)]
    years += [int(a[:2] + b) for a, b in _SPLIT_YEAR.findall(article.norm)]
    return date(max(years), 12, 31) if years else None


def recall_previous(article: Article, ctx: Context) -> None:
    """Let "It increased to $2 bln" refer back to a sentence that named trade without a figure."""
    s = ctx.previous
    assert s is not None
    flows = find_flows(article.norm, s.start, s.end)
    if not flows:
        return
    frame = frame_for(article.norm, flows[-1], within(ctx.mentions, s.start, s.end), s.start, s.end)
    if frame is not None and frame.complete:
        ctx.flow, ctx.frame, ctx.flow_frame = flows[-1], frame, frame
