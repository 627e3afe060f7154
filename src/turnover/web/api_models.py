"""Response and request shapes of the JSON API, so the OpenAPI schema documents them.

Where the tracker's dataclasses are the answer (`TargetStatus`, `PairSummary`,
`Figure`) they are the schema too; the models here only describe the layouts
built by ``to_dict()`` (a fact, a pair report) and the API's own envelopes, so
a script reading ``turnover facts --json`` reads the API the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field

from turnover.figures import Figure
from turnover.tracker import PairSummary, TargetStatus


class PeriodOut(BaseModel):
    start: str = Field(examples=["2025-01"])
    end: str = Field(examples=["2025-06"])


class FactOut(BaseModel):
    """A stored fact: FACTS.md fields, its grounding (quote, span) and its article."""

    id: int
    article_id: int
    story_id: int
    pair: str = Field(examples=["BLR-KGZ"])
    kind: Literal["value", "change", "target"]
    flow: Literal["turnover", "export"]
    countries: list[str]
    value: float | None
    currency: str | None
    percent: float | None
    period: PeriodOut | None
    by: int | None
    quote: str
    span: list[int] = Field(description="Character offsets of the quote in the article text.")
    qualifier: str | None = None
    speaker: str | None = None
    doc: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None


class Paged(BaseModel):
    total: int = Field(description="Items matching the filters, over all pages.")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, null on the last one.")


class FactPage(Paged):
    items: list[FactOut]


@dataclass(slots=True)
class TargetOut(TargetStatus):
    """A target with the tracker's arithmetic; ``arithmetic`` spells it out line by line."""

    arithmetic: list[str] = field(default_factory=list)


class TargetPage(Paged):
    items: list[TargetOut]


class PairPage(Paged):
    items: list[PairSummary]


class PairReportOut(BaseModel):
    pair: str
    countries: list[str]
    figures: list[Figure]
    changes: list[FactOut]
    targets: list[TargetOut]
    checks: list[dict[str, Any]]
    conflicts: list[Figure]


class ArticleInfo(BaseModel):
    id: int
    doc: str
    url: str | None
    source: str | None
    published: str | None
    title: str | None
    content_hash: str
    extractor_version: str
    ingested_at: str
    story_id: int | None


class ArticleSummaryOut(ArticleInfo):
    facts: int = Field(description="How many facts were extracted from it.")


class ArticlePage(Paged):
    items: list[ArticleSummaryOut]


class PersonOut(BaseModel):
    name: str
    country: str | None
    role: str | None


class ArticleOut(ArticleInfo):
    """An article with its text: every fact's ``span`` indexes into ``text``."""

    text: str
    facts: list[FactOut]
    people: list[PersonOut]
    same_story: list[dict[str, Any]]


class IngestIn(BaseModel):
    """An article to extract and store: its ``text``, or a ``url`` of an HTML page to fetch."""

    text: str | None = Field(None, min_length=1, max_length=5_000_000)
    url: str | None = Field(None, max_length=2000, examples=["https://example.org/news/1"])
    doc: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, examples=["2025-09-29"])
    source: str | None = Field(None, max_length=200)


class IngestOut(BaseModel):
    status: Literal["new", "already stored"]
    article_id: int
    story_id: int
    duplicate_story: bool
    facts_added: int
    article: ArticleOut


class ErrorOut(BaseModel):
    error: str = Field(description="One line saying what was wrong.")
