"""Fact assembly (placeholder until the mention finders land)."""

from __future__ import annotations

from turnover.article import Article
from turnover.models import Fact


def assemble_facts(article: Article) -> list[Fact]:
    return []
