"""What every page and API route needs from the application: the store, the date, a renderer.

The app holds ONE `Store` (it serialises access with a lock and is safe to
share between the server's threads), so requests do not pay for opening and
migrating the database each time.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse

from turnover.store import Store
from turnover.tracker import PairSummary, StoredFact, TargetStatus
from turnover.web.cache import StoreCache
from turnover.web.templating import render


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
"""Route parameter type giving the app's store."""


def as_of(request: Request) -> date:
    """The day statuses are judged on: fixed in tests, today otherwise."""
    return request.app.state.as_of or date.today()


def cache(request: Request) -> StoreCache:
    return request.app.state.cache


def cached_targets(
    request: Request,
    *,
    country: str | None = None,
    pair: str | None = None,
    status: list[str] | None = None,
) -> list[TargetStatus]:
    """`Store.targets`, computed once per database version and filter set (do not mutate)."""
    day = as_of(request)
    key = ("targets", day, country, pair, tuple(sorted(status)) if status else None)
    store = get_store(request)
    return cache(request).get(
        key, lambda: store.targets(country=country, pair=pair, status=status, as_of=day)
    )


def cached_pairs(request: Request) -> list[PairSummary]:
    """`Store.pairs`, computed once per database version (do not mutate)."""
    return cache(request).get(("pairs",), get_store(request).pairs)


def cached_stats(request: Request) -> dict[str, int]:
    return cache(request).get(("stats",), get_store(request).stats)


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a dashboard page with the context every page shares."""
    html = render(
        template,
        path=request.url.path,
        allow_ingest=request.app.state.allow_ingest,
        q=context.pop("q", ""),
        **context,
    )
    return HTMLResponse(html, status_code=status_code)


def fact_ids_by_quote(facts: list[StoredFact]) -> dict[tuple[int, str], int]:
    """(article id, quote) -> stored fact id, so a source can link to its fact's text."""
    ids: dict[tuple[int, str], int] = {}
    for f in facts:
        ids.setdefault((f.article_id, f.quote), f.id)
    return ids
