"""The target page: the pledge, who stated it and when, every source, status and arithmetic."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from turnover import tracker
from turnover.web.deps import StoreDep, cached_targets, fact_ids_by_quote, page
from turnover.web.format import target_arithmetic

router = APIRouter(include_in_schema=False)


def find_target(target_id: str, request: Request) -> tracker.TargetStatus:
    """The target with this id (ids read ``turnover:BLR>KGZ:5e+08USD:2030``); 404 if none."""
    for t in cached_targets(request):
        if t.id == target_id:
            return t
    raise HTTPException(404, f"no target with id {target_id!r}")


@router.get("/target/{target_id}")
def target_page(request: Request, target_id: str, store: StoreDep) -> Response:
    target = find_target(target_id, request)
    facts = store.all_facts(pair=target.pair)
    return page(
        request,
        "target.html",
        t=target,
        arithmetic=target_arithmetic(target),
        fact_ids=fact_ids_by_quote(facts),
    )
