"""The extraction pipeline: article text in, grounded trade facts out.

    parse_article -> sentences -> mentions (countries, amounts, percents,
    periods, trade words) -> fact assembly -> merge

Every step is a pure function over the text; this module only wires them.
"""

from __future__ import annotations

from turnover.article import parse_article
from turnover.assemble import assemble_facts
from turnover.models import ArticleFacts
from turnover.people import find_people

EXTRACTOR_VERSION = "0.2.0"
"""Bumped whenever extraction output may change; the store re-extracts older rows."""


def extract(text: str, doc: str = "-", published: str | None = None) -> ArticleFacts:
    """Extract every trade fact and official from one article.

    ``published`` (ISO date) overrides the date found in the article header.
    """
    article = parse_article(text, published)
    facts = assemble_facts(article)
    people = find_people(article)
    return ArticleFacts(
        doc=doc,
        published=article.published,
        title=article.title,
        facts=tuple(facts),
        people=tuple(people),
    )
