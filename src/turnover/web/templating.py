"""The one Jinja environment every page and the standalone review file use.

Autoescaping is on for everything: article text and every stored string are
untrusted (they come from the news), so nothing reaches the HTML unescaped
unless a template says ``|safe`` on text this package wrote itself.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from urllib.parse import quote

import jinja2

from turnover.web.format import FILTERS

STATUS_CLASSES = {
    "achieved": "ok",
    "on track": "ok",
    "on_track": "ok",
    "behind": "warn",
    "missed": "bad",
    "superseded": "muted",
    "no data": "muted",
    "no_data": "muted",
}
"""Badge colour per tracker status (both spellings, the tracker's is not fixed yet)."""


def status_class(status: str | None) -> str:
    return STATUS_CLASSES.get((status or "").lower(), "muted")


def http_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a stored ``javascript:`` URL must never be a link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def pair_url(pair: str) -> str:
    return f"/pair/{quote(pair, safe='')}"


def target_url(target_id: str) -> str:
    return f"/target/{quote(target_id, safe='')}"


def article_url(article_id: int, fact_id: int | None = None) -> str:
    return f"/article/{article_id}" + (f"#fact-{fact_id}" if fact_id is not None else "")


@cache
def environment() -> jinja2.Environment:
    """Templates from the installed package (works from a wheel and from src)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("turnover.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(FILTERS)
    env.filters["status_class"] = status_class
    env.filters["http_url"] = http_url
    env.globals.update(pair_url=pair_url, target_url=target_url, article_url=article_url)
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


@cache
def static_text(name: str) -> str:
    """The text of a file in ``web/static`` (to inline it into a standalone file)."""
    return resources.files("turnover.web").joinpath("static", name).read_text(encoding="utf-8")
