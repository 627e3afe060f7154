"""Loading the language tables the extractor knows (dateparser-style data files).

The words live in ``turnover/data/<lang>/*.json``; adding an alias, a currency
word or a trade verb is a data change. This module only loads and caches them.
"""

from __future__ import annotations

import json
import re
import string
from functools import cache, lru_cache
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "en"


@cache
def load_table(name: str, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Return the parsed JSON table ``data/<language>/<name>.json``."""
    path = resources.files("turnover") / "data" / language / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words that prefers the longest ("trade turnover"
    over "trade"), written as a trie: "trade(?: turnover| volume)?" rather than
    "trade turnover|trade volume|trade". The regex engine tries alternatives one by
    one at every position, so sharing prefixes makes long word lists several times
    faster; the matches are the same as those of the plain longest-first alternation.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [
        re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Longer words first: the greedy "?" tries the continuation, then stops here.
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
    return body


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@lru_cache(maxsize=8)
def lowered(norm: str) -> str:
    """``norm`` with ASCII letters in lower case: same length, same offsets.

    Word-list patterns are compiled in lower case and run on this copy: a
    case-sensitive alternation is several times faster than the same
    alternation with re.IGNORECASE (the hot path).
    """
    if norm.isascii():  # the common case: str.lower() is the same and ~2x faster
        return norm.lower()
    return norm.translate(_ASCII_LOWER)
