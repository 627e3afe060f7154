"""The overview page: every pair with its latest figure and targets, and the search box.

Search: a pair ("Kyrgyzstan Belarus", "KGZ-BLR") goes straight to its page; a
country narrows the pairs and targets to it; anything else is free text over
the quotes and titles of the stored facts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from turnover.tracker import TargetStatus
from turnover.web.deps import StoreDep, cached_pairs, cached_stats, cached_targets, page
from turnover.web.search import parse_search, search_facts
from turnover.web.templating import pair_url

router = APIRouter(include_in_schema=False)

TEXT_HITS = 100
"""Facts shown for a free-text search; the API pages through the rest."""


def headline_target(found: list[TargetStatus]) -> TargetStatus | None:
    """The target a pair row shows: the most recently stated one that is not superseded."""
    live = [t for t in found if t.status != "superseded"] or found
    return max(live, key=lambda t: (t.last_stated or "", t.id), default=None)


@router.get("/")
def overview(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=200, description="Country, pair or text.")] = "",
) -> Response:
    query = parse_search(q)
    if query.pair:
        return RedirectResponse(pair_url(query.pair), status_code=303)
    pairs = cached_pairs(request)
    targets = cached_targets(request, country=query.country)
    hits = None
    if query.country:
        pairs = [p for p in pairs if query.country in p.countries]
    elif query.text:
        hits = search_facts(store, text=query.text, limit=TEXT_HITS)
        wanted = {f.pair for f in hits.items}
        pairs = [p for p in pairs if p.pair in wanted]
        targets = [t for t in targets if t.pair in wanted]
    by_pair: dict[str, list[TargetStatus]] = defaultdict(list)
    for t in targets:
        by_pair[t.pair].append(t)
    return page(
        request,
        "overview.html",
        q=q,
        query=query,
        stats=cached_stats(request),
        pairs=pairs,
        headline={pair: headline_target(found) for pair, found in by_pair.items()},
        targets=targets,
        hits=hits,
    )
