"""Fact assembly: from the mentions of one sentence to grounded facts.

For every amount or percent in a sentence the assembler asks four questions
(which flow? which countries? which period or horizon? report or goal?) and
answers each from the words nearest to it, then from the paragraph, then from
the article's title and lead. `reading.py` holds the period rules, `merge.py`
what happens to repeats.
"""

from __future__ import annotations

import re
from datetime import date

from turnover.amounts import Amount, find_amounts
from turnover.article import Article
from turnover.clauses import (
    ABSOLUTE_CHANGE,
    BASE_CUE,
    DIFFERENCE_AFTER,
    DIFFERENCE_WORD,
    EQUIVALENT_GAP,
    IN_OTHER_TERMS,
    PAREN_BASE,
    PRONOUN_SUBJECT,
    REFERENCE,
    TARGET_AFTER,
    Quantity,
    blocked,
    blocked_near,
    governing_flow,
    is_target,
)
from turnover.context import (
    Context,
    article_countries,
    recall_previous,
    reference_date,
    topic_of,
    within,
)
from turnover.countries import pair_key
from turnover.frames import Frame, orient
from turnover.horizons import horizon_start, in_years, target_year
from turnover.lexicon import lowered
from turnover.merge import merge_facts
from turnover.models import Fact
from turnover.pairs import locate_pair
from turnover.percents import Change, find_changes
from turnover.periods import PeriodMention, find_periods, resolve
from turnover.reading import Reading, figure_period, sentence_periods
from turnover.sentences import Sentence, split_sentences
from turnover.vocabulary import IMPORT, TURNOVER, FlowWord, find_flows, vocabulary

_WHICH_WAS = re.compile(
    r"\s*,?\s*(?:which|when it|when they)\s+(?:was|were|stood at|amounted to|totaled|totalled)\s*",
    re.IGNORECASE,
)
_FIGURES_PAREN = re.compile(r"\s*(?:figures?|levels?|data|indicators?)?\s*\(\s*", re.IGNORECASE)
_PART_VS_WHOLE = re.compile(
    r"\bso\s+far\b.*\b(?:whole|all|entire|full)\s+(?:of\s+)?(?:last|the\s+previous)\s+year",
    re.IGNORECASE,
)
_CHANGE_TO_LEVEL = re.compile(r"\s*,?\s*(?:to|reaching|at)\s+$", re.IGNORECASE)
# A number or a ratio word; read on the lower-cased copy (no IGNORECASE: the hot path).
_QUICK_FILTER = re.compile(r"\d|doubl|tripl|halv|fold|illion")


def _figures(norm: str, s: Sentence) -> list[Quantity]:
    """Amounts and changes of a sentence, without restatements in another currency
    ("$12.3 billion, about 4.5 trillion naira")."""
    found = sorted(
        [*find_amounts(norm, s.start, s.end), *find_changes(norm, s.start, s.end)],
        key=lambda x: x.start,
    )
    kept: list[Quantity] = []
    for q in found:
        if isinstance(q, Amount) and kept and isinstance(kept[-1], Amount):
            gap = norm[kept[-1].end : q.start]
            if len(gap) <= 12 and EQUIVALENT_GAP.fullmatch(gap) and q.currency != kept[-1].currency:
                continue
        kept.append(q)
    return kept


def _flow_of(r: Reading, i: int) -> tuple[FlowWord | None, bool]:
    """The flow word governing figure i, and whether it was inherited from "it"."""
    norm, s, ctx, q = r.norm, r.s, r.ctx, r.quantities[i]
    f = governing_flow(norm, q, r.flows, s)
    if (
        f is not None
        and f.start > q.end
        and ctx.flow is not None
        and PRONOUN_SUBJECT.match(norm, s.start, s.end)
    ):
        f = None  # "It rose 28.7% to $18 billion, with exports ...": "it" is the last figure
    if f is not None:
        return f, False
    if ctx.flow is None and ctx.previous is not None:
        recall_previous(r.article, ctx)
    if ctx.flow is not None and (
        PRONOUN_SUBJECT.match(norm, s.start, s.end) or REFERENCE.search(norm, s.start, q.start)
    ):
        return ctx.flow, True
    return None, False


def _is_difference(r: Reading, i: int) -> bool:
    """ "grew by $12 million", "$940 million, or 10.5 percent more", "$98.5 million fewer"."""
    norm, q, qs = r.norm, r.quantities[i], r.quantities
    if not isinstance(q, Amount):
        return False
    if ABSOLUTE_CHANGE.search(norm, max(r.s.start, q.start - 25), q.start):
        return True
    if DIFFERENCE_WORD.match(norm, q.end):
        return True
    nxt = qs[i + 1] if i + 1 < len(qs) else None
    return (
        isinstance(nxt, Change)
        and re.fullmatch(r"\s*,?\s*(?:or|i\.e\.)\s*(?:by\s+)?", norm[q.end : nxt.start]) is not None
        and DIFFERENCE_AFTER.match(norm, nxt.end, nxt.end + 30) is not None
    )


def _base_of(r: Reading, i: int) -> tuple[bool, PeriodMention | None, bool]:
    """Is figure i the base of a comparison? Returns (base, its period mention, skip).

    "compared with $5.1bn in 2022", "... 2021 ($90 million)", "($90 million over
    the same period of 2021)", "the same period of 2021, which was $4.2 billion";
    skip is set for an equivalent in brackets ("2 trillion rubles ($25 billion)").
    """
    norm, s, q, periods = r.norm, r.s, r.quantities[i], r.periods
    if not isinstance(q, Amount):
        return False, None, False
    base = bool(BASE_CUE.search(norm[max(s.start, q.start - 30) : q.start]))
    if PAREN_BASE.search(norm, max(s.start, q.start - 3), q.start):
        prev = r.quantities[i - 1] if i else None
        if isinstance(prev, Amount) and prev.currency != q.currency:
            return False, None, True
        mention = next(
            (pm for pm, _, c in periods if c and _FIGURES_PAREN.fullmatch(norm, pm.end, q.start)),
            None,
        )
        if mention is not None:
            return True, mention, False
    if base:
        return True, None, False
    after = next((pm for pm, _, c in periods if pm.start >= q.end), None)
    if (
        after is not None
        and after.same_period
        and re.fullmatch(
            r"\s*(?:million|billion)?\s*(?:over|in|for|during)\s+", norm[q.end : after.start]
        )
    ):
        return True, None, False
    before = next((m for m, _, c in reversed(periods) if m.end <= q.start and c), None)
    if before is not None and _WHICH_WAS.fullmatch(norm, before.end, q.start):
        return True, before, False
    return False, None, False


def _read_figure(r: Reading, i: int) -> Fact | None:
    """Read figure i of the sentence into a fact, or None when it is not one."""
    norm, s, ctx, q = r.norm, r.s, r.ctx, r.quantities[i]
    f, inherited = _flow_of(r, i)
    if f is None:
        return None
    if blocked_near(norm, s.start, q) if inherited else blocked(norm, f, q, s.start):
        return None
    if _is_difference(r, i):
        return None
    base, base_mention, skip = _base_of(r, i)
    if skip:
        return None
    # Countries: the flow word's own frame, else the paragraph's, else the topic.
    if inherited:
        frame = ctx.flow_frame or Frame(None, None)  # what "it" refers to
    else:
        frame = locate_pair(r.article, s, ctx, f, i, r.quantities, r.countries)
    pair = orient(frame, f.flow) if frame is not None else None
    if pair is None:
        return None
    flow = "turnover" if f.flow == TURNOVER else "export"
    countries_out = pair_key(*pair) if flow == "turnover" else pair
    partner_fact = r.emitted.get(i - 1)
    previous_end = r.quantities[i - 1].end if i else s.start
    if partner_fact is not None and (
        (
            partner_fact.kind != "value"
            if isinstance(q, Change)
            else partner_fact.kind != "change"
            or not _CHANGE_TO_LEVEL.match(norm, previous_end, q.start)
        )
        or any(previous_end <= x.start < q.start for x in [*r.countries, *r.flows])
    ):
        partner_fact = None
    if partner_fact is not None:
        # "Germany (more than $173.6 million, up 97.7%)": the change of that figure;
        # "with the USA - by 13.1% to $161.59 billion": the level the change reached.
        flow, countries_out = partner_fact.flow, partner_fact.countries
    oriented = Frame(*pair) if f.flow != IMPORT else Frame(pair[1], pair[0])
    quote, span = r.article.text[s.start : s.end], (s.start, s.end)
    if (
        isinstance(q, Amount)
        and not base
        and (is_target(norm, q, f, s) or TARGET_AFTER.match(norm, q.end))
    ):
        if r.published is None and ctx.reference is None:
            ctx.reference = reference_date(r.article)  # read only when a goal needs "now"
        now = r.published or ctx.reference
        by = target_year(norm, q, s, r.periods, now, ctx.horizon_start)
        at = in_years(norm, s.start, s.end)
        if now is not None and at is not None:
            ctx.horizon_start = horizon_start(r.periods, at, now) or ctx.horizon_start
        ctx.flow, ctx.flow_frame = f, oriented
        return Fact(
            "target",
            flow,
            countries_out,
            q.value,
            q.currency,
            None,
            None,
            by,
            quote,
            span,
            q.qualifier,
        )
    if isinstance(q, Change) and (
        (not inherited and is_target(norm, q, f, s))
        or IN_OTHER_TERMS.match(norm, q.end)
        or _PART_VS_WHOLE.search(norm, s.start, q.start)
    ):
        return None  # "plans to raise exports by 20%"; "in rupee terms": a restatement
    key = (flow, countries_out)
    period = figure_period(r, i, key, base, base_mention, partner_fact)
    if isinstance(q, Change):
        fact = Fact("change", flow, countries_out, None, None, q.percent, period, None, quote, span)
    else:
        fact = Fact(
            "value",
            flow,
            countries_out,
            q.value,
            q.currency,
            None,
            period,
            None,
            quote,
            span,
            q.qualifier,
        )
    r.emitted[i] = fact
    if not base:
        r.last_main[key], r.main_end[key] = period, q.end
        ctx.frame, ctx.flow, ctx.flow_frame = oriented, f, oriented
        ctx.last_paragraph = s.paragraph
        if period is not None:
            ctx.period = period
    return fact


def assemble_sentence(
    article: Article, s: Sentence, ctx: Context, published: date | None
) -> list[Fact]:
    """The facts of one sentence, read figure by figure with the article's context."""
    norm = article.norm
    if not _QUICK_FILTER.search(lowered(norm), s.start, s.end):
        return []
    quantities = _figures(norm, s)
    if not quantities:
        return []
    countries = within(ctx.mentions, s.start, s.end)
    r = Reading(
        article,
        s,
        ctx,
        published,
        quantities,
        find_flows(norm, s.start, s.end),
        countries,
        sentence_periods(norm, s, ctx, countries, published),
    )
    for i in range(len(quantities)):
        fact = _read_figure(r, i)
        if fact is not None:
            r.facts.append(fact)
    if countries:
        ctx.recent = countries  # for "the country's" in the sentences that follow
    return r.facts


def assemble_facts(article: Article) -> list[Fact]:
    """All facts of an article, repeats merged (FACTS.md: one fact per key)."""
    low = lowered(article.norm)
    if not vocabulary().trade_hint.search(low) or not _QUICK_FILTER.search(low):
        return []  # no trade word or no number: nothing to read (the cheap pre-filter)
    published = article.published_date
    sentences = split_sentences(article.norm)
    mentions = article_countries(article)
    ctx = Context(topic=topic_of(article, sentences, mentions), mentions=mentions)
    facts: list[Fact] = []
    for s in sentences:
        if s.paragraph != ctx.paragraph:
            ctx.paragraph, ctx.frame = s.paragraph, None
        new = assemble_sentence(article, s, ctx, published)
        ctx.previous = None if new else s
        if ctx.lead_period is None and s.paragraph <= 2:
            ctx.lead_period = next((f.period for f in new if f.period is not None), None)
            if ctx.lead_period is None and vocabulary().trade_hint.search(low, s.start, s.end):
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
