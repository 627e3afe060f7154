"""Compiled trade vocabulary from ``data/en/trade.json``: flow words, blockers, cues.

Each list of words becomes one precompiled pattern, built once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from turnover.lexicon import alternation, load_table, lowered

TURNOVER, EXPORT, IMPORT = "T", "X", "M"


@dataclass(frozen=True, slots=True)
class FlowWord:
    """A word naming a trade flow at ``start:end``; ``world`` for "foreign trade"."""

    start: int
    end: int
    flow: str  # TURNOVER, EXPORT or IMPORT
    world: bool


def _words(words: list[str]) -> str:
    return rf"(?<![\w-])(?:{alternation([w.lower() for w in words])})(?![\w])"


@dataclass(frozen=True)
class Vocabulary:
    flows: re.Pattern[str]
    flow_kind: dict[str, str]
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]
    world: re.Pattern[str]
    blockers: re.Pattern[str]
    blockers_before_flow: re.Pattern[str]
    commodities: re.Pattern[str]
    target_cues: re.Pattern[str]
    weak_target_cues: re.Pattern[str]
    value_cues: re.Pattern[str]
    vague_horizon: re.Pattern[str]
    trade_hint: re.Pattern[str]
    bloc_internal: re.Pattern[str]
    share_of: re.Pattern[str]


def _lower(words: list[str]) -> list[str]:
    return [w.lower() for w in words]


def _stems(flow_words: dict[str, str]) -> set[str]:
    """Five-letter stems of the one-word flow words: a cheap "may speak of trade" test."""
    return {w[:5] for w in flow_words if " " not in w and "-" not in w}


@cache
def vocabulary() -> Vocabulary:
    t = load_table("trade")
    kind = {w.lower(): TURNOVER for w in t["turnover_words"]}
    kind.update({w.lower(): EXPORT for w in t["export_words"]})
    kind.update({w.lower(): IMPORT for w in t["import_words"]})
    flows = re.compile(_words(list(kind)))
    return Vocabulary(
        flows=flows,
        flow_kind=kind,
        not_after=re.compile(rf"\s*(?:{alternation(_lower(t['not_flow_after']))})(?![\w])"),
        not_before=re.compile(rf"(?:{alternation(_lower(t['not_flow_before']))})\s*$"),
        world=re.compile(_words(t["world_markers"])),
        blockers=re.compile(rf"(?<![\w-])(?:{alternation(t['blockers'])})(?![\w])"),
        blockers_before_flow=re.compile(_words(t["flow_blockers_before"])),
        commodities=re.compile(_words(t["commodities"])),
        target_cues=re.compile(_words(t["target_cues"])),
        weak_target_cues=re.compile(_words(t["weak_target_cues"])),
        value_cues=re.compile(_words(t["value_cues"])),
        vague_horizon=re.compile(_words(list(t["horizon_words"]))),
        trade_hint=re.compile(alternation(sorted(_stems(kind)))),
        bloc_internal=re.compile(_words(t["bloc_internal_words"])),
        # "Turkey accounted for 5.4% (a share, $1bn) of Uzbekistan's ...": the subject
        # is the partner of the country whose trade follows.
        share_of=re.compile(
            rf"\s+(?:{alternation(t['share_verbs'])})\s+(?:an?\s+)?(?:almost\s+|about\s+|over\s+)?"
            r"\d+(?:[.,]\d+)?\s*(?:%|percent|per\s+cent)\s*(?:share\s*)?(?:\([^)]{0,40}\)\s*)?"
            r"(?:of|in)\s+(?:the\s+)?$"
        ),
    )


_SHARE_OF = re.compile(r"(?:%|percent|per\s+cent)\s+of\s+(?:(?:the|its|their|total)\s+)*$")
_WORLD_MODIFIER = re.compile(r"\b(?:total|overall|foreign|external|global)\s+$")


def find_flows(norm: str, start: int, end: int) -> list[FlowWord]:
    """Flow words in ``norm[start:end]`` that name trade figures, not trade bodies."""
    v = vocabulary()
    found: list[FlowWord] = []
    low = lowered(norm)
    for m in v.flows.finditer(low, start, end):
        word = m.group()
        if v.not_after.match(low, m.end(), min(end, m.end() + 40)):
            continue
        if v.not_before.search(low[max(start, m.start() - 40) : m.start()]):
            continue  # "World Trade Organization", "Ministry of Foreign Trade"
        if _SHARE_OF.search(low, max(start, m.start() - 40), m.start()):
            continue  # "56% of turnover": the denominator of a share, not a figure
        world = v.world.fullmatch(word) is not None or (
            _WORLD_MODIFIER.search(low, max(start, m.start() - 12), m.start()) is not None
        )
        found.append(FlowWord(m.start(), m.end(), v.flow_kind[word], world))
    return found
