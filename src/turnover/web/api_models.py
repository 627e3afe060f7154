"""Response and request shapes of the JSON API, so the OpenAPI schema documents them.

They mirror the stable ``to_dict()`` layouts of the store and tracker
(`StoredFact`, `TargetStatus`, `PairSummary`, `PairReport`) rather than define
new ones: a script reading ``turnover facts --json`` reads the API the same way.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


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


class SourceOut(BaseModel):
    article_id: int
    doc: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    quote: str


class TargetOut(BaseModel):
    """A target with the tracker's arithmetic; ``arithmetic`` spells it out line by line."""

    id: str = Field(examples=["turnover:BLR>KGZ:5e+08USD:2030"])
    pair: str
    flow: str
    countries: list[str]
    value: float
    currency: str | None
    by: int | None
    first_stated: str | None
    last_stated: str | None
    speakers: list[str]
    stories: int
    sources: list[SourceOut]
    baseline_value: float | None = None
    baseline_period: PeriodOut | None = None
    required_cagr: float | None = Field(None, description="Fraction per year: 0.247 = 24.7%.")
    latest_value: float | None = None
    latest_period: PeriodOut | None = None
    latest_basis: str | None = None
    expected_value: float | None = None
    progress: float | None = None
    status: str
    superseded_by: str | None = None
    arithmetic: list[str]


class TargetPage(Paged):
    items: list[TargetOut]


class PairSummaryOut(BaseModel):
    pair: str
    countries: list[str]
    facts: int
    articles: int
    targets: int
    latest_turnover: dict[str, Any] | None
    last_published: str | None


class PairPage(Paged):
    items: list[PairSummaryOut]


class FigureOut(BaseModel):
    pair: str
    flow: str
    countries: list[str]
    currency: str | None
    period: PeriodOut
    full_year: bool
    months: int
    value: float
    run_rate: float | None
    values: list[float]
    stories: int
    conflict: bool
    sources: list[SourceOut]


class PairReportOut(BaseModel):
    pair: str
    countries: list[str]
    figures: list[FigureOut]
    changes: list[FactOut]
    targets: list[TargetOut]
    checks: list[dict[str, Any]]
    conflicts: list[FigureOut]


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
