"""The extraction pipeline: article text in, grounded trade facts out.

    parse_article -> sentences -> mentions (countries, amounts, percents,
    periods, trade words) -> fact assembly -> merge

Every step is a pure function over the text; this module only wires them.
"""

from __future__ import annotations

from dataclasses import replace

from turnover.article import parse_article
from turnover.assemble import assemble_facts
from turnover.models import ArticleFacts, Fact, Person
from turnover.people import find_people

EXTRACTOR_VERSION = "0.3.0"
"""Bumped whenever extraction output may change; the store re-extracts older rows."""


def extract(text: str, doc: str = "-", published: str | None = None) -> ArticleFacts:
    """Extract every trade fact and official from one article.

    ``published`` (ISO date) overrides the date found in the article header.
    """
    article = parse_article(text, published)
    people = find_people(article)
    facts = attach_speakers(assemble_facts(article), people)
    return ArticleFacts(
        doc=doc,
        published=article.published,
        title=article.title,
        facts=tuple(facts),
        people=tuple(people),
    )


def attach_speakers(facts: list[Fact], people: list[Person]) -> list[Fact]:
    """Name, as each fact's speaker, the official its sentence names (the first, if several).

    A full name or the surname alone counts ("Kasymaliev said"); a fact whose
    sentence names no official keeps no speaker.
    """
    if not people:
        return facts
    out = []
    for fact in facts:
        best: tuple[int, str] | None = None
        for person in people:
            for form in {person.name, person.name.split()[-1]}:
                at = fact.quote.find(form)
                if at != -1 and (best is None or at < best[0]):
                    best = (at, person.name)
        out.append(replace(fact, speaker=best[1]) if best else fact)
    return out
