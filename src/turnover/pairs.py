"""Which pair a figure belongs to: the flow word's frame, completed from context.

`frames.frame_for` reads the countries written around a flow word; this module
adds what the sentence and the article say around it: lists of partners after
one flow word, "the country's foreign trade", plain "foreign trade" in an
article about two countries, a country's own total exports, and the
paragraph's or the topic's pair for what is left open.
"""

from __future__ import annotations

import re

from turnover.article import Article
from turnover.clauses import POSTPOSED_FLOW, THE_COUNTRY, Quantity
from turnover.context import Context
from turnover.countries import GROUP_CODES, CountryMention
from turnover.frames import Frame, fill, frame_for
from turnover.lexicon import lowered
from turnover.sentences import Sentence
from turnover.vocabulary import TURNOVER, FlowWord, vocabulary

_STRONG_WORLD = re.compile(
    r"\b(?:total|overall|global|aggregate|entire)\b|'s\s+(?:\w+\s+)?(?:foreign|external)|"
    r"(?:foreign|external)\s+trade(?:\s+turnover)?\s+of\b|\bthe\s+country'?s\b|\bits\s+(?:foreign|external)",
    re.IGNORECASE,
)


_NEW_SUBJECT = re.compile(r"(?:[,;]\s*(?:and|while|whereas)|;)\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"\s*(?:[(\-:]|\d)")
_SHARE_AFTER_FLOW = re.compile(r"\s*shares?\b", re.IGNORECASE)
_WITH_AFTER = re.compile(r"[\s)]*with\s+(?:the\s+)?", re.IGNORECASE)
_PARTNER_MARK = re.compile(r"\b(?:with|to|from)\s+(?:the\s+)?$", re.IGNORECASE)


def locate_pair(
    article: Article,
    s: Sentence,
    ctx: Context,
    f: FlowWord,
    i: int,
    quantities: list[Quantity],
    countries: list[CountryMention],
) -> Frame | None:
    """The countries of the i-th figure of a sentence, governed by flow word ``f``."""
    norm = article.norm
    q = quantities[i]
    frame_lo = max([x.end for x in quantities if x.end <= f.start], default=s.start)
    frame_hi = min([x.start for x in quantities if x.start >= f.end], default=s.end)
    if f.start > q.end and not POSTPOSED_FLOW.match(norm[q.end : f.start]):
        # The flow word comes later ("India is third - $90 million, ... exports to
        # Kazakhstan ..."): its countries belong to a later figure; read the ones before.
        lo = quantities[i - 1].end if i else s.start
        before = [c for c in countries if lo <= c.start < q.start]
        frame = Frame(None, before[-1].code if before else None)
        owner = next((c for c in countries if q.end <= c.start and c.end <= f.start), None)
        if (
            before
            and owner is not None
            and vocabulary().share_of.match(lowered(norm), before[-1].end, owner.start)
        ):
            # "Germany accounted for a 6.2% share ($3.3bn) of Kazakhstan's trade".
            frame = Frame(owner.code, before[-1].code)
    else:
        hi = max(frame_hi, q.start) if q.start > f.end else frame_hi
        frame = frame_for(norm, f, countries, frame_lo, hi)
    if frame is None:
        return None
    if f.flow == TURNOVER and frame.home is None and frame.partner is not None and q.start > f.end:
        later = next((c for c in countries if q.end <= c.start <= q.end + 25), None)
        if (
            later is not None
            and later.code != frame.partner
            and _WITH_AFTER.fullmatch(norm, q.end, later.start)
        ):
            # "China accounted for a 21% trade share (worth $12bn) with Uzbekistan".
            frame = Frame(frame.partner, later.code)
    # Lists: "France ($120 million), Spain (...)", "Armenia (by 12%) and Belarus (by 9%)".
    seg_lo = max(quantities[i - 1].end if i else f.end, f.end)
    local = [c for c in countries if seg_lo <= c.start < q.start]
    if local and local[-1].code not in (frame.home, frame.partner):
        if _NEW_SUBJECT.search(
            norm, max(s.start, local[-1].start - 12), local[-1].start
        ) and not _LIST_ITEM.match(norm, local[-1].end):
            # "Armenia traded 9% more, and Belarus grew 6%": another subject.
            frame = Frame(local[-1].code, frame.partner)
        elif frame.partner is None:
            frame = Frame(frame.home, local[-1].code)
        elif i and f.end < quantities[i - 1].end:
            as_partner = _PARTNER_MARK.search(
                norm, max(s.start, local[-1].start - 12), local[-1].start
            )
            if frame.partner in GROUP_CODES and frame.home is not None and not as_partner:
                frame = Frame(local[-1].code, frame.partner)
            else:
                frame = Frame(frame.home, local[-1].code)
    if (
        f.world
        and frame.home is None
        and THE_COUNTRY.search(norm, max(s.start, f.start - 30), f.start)
    ):
        named = [c for c in countries if c.end <= f.start] or [
            c for c in ctx.recent if c.end <= f.start
        ]
        if named:
            frame = Frame(named[-1].code, frame.partner)  # "the country's foreign trade"
    topic = ctx.topic
    if (
        f.world
        and frame.partner is None
        and topic is not None
        and topic.complete
        and topic.partner not in GROUP_CODES
        and frame.home in (None, topic.home, topic.partner)
        and not _STRONG_WORLD.search(norm, max(s.start, f.start - 30), min(s.end, f.end + 20))
    ):
        return topic  # "foreign trade turnover" in an article on two countries: theirs
    in_paragraph = ctx.paragraph == s.paragraph and ctx.frame is not None
    if (
        frame.attached
        and frame.partner is None
        and f.flow != TURNOVER
        and all(c.code == frame.home for c in countries)
        and not (in_paragraph and frame.home in (ctx.frame.home, ctx.frame.partner))
    ):
        return Frame(frame.home, "WLD")  # "Turkish exports grew": the country's total
    context = ctx.frame if in_paragraph else None
    if context is None and not countries and ctx.last_paragraph == s.paragraph - 1:
        context = ctx.flow_frame  # the paragraph before went on about the same pair
    if (
        frame.home is not None
        and frame.partner is None
        and context is not None
        and context.home not in (None, frame.home)
        and _SHARE_AFTER_FLOW.match(norm, f.end)
    ):
        # "Russia's trade share came to 18%": a share of the trade the paragraph splits.
        return Frame(context.home, frame.home)
    if (
        context is None
        and frame.home is None
        and frame.partner is None
        and topic is not None
        and topic.home in GROUP_CODES
        and vocabulary().bloc_internal.match(lowered(norm), f.start)
    ):
        return None  # "EAEU mutual trade": trade among the bloc's members, not a pair
    return fill(frame, context, topic, f.world)
