"""Compiled trade vocabulary from ``data/en/trade.json``: flow words, blockers, cues.

Each list of words becomes one precompiled pattern, built once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from turnover.amounts import _alternation
from turnover.lexicon import load_table

TURNOVER, EXPORT, IMPORT = "T", "X", "M"


@dataclass(frozen=True, slots=True)
class FlowWord:
    """A word naming a trade flow at ``start:end``; ``world`` for "foreign trade"."""

    start: int
    end: int
    flow: str  # TURNOVER, EXPORT or IMPORT
    world: bool


def _words(words: list[str]) -> str:
    return rf"(?<![\w-])(?:{_alternation(words)})(?![\w])"


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


def _stems(flow_words: dict[str, str]) -> set[str]:
    """Five-letter stems of the one-word flow words: a cheap "may speak of trade" test."""
    return {w[:5] for w in flow_words if " " not in w and "-" not in w}


@cache
def vocabulary() -> Vocabulary:
    t = load_table("trade")
    kind = {w.lower(): TURNOVER for w in t["turnover_words"]}
    kind.update({w.lower(): EXPORT for w in t["export_words"]})
    kind.update({w.lower(): IMPORT for w in t["import_words"]})
    flows = re.compile(_words(list(kind)), re.IGNORECASE)
    return Vocabulary(
        flows=flows,
        flow_kind=kind,
        not_after=re.compile(rf"\s*(?:{_alternation(t['not_flow_after'])})(?![\w])", re.IGNORECASE),
        not_before=re.compile(rf"(?:{_alternation(t['not_flow_before'])})\s*$", re.IGNORECASE),
        world=re.compile(_words(t["world_markers"]), re.IGNORECASE),
        blockers=re.compile(_words(t["blockers"])),
        blockers_before_flow=re.compile(_words(t["flow_blockers_before"]), re.IGNORECASE),
        commodities=re.compile(_words(t["commodities"]), re.IGNORECASE),
        target_cues=re.compile(_words(t["target_cues"]), re.IGNORECASE),
        weak_target_cues=re.compile(_words(t["weak_target_cues"]), re.IGNORECASE),
        value_cues=re.compile(_words(t["value_cues"]), re.IGNORECASE),
        vague_horizon=re.compile(_words(list(t["horizon_words"])), re.IGNORECASE),
        trade_hint=re.compile(_alternation(sorted(_stems(kind))), re.IGNORECASE),
    )


_WORLD_MODIFIER = re.compile(r"\b(?:total|overall|foreign|external|global)\s+$", re.IGNORECASE)


def find_flows(norm: str, start: int, end: int) -> list[FlowWord]:
    """Flow words in ``norm[start:end]`` that name trade figures, not trade bodies."""
    v = vocabulary()
    found: list[FlowWord] = []
    for m in v.flows.finditer(norm, start, end):
        word = m.group().lower()
        if v.not_after.match(norm, m.end(), min(end, m.end() + 40)):
            continue
        if v.not_before.search(norm[max(start, m.start() - 40) : m.start()]):
            continue  # "World Trade Organization", "Ministry of Foreign Trade"
        world = v.world.fullmatch(m.group()) is not None or (
            _WORLD_MODIFIER.search(norm, max(start, m.start() - 12), m.start()) is not None
        )
        found.append(FlowWord(m.start(), m.end(), v.flow_kind[word], world))
    return found
