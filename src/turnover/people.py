"""Named state officials in an article (FACTS.md "A person").

News names an official through a *role phrase* next to the name: before it
("Belarusian Prime Minister Alexander Turchin", "Chairman of the Cabinet of
Ministers of Kyrgyzstan, Akylbek Japarov") or after it ("Denis Gonchar, Director
of ... the Russian Ministry of Foreign Affairs"). Role phrases are long chains of
capitalised words, so a regex per pattern would not scale; instead the text is
cut into classified tokens (title, modifier, connector, country, name ...) and a
role is the run of role tokens that touches a run of name tokens. The words
themselves live in ``data/en/officials.json``.

The country comes from the role (its first own country: not the host after
"to"/"in"), else from another mention of the same person, else from a state body
that names it ("Federation Council"), else from the article: the first country
it names, leaving out the host, the other side of talks and the countries of the
other officials named in the same sentence (a counterpart is from the other side).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from turnover.article import Article
from turnover.countries import GROUP_CODES, find_countries, lookup_country
from turnover.lexicon import load_table
from turnover.models import Person
from turnover.sentences import split_sentences

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
    r"|[^\W\d_](?:[^\W\d_]|['-](?=[^\W\d_]))*"  # a word, inner hyphens/apostrophes kept
    r"|\d[\d.,]*|\n|[^\w\s]"
)
# English words no one is named after ("Statistics", "Development", "Ministries").
_COMMON_SUFFIX = re.compile(r"(?:tion|sion|ment|ics|ture|ity|ism|ship|ness|ies)$")
_MAX_ROLE_TOKENS = 30


@dataclass(frozen=True, slots=True)
class _Lexicon:
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
    non_state: re.Pattern[str]
    international: re.Pattern[str]
    prefilter: re.Pattern[str]


def _words(table: dict, key: str) -> list[str]:
    return [w for w in table[key]["words"]]


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@cache
def _lexicon() -> _Lexicon:
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
    return _Lexicon(
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
        institutions=re.compile(rf"\b(?:{_alternation(list(institution_codes))})\b", re.I),
        institution_codes=institution_codes,
        non_state=re.compile(
            rf"\b(?:{_alternation(table['non_state_bodies']['phrases'])})\b", re.I
        ),
        international=re.compile(
            rf"\b(?:{_alternation(table['international_bodies']['acronyms'])})\b"
        ),
        # Run on lower-cased paragraphs: far faster than re.IGNORECASE.
        prefilter=re.compile(rf"\b(?:{first_letters})\b"),
    )


@dataclass(slots=True)
class _Token:
    kind: int
    start: int
    end: int  # without a possessive "'s"
    low: str
    level: int = 0  # title level
    code: str | None = None  # country code
    mention: int = -1  # index of the country mention the token belongs to
    possessive: bool = False


def _classify(word: str, lex: _Lexicon) -> tuple[int, int]:
    """Return (kind, title level) of one word, knowing nothing of its neighbours."""
    low = word.lower()
    if low in lex.titles:
        return TITLE, lex.titles[low]
    if low in lex.connectors and (word.islower() or word == "The"):
        return CONN, 0
    if low in lex.modifiers:
        return MOD, 0
    if word[0].isupper():
        if word in lex.not_names or (word[0] == "T" and low == "the"):
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


def _paragraphs(norm: str, lex: _Lexicon) -> list[tuple[int, int]]:
    """The paragraphs that hold a title word: the only places an official is named."""
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in norm.split("\n"):
        if lex.prefilter.search(paragraph.lower()) and not _title_case(paragraph):
            spans.append((start, start + len(paragraph)))
        start += len(paragraph) + 1
    return spans


def _tokenise(norm: str, spans: list[tuple[int, int]], mentions: list, lex: _Lexicon):
    """Classified tokens of the given spans, a STOP between spans."""
    tokens: list[_Token] = []
    m_index, m_count = 0, len(mentions)
    for a, b in spans:
        for m in _TOKEN.finditer(norm, a, b):
            word, start, end = m.group(), m.start(), m.end()
            while m_index < m_count and mentions[m_index].end <= start:
                m_index += 1
            if m_index < m_count and mentions[m_index].start <= start:
                own = word.endswith("'s")
                code = mentions[m_index].code
                tokens.append(
                    _Token(COUNTRY, start, end, word.lower(), 0, code, m_index, possessive=own)
                )
                continue
            first = word[0]
            if first == ",":
                tokens.append(_Token(COMMA, start, end, word))
            elif not first.isalpha():
                tokens.append(_Token(STOP, start, end, word))
            elif len(word) == 2 and word[1] == ".":
                tokens.append(_Token(INITIAL, start, end, word.lower()))
            elif not (first.islower() and not word.islower() and _glued(word, start, lex, tokens)):
                tokens.append(_word_token(word, start, end, lex))
        tokens.append(_Token(STOP, b, b, "\n"))
    return tokens


def _word_token(word: str, start: int, end: int, lex: _Lexicon) -> _Token:
    kind, level, low, possessive = _word_info(word)
    return _Token(kind, start, end - 2 if possessive else end, low, level, possessive=possessive)


@lru_cache(maxsize=1 << 16)
def _word_info(word: str) -> tuple[int, int, str, bool]:
    """(kind, title level, lower-cased word, possessive) of a word; words repeat a lot."""
    possessive = word.endswith("'s") and len(word) > 3
    if possessive:
        word = word[:-2]
    kind, level = _classify(word, _lexicon())
    return kind, level, word.lower(), possessive


def _glued(word: str, start: int, lex: _Lexicon, tokens: list[_Token]) -> bool:
    """Split "toIran" (a space lost in scraping) into a connector and a word."""
    cut = next(i for i, ch in enumerate(word) if ch.isupper())
    if word[:cut] not in lex.connectors:
        return False
    tokens.append(_Token(CONN, start, start + cut, word[:cut]))
    rest, at = word[cut:], start + cut
    code = lookup_country(rest.removesuffix("'s"))
    if code:
        tokens.append(_Token(COUNTRY, at, at + len(rest), rest.lower(), code=code, mention=-at - 1))
    else:
        tokens.append(_word_token(rest, at, at + len(rest), lex))
    return True


@dataclass(slots=True)
class _Judged:
    """A role phrase found to describe a state official."""

    role: str
    own: list[str]  # countries the official belongs to, in order
    hosts: list[str]  # countries the official is posted to or visits
    plural: bool  # "Presidents of A and B": one role for several names
    institution: str | None = None


def _judge(tokens: list[_Token], norm: str, lex: _Lexicon) -> _Judged | None:
    """Decide whether role tokens describe a state official; None when they don't."""
    while tokens and tokens[0].kind == CONN:
        tokens = tokens[1:]
    while tokens and tokens[-1].kind == CONN:
        tokens = tokens[:-1]
    titles = [t for t in tokens if t.kind == TITLE]
    if not titles:
        return None
    text = norm[tokens[0].start : tokens[-1].end]
    if lex.non_state.search(text):
        return None
    own: list[str] = []
    hosts: list[str] = []
    seen: set[int] = set()
    hosting = False
    for t in tokens:
        if t.kind == CONN and t.low in lex.host_connectors:
            hosting = True
        elif t.kind == COUNTRY and t.mention not in seen:
            seen.add(t.mention)
            (hosts if hosting else own).append(t.code)  # type: ignore[arg-type]
    states = [c for c in own if c not in GROUP_CODES]
    if not states and (len(own) or lex.international.search(text)):
        return None  # an official of the EU, the UN, the WTO ...
    inst = lex.institutions.search(text)
    institution = lex.institution_codes[inst.group().lower()] if inst else None
    state_body = institution is not None or any(t.low in lex.state_bodies for t in tokens)
    level = max(t.level for t in titles)
    if level == HEAD:
        foreign = any(t.kind in (NAME, ACRONYM) or t.low in lex.bodies for t in tokens)
        if foreign and not (states or state_body):
            return None  # "TUSKON President", "Lukoil President"
    elif level == GENERIC and not (state_body or _attached_country(tokens, lex)):
        return None  # "chairman of Turkey's Foreign Economic Relations Board"
    plural = titles[0].low in lex.plural_titles
    return _Judged(text, states, hosts, plural, institution)


def _attached_country(tokens: list[_Token], lex: _Lexicon) -> bool:
    """A country that qualifies the title itself: "China's leader", "Representative of Russia"."""
    for n, t in enumerate(tokens):
        if t.kind != TITLE:
            continue
        k = n - 1
        while k >= 0 and tokens[k].kind == MOD and tokens[k].low not in lex.bodies:
            k -= 1
        if k >= 0 and tokens[k].kind == COUNTRY:
            return True
        after = [x for x in tokens[n + 1 : n + 4] if x.low != "the"]
        if len(after) > 1 and after[0].low == "of" and after[1].kind == COUNTRY:
            return not after[1].possessive
    return False


def _title_case(line: str) -> bool:
    """A Title Case headline, where every word looks like a name."""
    if line.rstrip().endswith("."):
        return False
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].islower() for w in words) <= len(words) // 10


def _name_runs(tokens: list[_Token]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of name tokens; a possessive ends a run."""
    runs = []
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i].kind not in (NAME, INITIAL):
            i += 1
            continue
        j = i + 1
        while j < n and not tokens[j - 1].possessive and tokens[j].kind in NAME_KINDS:
            j += 1
        while j > i and tokens[j - 1].kind != NAME:  # no particle or initial at the end
            j -= 1
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


@dataclass(slots=True)
class _Mention:
    """One name with a role: what a person is built from."""

    name: str
    parts: frozenset[str]
    start: int
    end: int
    role: str
    country: str | None  # stated by the role (or the state body it names)
    hosts: frozenset[str]


def _mentions(norm: str, lex: _Lexicon, countries: list, spans) -> list[_Mention]:
    tokens = _tokenise(norm, spans, countries, lex)
    taken: set[int] = set()  # token indexes already part of a person's name
    found: list[_Mention] = []
    previous: tuple[int, _Judged, int] | None = None  # (end index, role, position in role)
    for i, j in _name_runs(tokens):
        if j < len(tokens) and tokens[j].kind in (TITLE, MOD) and not tokens[j].low.islower():
            continue  # a name-like word inside an organisation's name
        judged, position = _role_before(tokens, i, norm, lex, taken), 0
        if judged is None and previous is not None:
            judged, position = _listed(tokens, previous, i, norm)
        if judged is None and j - i > 1:
            judged = _role_after(tokens, j, norm, lex)
        if judged is None:
            continue
        country = judged.own[position] if position < len(judged.own) else None
        if country is None and position == 0:
            country = _country_after(tokens, j) or judged.institution
        start, end = tokens[i].start, tokens[j - 1].end
        parts = frozenset(norm[t.start : t.end] for t in tokens[i:j] if t.kind == NAME)
        hosts = frozenset(judged.hosts)
        found.append(_Mention(norm[start:end], parts, start, end, judged.role, country, hosts))
        taken.update(range(i, j))
        previous = (j, judged, position)
    return found


def _role_before(tokens: list[_Token], i: int, norm: str, lex: _Lexicon, taken: set[int]):
    k = i - 1
    if k >= 0 and tokens[k].kind == COMMA:
        k -= 1
    if k < 0 or tokens[k].kind not in (TITLE, MOD, COUNTRY):
        return None
    end = k
    while k >= 0 and end - k < _MAX_ROLE_TOKENS and tokens[k].kind in ROLE_KINDS and k not in taken:
        if tokens[k].kind in NAME_KINDS:
            run_start = k
            while run_start > 0 and tokens[run_start - 1].kind in NAME_KINDS:
                run_start -= 1
            if run_start > 0 and tokens[run_start - 1].kind == TITLE:
                break  # another official's name: "... Commissioner Catherine Ashton and ..."
            k = run_start
        k -= 1
    return _judge(tokens[k + 1 : end + 1], norm, lex)


def _listed(tokens: list[_Token], previous: tuple[int, _Judged, int], i: int, norm: str):
    """A name listed after an official: "Presidents of A and B X and Y", "..., and China's Xi"."""
    prev_end, judged, position = previous
    between = tokens[prev_end:i]
    joins = 0
    while joins < len(between) and (between[joins].kind == COMMA or between[joins].low == "and"):
        joins += 1
    if joins == 0 or joins > 2:
        return None, 0
    rest = between[joins:]
    if not rest and judged.plural:
        return judged, position + 1
    if len(rest) == 1 and rest[0].kind == COUNTRY and rest[0].code not in GROUP_CODES:
        text = norm[rest[0].start : rest[0].end]
        return _Judged(text, [rest[0].code], [], False), 0  # type: ignore[list-item]
    return None, 0


def _role_after(tokens: list[_Token], j: int, norm: str, lex: _Lexicon):
    if j >= len(tokens) or tokens[j].kind != COMMA:
        return None
    k = j + 1
    while k < len(tokens) and k - j < _MAX_ROLE_TOKENS and tokens[k].kind in ROLE_KINDS:
        k += 1
    role = tokens[j + 1 : k]
    while role and role[0].kind == CONN:
        role = role[1:]
    if not role or role[0].kind not in (TITLE, MOD, COUNTRY) or role[-1].kind in NAME_KINDS:
        return None  # a role that ends in a name is that name's own
    return _judge(role, norm, lex)


def _country_after(tokens: list[_Token], j: int) -> str | None:
    """The country of "Trade Minister Vu Khoan of Viet Nam"."""
    if j + 1 < len(tokens) and tokens[j].low == "of" and tokens[j].kind == CONN:
        nxt = tokens[j + 1]
        if nxt.kind == CONN and nxt.low == "the" and j + 2 < len(tokens):
            nxt = tokens[j + 2]
        if nxt.kind == COUNTRY and nxt.code not in GROUP_CODES:
            return nxt.code
    return None


@dataclass(slots=True)
class _Person:
    name: str
    parts: frozenset[str]
    role: str
    country: str | None
    mentions: list[_Mention]


def _merge(mentions: list[_Mention]) -> list[_Person]:
    """One person per official: "Putin" joins "Vladimir Putin", "Li" joins "Li Keqiang"."""
    people: list[_Person] = []
    for m in mentions:
        match = None
        for p in reversed(people):
            if (m.parts <= p.parts or p.parts <= m.parts) and (
                m.country is None or p.country is None or m.country == p.country
            ):
                match = p
                break
        if match is None:
            people.append(_Person(m.name, m.parts, m.role, m.country, [m]))
            continue
        match.mentions.append(m)
        if len(m.parts) > len(match.parts):
            match.name, match.parts = m.name, m.parts
        if match.country is None and m.country:
            match.country, match.role = m.country, m.role
    return people


_WORD_RE = re.compile(r"[a-z]+")


def _partners(
    norm: str, m: _Mention, sentence: tuple[int, int], countries: list, lex: _Lexicon
) -> set[str]:
    """Countries an official's sentence sets apart from him.

    "talks with Kyrgyzstan", "met with his Kyrgyz counterpart" name the other
    side; "visit of President X to Azerbaijan" names where he goes.
    """
    a, b = sentence
    travel = next((w for w in _WORD_RE.finditer(norm, a, b) if w.group() in lex.travel), None)
    found = set()
    for c in countries:
        if not a <= c.start < b:
            continue
        before = _WORD_RE.findall(norm, max(a, c.start - 12), c.start)[-2:]
        if before and before[-1] == "the":
            before = before[:-1]
        last = before[-1] if before else ""
        if last in lex.partner_connectors or (
            travel and travel.end() <= c.start and m.end <= c.start and last in lex.host_connectors
        ):
            found.add(c.code)
    return found


def _infer_countries(people: list[_Person], norm: str, countries: list, lex: _Lexicon) -> None:
    """Give each official without a stated country the article's first-named fitting one.

    The first country named is the article's subject (the dateline's or the
    reporting country's), whose own officials news names without a nationality.
    Left out: where the official is posted or travels, the other side of his
    talks, and the countries of the officials named in the same sentence.
    """
    if all(p.country for p in people):
        return
    sentences = split_sentences(norm)
    starts = [s.start for s in sentences]
    pending = _countries_in_order(norm)
    order: list[str] = []  # what `pending` has yielded so far
    for person in people:
        if person.country:
            continue
        others = [o for o in people if o is not person and o.country]
        excluded: set[str] = set()
        for m in person.mentions:
            sentence = sentences[bisect_right(starts, m.start) - 1]
            a, b = sentence.start, sentence.end
            excluded |= m.hosts | _partners(norm, m, (a, b), countries, lex)
            excluded |= {o.country for o in others if any(a <= x.start < b for x in o.mentions)}
        person.country = next((c for c in order if c not in excluded), None)
        while person.country is None and (code := next(pending, None)):
            order.append(code)
            person.country = None if code in excluded else code


def _countries_in_order(norm: str):
    """Countries (not blocs) in order of first mention, found a paragraph at a time.

    Lazy because the first country or two settle nearly every official, and
    finding countries is the costly part of this module.
    """
    seen: set[str] = set()
    start = 0
    while start < len(norm):
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        for c in find_countries(norm, start, end):
            if c.code not in seen and c.code not in GROUP_CODES:
                seen.add(c.code)
                yield c.code
        start = end + 1


def find_people(article: Article) -> list[Person]:
    """Return the named state officials of an article, one per person, in order of mention."""
    lex = _lexicon()
    norm = article.norm
    spans = _paragraphs(norm, lex)
    if not spans:
        return []
    countries = [c for a, b in spans for c in find_countries(norm, a, b)]
    people = _merge(_mentions(norm, lex, countries, spans))
    _infer_countries(people, norm, countries, lex)
    return [Person(p.name, p.country, p.role) for p in people]
