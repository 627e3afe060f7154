"""The article page (the review view over a stored article) and the list of articles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from turnover.models import ArticleFacts, Fact, Person
from turnover.review import review_article
from turnover.web.deps import StoreDep, page
from turnover.web.templating import pair_url

router = APIRouter(include_in_schema=False)

ARTICLES_PER_PAGE = 50


def stored_article_facts(article: dict[str, Any]) -> ArticleFacts:
    """A stored article (``Store.article``) as the extractor's `ArticleFacts`."""
    return ArticleFacts(
        doc=article["doc"],
        published=article["published"],
        title=article["title"],
        facts=tuple(Fact.from_dict(f) for f in article["facts"]),
        people=tuple(Person.from_dict(p) for p in article["people"]),
    )


@router.get("/article/{article_id}")
def article_page(request: Request, article_id: int, store: StoreDep) -> Response:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id}")
    result = stored_article_facts(article)
    view = review_article(
        article["text"],
        result,
        anchor=f"article-{article_id}",
        source_url=article["url"],
        keys=[str(f["id"]) for f in article["facts"]],
    )
    labels = {"source": "from", "extractor_version": "extractor"}
    view.extra.update({labels[k]: str(article[k]) for k in labels if article.get(k)})
    links = {i: pair_url(f["pair"]) for i, f in enumerate(article["facts"]) if f.get("pair")}
    return page(
        request,
        "article.html",
        article=view,
        info=article,
        fact_links=links,
    )


@router.get("/articles")
def articles_page(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=200)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    found = store.articles(limit=ARTICLES_PER_PAGE, offset=offset, q=q or None)
    return page(request, "articles.html", found=found, article_q=q)
