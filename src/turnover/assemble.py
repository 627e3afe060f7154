"""Fact assembly: from the mentions of one sentence to grounded facts.

For every amount or percent in a sentence the assembler asks four questions
(which flow? which countries? which period or horizon? report or goal?) and
answers each from the words nearest to it, then from the paragraph, then from
the article's title and lead. See `merge.py` for what happens to repeats.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from turnover.amounts import Amount, find_amounts
from turnover.article import Article
from turnover.clauses import (
    ABSOLUTE_CHANGE,
    BASE_CUE,
    COMPARISON_PERIOD,
    DIFFERENCE_AFTER,
    DIFFERENCE_WORD,
    EQUIVALENT_GAP,
    IN_OTHER_TERMS,
    NOW,
    PAREN_BASE,
    POSTPOSED_FLOW,
    PRONOUN_SUBJECT,
    REFERENCE,
    TARGET_AFTER,
    THE_COUNTRY,
    blocked,
    blocked_near,
    governing_flow,
    is_target,
    period_for,
    shift_year,
)
from turnover.context import (
    Context,
    article_countries,
    recall_previous,
    reference_date,
    topic_of,
    within,
)
from turnover.countries import GROUP_CODES, CountryMention, pair_key
from turnover.frames import Frame, fill, frame_for, orient
from turnover.horizons import target_year
from turnover.merge import merge_facts
from turnover.models import Fact, Period
from turnover.percents import Change, find_changes
from turnover.periods import PeriodMention, find_periods, fiscal_start, resolve
from turnover.sentences import Sentence, split_sentences
from turnover.vocabulary import IMPORT, TURNOVER, FlowWord, find_flows, vocabulary

_WHICH_WAS = re.compile(
    r"\s*,?\s*(?:which|when it|when they)\s+(?:was|were|stood at|amounted to|totaled|totalled)\s*",
    re.IGNORECASE,
)
_STRONG_WORLD = re.compile(
    r"\b(?:total|overall|global|aggregate|entire)\b|'s\s+(?:\w+\s+)?(?:foreign|external)|"
    r"(?:foreign|external)\s+trade(?:\s+turnover)?\s+of\b|\bthe\s+country'?s\b|\bits\s+(?:foreign|external)",
    re.IGNORECASE,
)
_FIGURES_PAREN = re.compile(r"\s*(?:figures?|levels?|data|indicators?)?\s*\(\s*", re.IGNORECASE)
_QUICK_FILTER = re.compile(r"\d|doubl|tripl|halv|fold|illion", re.IGNORECASE)
Quantity = Amount | Change


def _locate(
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
        # The flow word comes later ("Russia is second - $230 million, ... exports to
        # Kazakhstan ..."): its countries belong to a later figure; read the ones before.
        lo = quantities[i - 1].end if i else s.start
        before = [c for c in countries if lo <= c.start < q.start]
        frame = Frame(None, before[-1].code if before else None)
    else:
        hi = max(frame_hi, q.start) if q.start > f.end else frame_hi
        frame = frame_for(norm, f, countries, frame_lo, hi)
    if frame is None:
        return None
    # Lists: "Ireland ($456 million), Germany (...)", "Kazakhstan (by 38%) and Russia (by 34%)".
    seg_lo = max(quantities[i - 1].end if i else f.end, f.end)
    local = [c for c in countries if seg_lo <= c.start < q.start]
    if local and local[-1].code not in (frame.home, frame.partner):
        if frame.partner is None:
            frame = Frame(frame.home, local[-1].code)
        elif i and f.end < quantities[i - 1].end:
            if frame.partner in GROUP_CODES and frame.home is not None:
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
    return fill(frame, ctx.frame if in_paragraph else None, topic, f.world)


def assemble_sentence(
    article: Article, s: Sentence, ctx: Context, published: date | None
) -> list[Fact]:
    norm = article.norm
    if not _QUICK_FILTER.search(norm, s.start, s.end):
        return []
    amounts = find_amounts(norm, s.start, s.end)
    changes = find_changes(norm, s.start, s.end)
    if not amounts and not changes:
        return []
    flows = find_flows(norm, s.start, s.end)
    countries = within(ctx.mentions, s.start, s.end)
    quantities: list[Quantity] = sorted([*amounts, *changes], key=lambda x: x.start)
    # Drop amounts restating the previous one in another currency:
    # "$12.3 billion, about 4.5 trillion naira".
    kept: list[Quantity] = []
    for q in quantities:
        if isinstance(q, Amount) and kept and isinstance(kept[-1], Amount):
            gap = norm[kept[-1].end : q.start]
            if len(gap) <= 12 and EQUIVALENT_GAP.fullmatch(gap) and q.currency != kept[-1].currency:
                continue
        kept.append(q)
    quantities = kept
    raw_periods = find_periods(norm, s.start, s.end)
    periods: list[tuple[PeriodMention, Period | None, bool]] = []
    home_guess = ctx.topic.home if ctx.topic else None
    for pm in raw_periods:
        candidates = [c.code for c in countries] + (
            [ctx.topic.home, ctx.topic.partner] if ctx.topic else []
        )
        fiscal_country = next((c for c in candidates if fiscal_start(c)), None) or home_guess
        comparison = (
            bool(COMPARISON_PERIOD.search(norm[max(s.start, pm.start - 25) : pm.start]))
            or pm.same_period
        )
        resolved = resolve(pm, published, fiscal_country)
        if resolved is None and published is None and pm.first is not None and not pm.has_year:
            reference = ctx.period or ctx.lead_period
            if reference is not None:
                resolved = resolve(replace(pm, year=int(reference.end[:4])), None, fiscal_country)
        periods.append((pm, resolved, comparison))

    facts: list[Fact] = []
    quote = article.text[s.start : s.end]
    if countries:
        ctx.recent = countries
    last_main: dict[str, Period | None] = {}
    main_end: dict[str, int] = {}
    emitted: dict[int, Fact] = {}
    for i, q in enumerate(quantities):
        f = governing_flow(norm, q, flows, s)
        inherited = False
        if (
            f is not None
            and f.start > q.end
            and ctx.flow is not None
            and PRONOUN_SUBJECT.match(norm, s.start, s.end)
        ):
            f = None  # "It rose 28.7% to $18 billion, with exports ...": "it" is the last figure
        if f is None:
            if ctx.flow is None and ctx.previous is not None:
                recall_previous(article, ctx)
            if ctx.flow is not None and (
                PRONOUN_SUBJECT.match(norm, s.start, s.end)
                or REFERENCE.search(norm, s.start, q.start)
            ):
                f = ctx.flow
                inherited = True
            else:
                continue
        if blocked_near(norm, s.start, q) if inherited else blocked(norm, f, q, s.start):
            continue
        next_start = quantities[i + 1].start if i + 1 < len(quantities) else s.end
        if isinstance(q, Amount) and (
            ABSOLUTE_CHANGE.search(norm, max(s.start, q.start - 25), q.start)
            or (
                i + 1 < len(quantities)
                and isinstance(quantities[i + 1], Change)
                and re.fullmatch(r"\s*,?\s*(?:or|i\.e\.)\s*(?:by\s+)?", norm[q.end : next_start])
                and DIFFERENCE_AFTER.match(norm, quantities[i + 1].end, quantities[i + 1].end + 30)
            )
        ):
            continue  # "grew by $12 million", "$940 million, or 10.5 percent more": differences
        if isinstance(q, Amount) and DIFFERENCE_WORD.match(norm, q.end):
            continue  # "98.5 million dollars fewer than a year earlier"
        base = isinstance(q, Amount) and bool(
            BASE_CUE.search(norm[max(s.start, q.start - 30) : q.start])
        )
        paren_period = None
        if isinstance(q, Amount) and PAREN_BASE.search(norm, max(s.start, q.start - 3), q.start):
            prev = quantities[i - 1] if i else None
            if isinstance(prev, Amount) and prev.currency != q.currency:
                continue  # "3 trillion rubles ($35 billion)": an equivalent, not a new fact
            # "... compared to January-November 2021 ($118.8 million)": the base figure.
            paren_period = next(
                (pm for pm, _, comparison in periods if comparison and 0 <= q.start - pm.end <= 4),
                None,
            )
            base = base or paren_period is not None
        if isinstance(q, Amount) and not base:
            # "($118.8 million over the same period in 2021)": a base figure named after it.
            after = next((pm for pm, _, c in periods if pm.start >= q.end), None)
            if (
                after is not None
                and after.same_period
                and re.fullmatch(
                    r"\s*(?:million|billion)?\s*(?:over|in|for|during)\s+",
                    norm[q.end : after.start],
                )
            ):
                base = True
            # "compared with the same period in 2021, which was $12.55 billion": the base again.
            before = next((m for m, _, c in reversed(periods) if m.end <= q.start and c), None)
            if before is not None and _WHICH_WAS.fullmatch(norm, before.end, q.start):
                base, paren_period = True, before
        # Countries: the flow word's own frame, else the paragraph's, else the topic.
        if inherited:
            frame = ctx.flow_frame or Frame(None, None)  # what "it" refers to
        else:
            frame = _locate(article, s, ctx, f, i, quantities, countries)
            if frame is None:
                continue  # a region's or a city's trade
        pair = orient(frame, f.flow)
        if pair is None:
            continue
        flow = "turnover" if f.flow == TURNOVER else "export"
        countries_out = pair_key(*pair) if flow == "turnover" else pair
        partner_fact = emitted.get(i - 1)
        if (
            isinstance(q, Change)
            and partner_fact is not None
            and partner_fact.kind == "value"
            and not any(quantities[i - 1].end <= x.start < q.start for x in [*countries, *flows])
        ):
            # "Germany (more than $173.6 million, up 97.7%)": the change of that figure.
            flow, countries_out = partner_fact.flow, partner_fact.countries
            if IN_OTHER_TERMS.match(norm, q.end):
                continue
        qualifier = q.qualifier if isinstance(q, Amount) else None
        if (
            isinstance(q, Amount)
            and not base
            and (is_target(norm, q, f, s) or TARGET_AFTER.match(norm, q.end))
        ):
            by = target_year(norm, q, s, periods, published or ctx.reference)
            facts.append(
                Fact(
                    "target",
                    flow,
                    countries_out,
                    q.value,
                    q.currency,
                    None,
                    None,
                    by,
                    quote,
                    (s.start, s.end),
                    qualifier,
                )
            )
            ctx.flow, ctx.flow_frame = (
                f,
                Frame(*pair) if f.flow != IMPORT else Frame(pair[1], pair[0]),
            )
            continue
        window_end = next_start
        if (
            isinstance(q, Change)
            and i + 1 < len(quantities)
            and isinstance(quantities[i + 1], Amount)
            and not re.search(r"[;]|\bwhile\b|\bwhereas\b", norm[q.end : next_start])
        ):
            # "increased by 39.6% and amounted to $970.1 million in 2020": one clause, one period.
            window_end = quantities[i + 2].start if i + 2 < len(quantities) else s.end
        if paren_period is not None:
            pm = paren_period
            period = next(p for m, p, _ in periods if m is pm)
        else:
            if isinstance(q, Change) and q.level:
                window_end = (
                    q.end
                )  # "88.7 percent of the 2016 level": 2016 is the base, not the period
            period, pm = period_for(norm, q, periods, window_end, s, base)
        main = last_main.get(flow + str(countries_out))
        if base and pm is not None and main is not None and (pm.same_period or pm.relative == -1):
            # "the same period of last year", "the previous year": relative to the figure compared.
            period = (
                shift_year(main, -1)
                if pm.year is None
                else Period(f"{pm.year}{main.start[4:]}", f"{pm.year}{main.end[4:]}")
            )
        main_period = last_main.get(flow + str(countries_out))
        if (
            isinstance(q, Change)
            and partner_fact is not None
            and partner_fact.kind == "value"
            and pm is None
        ):
            main_period = partner_fact.period
        if (
            isinstance(q, Change)
            and pm is not None
            and main_period is not None
            and (
                (pm.end <= q.start and pm.end <= main_end.get(flow + str(countries_out), -1))
                or q.level
                or (period is not None and period.end < main_period.start)
            )
        ):
            pm = None  # a period before the change may belong to a base figure; the main one wins
        if period is None and pm is None and not base and not NOW.search(norm, s.start, q.start):
            period = ctx.period or ctx.lead_period
        if isinstance(q, Change) and not inherited and is_target(norm, q, f, s):
            continue  # "plans to increase exports by 20%": a goal without an amount
        if isinstance(q, Change) and IN_OTHER_TERMS.match(norm, q.end):
            continue  # "in rupee terms": the same change restated in another currency
        if isinstance(q, Change):
            if pm is None and main_period is not None:
                period = main_period  # a change belongs to the figure it qualifies
            facts.append(
                Fact(
                    "change",
                    flow,
                    countries_out,
                    None,
                    None,
                    q.percent,
                    period,
                    None,
                    quote,
                    (s.start, s.end),
                )
            )
        else:
            facts.append(
                Fact(
                    "value",
                    flow,
                    countries_out,
                    q.value,
                    q.currency,
                    None,
                    period,
                    None,
                    quote,
                    (s.start, s.end),
                    qualifier,
                )
            )
            emitted[i] = facts[-1]
        if not base:
            last_main[flow + str(countries_out)] = period
            main_end[flow + str(countries_out)] = q.end
            ctx.frame = Frame(*pair) if f.flow != IMPORT else Frame(pair[1], pair[0])
            ctx.flow, ctx.flow_frame = f, ctx.frame
            if period is not None:
                ctx.period = period
    return facts


def assemble_facts(article: Article) -> list[Fact]:
    """All facts of an article, repeats merged (FACTS.md: one fact per key)."""
    if not vocabulary().trade_hint.search(article.norm) or not _QUICK_FILTER.search(article.norm):
        return []  # no trade word or no number: nothing to read (the cheap pre-filter)
    published = article.published_date
    sentences = split_sentences(article.norm)
    mentions = article_countries(article)
    ctx = Context(topic=topic_of(article, sentences, mentions), mentions=mentions)
    if published is None:
        ctx.reference = reference_date(article)
    facts: list[Fact] = []
    for s in sentences:
        if s.paragraph != ctx.paragraph:
            ctx.paragraph, ctx.frame = s.paragraph, None
        new = assemble_sentence(article, s, ctx, published)
        ctx.previous = None if new else s
        if ctx.lead_period is None and s.paragraph <= 2:
            ctx.lead_period = next((f.period for f in new if f.period is not None), None)
            if ctx.lead_period is None and vocabulary().trade_hint.search(
                article.norm, s.start, s.end
            ):
                ctx.lead_period = next(
                    (
                        p
                        for m in find_periods(article.norm, s.start, s.end)
                        if not m.horizon and (p := resolve(m, published)) is not None
                    ),
                    None,
                )
        facts.extend(new)
    return merge_facts(facts)


__all__ = ["assemble_facts", "assemble_sentence"]
