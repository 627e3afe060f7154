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
from turnover.tracker import StoredFact
from turnover.web.templating import render


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
"""Route parameter type giving the app's store."""


def as_of(request: Request) -> date:
    """The day statuses are judged on: fixed in tests, today otherwise."""
    return request.app.state.as_of or date.today()


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
