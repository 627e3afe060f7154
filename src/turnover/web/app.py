"""The FastAPI application: dashboard pages, the JSON API and the static assets.

`create_app(db_path)` is all a script or test needs; `turnover serve` runs it
with uvicorn. Each page type lives in its own module (``views_*.py``, like
Datasette's views) and the API in ``api.py``; this module only wires them and
turns errors into a clear message: JSON under ``/api/``, an HTML page elsewhere.
Nothing is fetched from the network: Vega and friends are served from
``web/static``, and the OpenAPI schema is browsable at ``/api`` without Swagger
UI's CDN assets.
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from turnover import __version__
from turnover.store import Store, resolve_db_path
from turnover.web import api, views_article, views_overview, views_pair, views_target
from turnover.web.cache import StoreCache
from turnover.web.deps import page

__all__ = ["create_app", "resolve_db_path"]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
"""Scripts only from this server (Vega compiles expressions, hence 'unsafe-eval'): even if
some stored text slipped through escaping, no inline or foreign script could run."""


class SecurityHeaders:
    """Pure ASGI middleware adding the CSP and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def validation_message(errors: list[dict[str, Any]]) -> str:
    """FastAPI's validation errors as one line: ``limit: must be <= 500 (got 1000)``."""
    parts = []
    for err in errors:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        got = err.get("input")
        shown = f" (got {got!r})" if got is not None and not isinstance(got, dict) else ""
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}{shown}")
    return "; ".join(parts) or "invalid request"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(
    db_path: str | os.PathLike[str] | None = None,
    *,
    allow_ingest: bool = False,
    as_of: date | None = None,
) -> FastAPI:
    """Build the app over one store file.

    Read-only unless ``allow_ingest``: then the file is created if missing and
    ``POST /api/articles`` stores new articles. ``as_of`` fixes the day target
    statuses are judged on (tests); default today. Raises FileNotFoundError for
    a missing database in read-only mode, and the store's SchemaError (a
    ValueError-like one-line error) for a file that is not a turnover database.
    """
    path = resolve_db_path(db_path)
    if not allow_ingest and not path.exists():
        raise FileNotFoundError(
            "no such database (create it with `turnover ingest`, or serve with --allow-ingest)"
        )
    store = Store(path)
    cache = StoreCache(path)

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # noqa: ANN202
        yield
        cache.close()
        store.close()

    app = FastAPI(
        title="turnover",
        version=__version__,
        description="Grounded trade facts from news, and the trade targets they track. "
        "Read-only unless the server was started with --allow-ingest.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.cache = cache
    app.state.db_path = Path(path)
    app.state.allow_ingest = allow_ingest
    app.state.as_of = as_of
    app.add_middleware(SecurityHeaders)
    static = Path(__file__).with_name("static")
    app.mount("/static", StaticFiles(directory=static), name="static")
    for module in (views_overview, views_pair, views_target, views_article, api):
        app.include_router(module.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=exc.status_code)
        return page(
            request, "error.html", status_code=exc.status_code, status=exc.status_code,
            message=message,
        )  # fmt: skip

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        errors = list(exc.errors())
        message = validation_message(errors)
        if _wants_json(request):
            detail = [{k: e[k] for k in ("loc", "msg", "type") if k in e} for e in errors]
            return JSONResponse({"error": message, "detail": detail}, status_code=422)
        return page(request, "error.html", status_code=422, status=422, message=message)

    return app
