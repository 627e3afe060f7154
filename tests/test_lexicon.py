"""The trie-shaped word alternation matches exactly what a longest-first one does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from turnover.lexicon import alternation, load_table

WORD = st.text(alphabet="ab -.", min_size=1, max_size=5)


def plain(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    bounded = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])")
    return [m.span() for m in bounded.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=12), st.text(alphabet="ab -.x", max_size=60))
def test_trie_alternation_matches_like_longest_first(words: list[str], text: str) -> None:
    assert spans(alternation(words), text) == spans(plain(words), text)


def test_trie_alternation_on_the_trade_vocabulary() -> None:
    table = load_table("trade")
    words = [w.lower() for w in table["turnover_words"] + table["export_words"]]
    text = (
        "trade turnover and trade volumes rose; exports, exported goods and the "
        "foreign trade turnover of re-exports grew. mutual trade turnover fell."
    )
    assert spans(alternation(words), text) == spans(plain(words), text)


def test_shared_prefixes_are_written_once() -> None:
    assert alternation(["trade", "trade turnover", "trade volume"]) == (
        r"trade(?:\ (?:turnover|volume))?"
    )
