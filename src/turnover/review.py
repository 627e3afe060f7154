"""The review view: an article's text with every extracted fact highlighted.

A reviewer checks extraction by reading: each fact is marked at its span in the
text, and a side list names what the extractor understood. The same view is
the dashboard's article page and the file `turnover review` writes; this
module builds it from the text and an `ArticleFacts`, with no store and no
server, so both share one implementation.

Spans can overlap (several facts quoted from one sentence), so the text is cut
at every span boundary into segments, each carrying the facts that cover it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from turnover.models import ArticleFacts, Fact
from turnover.web.format import fact_amount, fact_label, fact_when
from turnover.web.templating import render, static_text


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text and the indexes of the facts whose spans cover it."""

    text: str
    facts: tuple[int, ...] = ()

    def primary(self, spans: Sequence[tuple[int, int] | None]) -> int:
        """The covering fact with the shortest span: the most specific one colours the text."""
        return min(self.facts, key=lambda i: spans[i][1] - spans[i][0])  # type: ignore[index]


@dataclass(frozen=True, slots=True)
class ReviewFact:
    """A fact as the side list shows it; ``span`` is None when it is not in the text."""

    index: int
    key: str  # anchor: ``#fact-<key>`` (the stored fact id on the dashboard, else the index)
    fact: Fact
    span: tuple[int, int] | None
    label: str
    amount: str
    when: str


@dataclass(frozen=True, slots=True)
class ReviewArticle:
    """Everything the review template needs for one article."""

    anchor: str
    result: ArticleFacts
    segments: tuple[Segment, ...]
    facts: tuple[ReviewFact, ...]
    source_url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def primary_fact(self, segment: Segment) -> ReviewFact:
        return self.facts[segment.primary([f.span for f in self.facts])]

    @property
    def ungrounded(self) -> int:
        return sum(1 for f in self.facts if f.span is None)


def locate(text: str, fact: Fact) -> tuple[int, int] | None:
    """Where the fact's quote is in ``text``: its span if it holds, else the first match.

    A stored span can be stale (text re-decoded, extractor bug); searching for
    the quote keeps the highlight right, and None reports an ungrounded fact.
    """
    start, end = fact.span
    if 0 <= start < end <= len(text) and text[start:end] == fact.quote:
        return (start, end)
    if fact.quote:
        found = text.find(fact.quote)
        if found >= 0:
            return (found, found + len(fact.quote))
    return None


def segments(text: str, spans: Sequence[tuple[int, int] | None]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece lists the spans covering it."""
    cuts = {0, len(text)}
    for span in spans:
        if span is not None:
            cuts.update(span)
    bounds = sorted(cuts)
    pieces: list[Segment] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        covering = tuple(
            i for i, span in enumerate(spans) if span is not None and span[0] <= start < span[1]
        )
        pieces.append(Segment(text[start:end], covering))
    return pieces


def review_article(
    text: str,
    result: ArticleFacts,
    anchor: str = "a1",
    source_url: str | None = None,
    keys: Sequence[str] | None = None,
) -> ReviewArticle:
    """Prepare one article for the review template.

    ``keys`` name the facts in anchors (``#fact-<key>``); the dashboard passes the
    stored fact ids so other pages can link straight to a fact's text.
    """
    spans = [locate(text, fact) for fact in result.facts]
    facts = tuple(
        ReviewFact(
            index=i,
            key=keys[i] if keys else f"{anchor}-{i}",
            fact=fact,
            span=spans[i],
            label=fact_label(fact),
            amount=fact_amount(fact),
            when=fact_when(fact),
        )
        for i, fact in enumerate(result.facts)
    )
    return ReviewArticle(
        anchor=anchor,
        result=result,
        segments=tuple(segments(text, spans)),
        facts=facts,
        source_url=source_url,
    )


def render_review_document(articles: Iterable[tuple[str, ArticleFacts]], title: str) -> str:
    """One self-contained HTML file (inline CSS and JS, no network) for the given articles."""
    views = [
        review_article(text, result, anchor=f"a{n}")
        for n, (text, result) in enumerate(articles, start=1)
    ]
    return render(
        "review_standalone.html",
        title=title,
        articles=views,
        css=static_text("turnover.css"),
        js=static_text("turnover.js"),
    )
