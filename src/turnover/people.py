"""Officials named in an article (placeholder)."""

from __future__ import annotations

from turnover.article import Article
from turnover.models import Person


def find_people(article: Article) -> list[Person]:
    return []
