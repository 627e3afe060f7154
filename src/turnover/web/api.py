"""The JSON API under ``/api/``: facts, targets, pairs and articles, paginated.

Every list answers ``{"items", "total", "limit", "offset", "next"}``. Bad
parameters get a 4xx with ``{"error": "<one line>"}``. ``POST /api/articles``
is refused (403) unless the server runs with ``--allow-ingest``. The HTML page
``/api`` lists the endpoints from the OpenAPI schema, with no CDN assets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse

from turnover.countries import lookup_country
from turnover.ingest import store_item
from turnover.ingest.feeds import is_html
from turnover.ingest.fetch import Fetcher, FetchError
from turnover.ingest.html import page_item
from turnover.ingest.items import IngestFailure, normalise_published
from turnover.store import Page
from turnover.tracker import STATUSES, TargetStatus
from turnover.web import api_models as m
from turnover.web.deps import StoreDep, as_of, cached_pairs, cached_targets, page
from turnover.web.format import target_arithmetic
from turnover.web.search import parse_period, resolve_pair, search_facts
from turnover.web.views_pair import canonical_pair
from turnover.web.views_target import find_target

router = APIRouter(prefix="/api", responses={422: {"model": m.ErrorOut}})

MAX_LIMIT = 500
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Country = Annotated[
    str | None, Query(max_length=80, description="Either side: a code (KGZ) or a name.")
]
PairQuery = Annotated[
    str | None, Query(max_length=120, description="Two codes in any order: KGZ-BLR.")
]
STATUS_HELP = f"Any of: {', '.join(STATUSES)}; repeat for several."
NOT_FOUND = {404: {"model": m.ErrorOut}}


def bad_param(message: str) -> HTTPException:
    return HTTPException(422, message)


def resolved(
    name: str, value: str | None, lookup: Callable[[str], str | None], expected: str
) -> str | None:
    """``lookup(value)``, or a 422 naming the parameter and what it should be."""
    if value is None:
        return None
    found = lookup(value)
    if found is None:
        raise bad_param(f"{name} {value!r}: {expected}")
    return found


def country_code(country: str | None) -> str | None:
    """A code, name or adjective -> ISO code."""
    expected = "not a known country name or ISO 3166 alpha-3 code"
    return resolved("country", country, lookup_country, expected)


def pair_param(pair: str | None) -> str | None:
    """Two countries in any order or spelling -> ``"BLR-KGZ"``."""
    return resolved("pair", pair, resolve_pair, "use two country codes like KGZ-BLR")


def paged(request: Request, page_: Page) -> dict[str, Any]:
    """A store `Page` as the API's list layout, with the URL of the next page."""
    body = page_.to_dict()
    limit = page_.limit or len(page_.items)
    end = page_.offset + len(page_.items)
    body["limit"] = limit
    body["next"] = (
        str(request.url.include_query_params(offset=end, limit=limit))
        if end < page_.total and page_.items
        else None
    )
    return body


def target_out(t: TargetStatus) -> dict[str, Any]:
    return {**t.to_dict(), "arithmetic": target_arithmetic(t)}


@router.get("/facts", response_model=m.FactPage, summary="Facts, filtered and paginated")
def list_facts(
    request: Request,
    store: StoreDep,
    country: Country = None,
    pair: PairQuery = None,
    kind: Annotated[
        Literal["value", "change", "target"] | None,
        Query(description="Reported amount, percent change, or target."),
    ] = None,
    flow: Annotated[
        Literal["turnover", "export"] | None,
        Query(description="Two-way turnover or one-way exports."),
    ] = None,
    period: Annotated[
        str | None,
        Query(max_length=40, description="YYYY (touching the year), YYYY-MM or YYYY-MM..YYYY-MM."),
    ] = None,
    text: Annotated[
        str | None, Query(min_length=1, max_length=200, description="In the quote or title.")
    ] = None,
    currency: Annotated[
        str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO 4217 code: USD.")
    ] = None,
    article_id: Annotated[
        int | None, Query(ge=1, le=2**62, description="Facts of one article.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    try:
        wanted = parse_period(period) if period else None
    except ValueError as exc:
        raise bad_param(str(exc)) from None
    found = search_facts(
        store,
        text=text,
        period=wanted,
        limit=limit,
        offset=offset,
        country=country_code(country),
        pair=pair_param(pair),
        kind=kind,
        flow=flow,
        currency=currency,
        article_id=article_id,
    )
    return paged(request, found)


@router.get("/targets", response_model=m.TargetPage, summary="Targets with status and arithmetic")
def list_targets(
    request: Request,
    store: StoreDep,
    country: Country = None,
    pair: PairQuery = None,
    status: Annotated[list[str] | None, Query(description=STATUS_HELP)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    wanted = [s.replace("_", " ").lower() for s in status] if status else None
    unknown = sorted(set(wanted or ()) - set(STATUSES))
    if unknown:
        raise bad_param(f"status {unknown[0]!r}: use one of {', '.join(STATUSES)}")
    found = cached_targets(
        request, country=country_code(country), pair=pair_param(pair), status=wanted
    )
    items = [target_out(t) for t in found[offset : offset + limit]]
    return paged(request, Page(items, len(found), limit, offset))


@router.get(
    "/targets/{target_id}", response_model=m.TargetOut, responses=NOT_FOUND, summary="One target"
)
def get_target(
    request: Request, target_id: Annotated[str, PathParam(max_length=200)], store: StoreDep
) -> dict[str, Any]:
    """One target by its id (as listed by /api/targets; URL-encode it)."""
    return target_out(find_target(target_id, request))


@router.get("/pairs", response_model=m.PairPage, summary="Country pairs with their latest figure")
def list_pairs(
    request: Request,
    store: StoreDep,
    country: Country = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    code = country_code(country)
    found = [p for p in cached_pairs(request) if code is None or code in p.countries]
    return paged(request, Page(found[offset : offset + limit], len(found), limit, offset))


@router.get(
    "/pairs/{pair}", response_model=m.PairReportOut, responses=NOT_FOUND, summary="One pair"
)
def get_pair(
    request: Request, pair: Annotated[str, PathParam(max_length=120)], store: StoreDep
) -> dict[str, Any]:
    """Timeline (annual and partial-year figures apart), targets, changes, checks, conflicts."""
    label = canonical_pair(pair)
    a, b = label.split("-")
    report = store.pair_report(a, b, as_of=as_of(request))
    if not (report.figures or report.targets or report.changes):
        raise HTTPException(404, f"no facts are stored for the pair {label}")
    body = report.to_dict()
    body["targets"] = [target_out(t) for t in report.targets]
    return body


@router.get("/articles", response_model=m.ArticlePage, summary="Articles, newest first")
def list_articles(
    request: Request,
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="In title, doc or URL.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return paged(request, store.articles(limit=limit, offset=offset, q=q or None))


@router.get(
    "/articles/{article_id}",
    response_model=m.ArticleOut,
    responses=NOT_FOUND,
    summary="One article with its text",
)
def get_article(
    article_id: Annotated[int, PathParam(ge=1, le=2**62)], store: StoreDep
) -> dict[str, Any]:
    """One article with its text, facts (each span indexes into the text) and people."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return article


def fetch_page(url: str) -> IngestFailure | Any:
    """Fetch one HTML page and turn it into an ingest item (the ingest sources' own code)."""
    fetcher = Fetcher(retries=1, timeout=15.0)
    try:
        resp = fetcher.get(url)
    except FetchError as exc:
        return IngestFailure(url, str(exc).removeprefix(f"{url}: "))
    finally:
        fetcher.close()
    if not is_html(resp):
        return IngestFailure(url, f"not an HTML page (content-type {resp.content_type or 'none'})")
    return page_item(resp.text, label=url, url=resp.url)


@router.post(
    "/articles",
    response_model=m.IngestOut,
    status_code=201,
    responses={
        200: {"model": m.IngestOut, "description": "The same text was already stored."},
        400: {"model": m.ErrorOut, "description": "The body is not JSON."},
        403: {"model": m.ErrorOut, "description": "The server is read-only."},
        502: {"model": m.ErrorOut, "description": "The URL could not be fetched."},
    },
    summary="Extract and store an article (only with --allow-ingest)",
)
def post_article(request: Request, body: m.IngestIn, store: StoreDep) -> JSONResponse:
    """Give the article text (with optional doc, title, published, url) or only the url of
    an HTML page to fetch. Returns the stored article with its facts: 201 when new, 200
    when the same text was already stored."""
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "ingest is disabled: start the server with --allow-ingest")
    if body.text is None and body.url is None:
        raise bad_param("body: give the article 'text', or the 'url' of a page to fetch")
    try:
        published = normalise_published(body.published)
    except ValueError as exc:
        raise bad_param(f"published: {exc} (use YYYY-MM-DD)") from None
    if body.text is not None:
        if not body.text.strip():
            raise bad_param("text: the article is empty")
        result = store.ingest_text(
            body.text, doc=body.doc, url=body.url, source=body.source,
            published=published, title=body.title,
        )  # fmt: skip
    else:
        item = fetch_page(body.url)  # type: ignore[arg-type]
        if isinstance(item, IngestFailure):
            raise HTTPException(502, f"url {body.url!r}: {item.reason}")
        result = store_item(store, item)
    out = {
        **result.to_dict(),
        "article": store.article(result.article_id),
    }
    status = 201 if result.status == "new" else 200
    return JSONResponse(m.IngestOut.model_validate(out).model_dump(), status_code=status)


@router.get("", include_in_schema=False, response_class=HTMLResponse)
def api_index(request: Request) -> HTMLResponse:
    """A readable list of the endpoints, built from the OpenAPI schema (no Swagger CDN)."""
    schema = request.app.openapi()
    return page(request, "api.html", schema=schema)
