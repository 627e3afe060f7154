"""Named state officials in an article (FACTS.md "A person").

News names an official through a *role phrase* next to the name: before it
("Belarusian Prime Minister Alexander Turchin", "Chairman of the Cabinet of
Ministers of Kyrgyzstan, Akylbek Japarov") or after it ("Denis Gonchar, Director
of ... the Russian Ministry of Foreign Affairs"). A role is the run of role
tokens (``roles.tokenise``) that touches a run of name tokens; it makes its
holder a state official unless it names a company, a chamber or an
international body, or has only a generic title ("chairman") with no state in it.

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

from turnover.article import Article
from turnover.countries import GROUP_CODES, find_countries
from turnover.models import Person
from turnover.roles import (
    ACRONYM,
    COMMA,
    CONN,
    COUNTRY,
    GENERIC,
    HEAD,
    INITIAL,
    MAX_ROLE_TOKENS,
    MOD,
    NAME,
    NAME_KINDS,
    ROLE_KINDS,
    TITLE,
    Lexicon,
    Token,
    lexicon,
    title_windows,
    tokenise,
)
from turnover.sentences import split_sentences


@dataclass(slots=True)
class _Judged:
    """A role phrase found to describe a state official."""

    role: str
    own: list[str]  # countries the official belongs to, in order
    hosts: list[str]  # countries the official is posted to or visits
    plural: bool  # "Presidents of A and B": one role for several names
    institution: str | None = None


def _judge(tokens: list[Token], norm: str, lex: Lexicon) -> _Judged | None:
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
    state_body = (
        institution is not None
        or any(t.low in lex.state_bodies for t in tokens)
        or lex.state_phrases.search(text) is not None
    )
    level = max(t.level for t in titles)
    if level == HEAD:
        foreign = [
            n for n, t in enumerate(tokens) if t.kind in (NAME, ACRONYM) or t.low in lex.bodies
        ]
        head = next(n for n, t in enumerate(tokens) if t.level == HEAD)
        if (foreign and not (states or state_body)) or head - 1 in foreign:
            return None  # "TUSKON President", "Kazakhstan Temir Zholy President"
    elif level == GENERIC and not (state_body or _attached_country(tokens, lex)):
        return None  # "chairman of Turkey's Foreign Economic Relations Board"
    # "Deputy Ministers X and Y" is plural, "Chairman of the Cabinet of Ministers" is not.
    plural = any(
        t.low in lex.plural_titles and (n == 0 or tokens[n - 1].kind != CONN)
        for n, t in enumerate(tokens)
        if t.kind == TITLE
    )
    return _Judged(text, states, hosts, plural, institution)


def _attached_country(tokens: list[Token], lex: Lexicon) -> bool:
    """A country that qualifies the title itself: "China's leader", "Representative of Russia"."""
    for n, t in enumerate(tokens):
        if t.kind != TITLE:
            continue
        k = n - 1
        while k >= 0 and tokens[k].kind == MOD and tokens[k].low not in lex.bodies:
            k -= 1
        if k >= 0 and tokens[k].kind == COUNTRY:
            return True
        after = _of_country(tokens, n + 1)
        if after is not None:
            return not after.possessive  # "chairman of Turkey's ... Board" is the board's
    return False


def _of_country(tokens: list[Token], k: int) -> Token | None:
    """The country token of "of [the] Country" starting at ``tokens[k]``."""
    if k + 1 < len(tokens) and tokens[k].low == "of" and tokens[k].kind == CONN:
        nxt = tokens[k + 1]
        if nxt.kind == CONN and nxt.low == "the" and k + 2 < len(tokens):
            nxt = tokens[k + 2]
        if nxt.kind == COUNTRY:
            return nxt
    return None


def _name_runs(tokens: list[Token]) -> list[tuple[int, int]]:
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


def _mentions(
    article: Article, lex: Lexicon, countries: list, spans: list[tuple[int, int]]
) -> list[_Mention]:
    """Every name with a state official's role, in text order."""
    norm = article.norm
    tokens = tokenise(norm, spans, countries, lex)
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
        own = judged.own
        # "Presidents of A and B X and Y": one each; "Kyrgyz deputies X and Y": shared.
        country = own[position] if position < len(own) else own[0] if len(own) == 1 else None
        if country is None:
            country = (position == 0 and _country_after(tokens, j)) or judged.institution
        start, end = tokens[i].start, tokens[j - 1].end
        parts = frozenset(norm[t.start : t.end] for t in tokens[i:j] if t.kind == NAME)
        hosts = frozenset(judged.hosts)
        name = " ".join(article.text[start:end].split())  # as written, apostrophes and all
        found.append(_Mention(name, parts, start, end, judged.role, country, hosts))
        taken.update(range(i, j))
        previous = (j, judged, position)
    return found


def _role_before(
    tokens: list[Token], i: int, norm: str, lex: Lexicon, taken: set[int]
) -> _Judged | None:
    """The role that ends right before the name at ``i`` ("Belarusian Prime Minister X")."""
    k = i - 1
    if k >= 0 and tokens[k].kind == COMMA:
        k -= 1
    if k < 0 or tokens[k].kind not in (TITLE, MOD, COUNTRY):
        return None
    end = k
    while k >= 0 and end - k < MAX_ROLE_TOKENS and tokens[k].kind in ROLE_KINDS and k not in taken:
        if tokens[k].kind in NAME_KINDS:
            run_start = k
            while run_start > 0 and tokens[run_start - 1].kind in NAME_KINDS:
                run_start -= 1
            if run_start > 0 and tokens[run_start - 1].kind == TITLE:
                break  # another official's name: "... Commissioner Catherine Ashton and ..."
            k = run_start
        k -= 1
    return _judge(tokens[k + 1 : end + 1], norm, lex)


def _listed(
    tokens: list[Token], previous: tuple[int, _Judged, int], i: int, norm: str
) -> tuple[_Judged | None, int]:
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


def _role_after(tokens: list[Token], j: int, norm: str, lex: Lexicon) -> _Judged | None:
    """The role in apposition after the name ending at ``j`` ("X, Director of ...")."""
    if j >= len(tokens) or tokens[j].kind != COMMA:
        return None
    k = j + 1
    while k < len(tokens) and k - j < MAX_ROLE_TOKENS and tokens[k].kind in ROLE_KINDS:
        k += 1
    role = tokens[j + 1 : k]
    while role and role[0].kind == CONN:
        role = role[1:]
    if not role or role[0].kind not in (TITLE, MOD, COUNTRY) or role[-1].kind in NAME_KINDS:
        return None  # a role that ends in a name is that name's own
    return _judge(role, norm, lex)


def _country_after(tokens: list[Token], j: int) -> str | None:
    """The country of "Trade Minister Vu Khoan of Viet Nam"."""
    country = _of_country(tokens, j)
    return country.code if country and country.code not in GROUP_CODES else None


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
    norm: str, m: _Mention, sentence: tuple[int, int], countries: list, lex: Lexicon
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


def _infer_countries(people: list[_Person], norm: str, countries: list, lex: Lexicon) -> None:
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
    lex = lexicon()
    norm = article.norm
    spans = title_windows(norm, lex)
    if not spans:
        return []
    countries = [c for a, b in spans for c in find_countries(norm, a, b)]
    people = _merge(_mentions(article, lex, countries, spans))
    _infer_countries(people, norm, countries, lex)
    return [Person(p.name, p.country, p.role) for p in people]
