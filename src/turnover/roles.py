"""Role-phrase tokens: the words of ``data/en/officials.json`` and the text cut by them.

An official's role is a long chain of capitalised words ("Chairman of the
Cabinet of Ministers of Kyrgyzstan"), so instead of one regex per pattern the
text is cut into classified tokens (title, modifier, connector, country, name
...) that ``people`` walks. Only paragraphs holding a title word are cut: no
other paragraph can name an official, and cutting is the costly part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from turnover.countries import lookup_country
from turnover.lexicon import alternation, load_table, lowered

# Token kinds.
NAME, INITIAL, PARTICLE, TITLE, MOD, CONN, COUNTRY, ACRONYM, COMMA, STOP = range(10)
ROLE_KINDS = frozenset({TITLE, MOD, CONN, COUNTRY, ACRONYM, NAME, INITIAL, PARTICLE})
NAME_KINDS = frozenset({NAME, INITIAL, PARTICLE})
# Title levels: a generic title needs a state in its role, a head title only
# needs no foreign organisation, a state title stands on its own.
GENERIC, HEAD, STATE = 1, 2, 3

_TOKEN = re.compile(
    r"(?:then|ex|former)-(?=[^\W\d_])"  # "then-Prime Minister"
    r"|[A-Z]\.(?=\s?[A-Z])"  # an initial: "V. Matviyenko"
    r"|[^\W\d_]+(?:['-][^\W\d_]+)*"  # a word, inner hyphens/apostrophes kept
    r"|\d[\d.,]*|\n|[^\w\s]"
)
# English words no one is named after ("Statistics", "Development", "Ministries").
_COMMON_SUFFIX = re.compile(r"(?:tion|sion|ment|ics|ture|ity|ism|ship|ness|ies)$")
MAX_ROLE_TOKENS = 30
WINDOW_BEFORE, WINDOW_AFTER = 150, 200


@dataclass(frozen=True, slots=True)
class Lexicon:
    """officials.json compiled once: token word sets and role-phrase patterns."""

    titles: dict[str, int]
    plural_titles: frozenset[str]
    modifiers: frozenset[str]
    bodies: frozenset[str]
    connectors: frozenset[str]
    host_connectors: frozenset[str]
    partner_connectors: frozenset[str]
    state_bodies: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    travel: frozenset[str]
    institutions: re.Pattern[str]
    institution_codes: dict[str, str]
    state_phrases: re.Pattern[str]
    non_state: re.Pattern[str]
    international: re.Pattern[str]
    prefilter: re.Pattern[str]


def _words(table: dict, key: str) -> list[str]:
    return table[key]["words"]


@cache
def lexicon() -> Lexicon:
    table = load_table("officials")
    titles: dict[str, int] = {}
    for key, level in (("generic_titles", GENERIC), ("head_titles", HEAD), ("state_titles", STATE)):
        for word in _words(table, key):
            titles[word.lower()] = level
    institution_codes = {
        phrase.lower(): code
        for code, phrases in table["institutions"].items()
        if not code.startswith("_")
        for phrase in phrases
    }
    by_letter: dict[str, list[str]] = {}
    for title in sorted((t for t in titles if t.isalpha()), key=len, reverse=True):
        by_letter.setdefault(title[0], []).append(re.escape(title[1:]))
    first_letters = "|".join(f"{k}(?:{'|'.join(v)})" for k, v in by_letter.items())
    return Lexicon(
        titles=titles,
        plural_titles=frozenset(_words(table, "plural_titles")),
        modifiers=frozenset(
            w.lower() for key in ("modifiers", "state_bodies") for w in _words(table, key)
        ),
        bodies=frozenset(_words(table, "other_bodies")),
        connectors=frozenset(_words(table, "connectors")),
        host_connectors=frozenset(table["connectors"]["host"]),
        partner_connectors=frozenset(table["connectors"]["partner"]),
        state_bodies=frozenset(_words(table, "state_bodies")),
        particles=frozenset(_words(table, "particles")),
        not_names=frozenset(_words(table, "not_names") + _words(table, "news_agencies")),
        travel=frozenset(_words(table, "travel_words")),
        institutions=re.compile(rf"\b(?:{alternation(list(institution_codes))})\b", re.I),
        institution_codes=institution_codes,
        state_phrases=re.compile(
            rf"\b(?:{alternation(table['state_body_phrases']['phrases'])})\b", re.I
        ),
        non_state=re.compile(rf"\b(?:{alternation(table['non_state_bodies']['phrases'])})\b", re.I),
        international=re.compile(
            rf"\b(?:{alternation(table['international_bodies']['acronyms'])})\b"
        ),
        # Run on lower-cased paragraphs: far faster than re.IGNORECASE.
        prefilter=re.compile(rf"\b(?:{first_letters})\b"),
    )


@dataclass(slots=True)
class Token:
    kind: int
    start: int
    end: int  # without a possessive "'s"
    low: str
    level: int = 0  # title level
    code: str | None = None  # country code
    mention: int = -1  # index of the country mention the token belongs to
    possessive: bool = False


def _classify(word: str, lex: Lexicon) -> tuple[int, int]:
    """Return (kind, title level) of one word, knowing nothing of its neighbours."""
    low = word.lower()
    if low in lex.titles:
        return TITLE, lex.titles[low]
    if low in lex.connectors and (word.islower() or word == "The"):
        return CONN, 0
    if low in lex.modifiers:
        return MOD, 0
    if word[0].isupper():
        if word in lex.not_names:
            return STOP, 0
        if len(word) > 1 and word.isupper():
            return ACRONYM, 0
        if low in lex.bodies or _COMMON_SUFFIX.search(low):
            return MOD, 0
        return NAME, 0
    if low in lex.particles:
        return PARTICLE, 0
    if "-" in low:
        parts = low.split("-")
        levels = [lex.titles[p] for p in parts if p in lex.titles]
        if levels:
            return TITLE, max(levels)
        if all(p in lex.modifiers for p in parts):
            return MOD, 0
    return STOP, 0


def title_windows(norm: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Stretches of text around title words: the only places an official is named.

    A window runs from WINDOW_BEFORE characters before a title word (a name
    with its role after it) to WINDOW_AFTER after it (a long role, then the
    name, then names listed with it), inside its paragraph, cut at spaces.
    """
    if norm.isascii():
        return _ascii_title_windows(norm, lex)
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in norm.split("\n"):
        lower = paragraph.lower()
        hits = list(lex.prefilter.finditer(lower))
        if hits and not title_case(paragraph):
            if len(lower) != len(paragraph):  # lower() moved offsets: take it all
                windows = [(0, len(paragraph))]
            else:
                windows = [_window(paragraph, h.start(), h.end()) for h in hits]
            for a, b in windows:
                if spans and start + a <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], max(spans[-1][1], start + b))
                else:
                    spans.append((start + a, start + b))
        start += len(paragraph) + 1
    return spans


def _ascii_title_windows(norm: str, lex: Lexicon) -> list[tuple[int, int]]:
    """`title_windows` of ASCII text: one prefilter scan of the whole lower-cased article.

    The same windows as the paragraph by paragraph loop (lower() keeps offsets
    on ASCII text, and a title word never spans a line break), but the scan
    runs once and the paragraphs without a title word are never cut or lowered.
    """
    spans: list[tuple[int, int]] = []
    para_end = -1  # the paragraph [para_start, para_end) of the hits being gathered
    paragraph = ""
    skip = False
    for hit in lex.prefilter.finditer(lowered(norm)):
        h = hit.start()
        if h >= para_end:
            para_start = norm.rfind("\n", 0, h) + 1
            para_end = norm.find("\n", h)
            para_end = len(norm) if para_end < 0 else para_end
            paragraph = norm[para_start:para_end]
            skip = title_case(paragraph)
        if skip:
            continue
        a, b = _window(paragraph, h - para_start, hit.end() - para_start)
        if spans and para_start + a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], para_start + b))
        else:
            spans.append((para_start + a, para_start + b))
    return spans


def _window(paragraph: str, hit_start: int, hit_end: int) -> tuple[int, int]:
    a, b = hit_start - WINDOW_BEFORE, hit_end + WINDOW_AFTER
    a = 0 if a <= 0 else paragraph.find(" ", a) + 1
    b = len(paragraph) if b >= len(paragraph) else max(paragraph.rfind(" ", 0, b), hit_end)
    return a, b


def tokenise(norm: str, spans: list[tuple[int, int]], mentions: list, lex: Lexicon):
    """Classified tokens of the given spans, a STOP between spans.

    The hot loop of officials: each token costs one cached lookup of its word
    (`_plan`) and one Token; only words glued to a connector take the slow path.
    """
    tokens: list[Token] = []
    append = tokens.append
    m_index, m_count = 0, len(mentions)
    m_start, m_end = (mentions[0].start, mentions[0].end) if mentions else (-1, -1)
    for a, b in spans:
        for m in _TOKEN.finditer(norm, a, b):
            start, end = m.span()
            word = m.group()
            if m_index < m_count and m_end <= start:
                while m_index < m_count and mentions[m_index].end <= start:
                    m_index += 1
                if m_index < m_count:
                    m_start, m_end = mentions[m_index].start, mentions[m_index].end
            if m_index < m_count and m_start <= start:
                own = word.endswith("'s")
                code = mentions[m_index].code
                append(Token(COUNTRY, start, end, word.lower(), 0, code, m_index, possessive=own))
                continue
            plan = _plan(word)
            if plan is None:
                _glued(word, start, lex, tokens)
                continue
            kind, level, low, possessive = plan
            if (
                kind == STOP
                and tokens
                and tokens[-1].kind == STOP
                and low != "and" != tokens[-1].low
            ):
                continue  # a run of stop words reads as one stop (fewer tokens to build and walk)
            append(
                Token(kind, start, end - 2 if possessive else end, low, level, None, -1, possessive)
            )
        append(Token(STOP, b, b, "\n"))
    return tokens


@lru_cache(maxsize=1 << 16)
def _plan(word: str) -> tuple[int, int, str, bool] | None:
    """(kind, title level, low, possessive) of a token that is not a country; words repeat a lot.

    None for a word glued to a connector ("toIran"), which `_glued` splits.
    """
    first = word[0]
    if first == ",":
        return COMMA, 0, word, False
    if not first.isalpha():
        return STOP, 0, word, False
    if len(word) == 2 and word[1] == ".":
        return INITIAL, 0, word.lower(), False
    if first.islower() and not word.islower():
        cut = next(i for i, ch in enumerate(word) if ch.isupper())
        if word[:cut] in lexicon().connectors:
            return None
    return _word_info(word)


def _word_token(word: str, start: int, end: int, lex: Lexicon) -> Token:
    kind, level, low, possessive = _word_info(word)
    return Token(kind, start, end - 2 if possessive else end, low, level, possessive=possessive)


def _word_info(word: str) -> tuple[int, int, str, bool]:
    """(kind, title level, lower-cased word, possessive) of a word (cached by `_plan`)."""
    possessive = word.endswith("'s") and len(word) > 3
    if possessive:
        word = word[:-2]
    kind, level = _classify(word, lexicon())
    return kind, level, word.lower(), possessive


def _glued(word: str, start: int, lex: Lexicon, tokens: list[Token]) -> bool:
    """Split "toIran" (a space lost in scraping) into a connector and a word."""
    cut = next(i for i, ch in enumerate(word) if ch.isupper())
    if word[:cut] not in lex.connectors:
        return False
    tokens.append(Token(CONN, start, start + cut, word[:cut]))
    rest, at = word[cut:], start + cut
    code = lookup_country(rest.removesuffix("'s"))
    if code:
        tokens.append(Token(COUNTRY, at, at + len(rest), rest.lower(), code=code, mention=-at - 1))
    else:
        tokens.append(_word_token(rest, at, at + len(rest), lex))
    return True


def title_case(line: str) -> bool:
    """A Title Case headline, where every word looks like a name."""
    if line.rstrip().endswith("."):
        return False
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].islower() for w in words) <= len(words) // 10
