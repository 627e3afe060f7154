"""The one Jinja environment every page and the standalone review file use.

Autoescaping is on for everything: article text and every stored string are
untrusted (they come from the news), so nothing reaches the HTML unescaped
unless a template says ``|safe`` on text this package wrote itself.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

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
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


@cache
def static_text(name: str) -> str:
    """The text of a file in ``web/static`` (to inline it into a standalone file)."""
    return resources.files("turnover.web").joinpath("static", name).read_text(encoding="utf-8")
