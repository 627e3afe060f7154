"""The pair page: chart of reported figures and targets, timeline, target history, checks."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from turnover import tracker
from turnover.web.chart import chart_currency, pair_chart_spec
from turnover.web.deps import StoreDep, as_of, fact_ids_by_quote, page
from turnover.web.search import resolve_pair
from turnover.web.templating import pair_url

router = APIRouter(include_in_schema=False)


def canonical_pair(text: str) -> str:
    """``"KGZ-BLR"`` or ``"Kyrgyzstan-Belarus"`` -> ``"BLR-KGZ"``; 404 when it names no pair."""
    pair = resolve_pair(text)
    if pair is None:
        raise HTTPException(404, f"{text!r} is not a pair of countries: use two codes like KGZ-BLR")
    return pair


@router.get("/pair/{pair}")
def pair_page(request: Request, pair: str, store: StoreDep) -> Response:
    label = canonical_pair(pair)
    if label != pair:
        return RedirectResponse(pair_url(label), status_code=301)
    facts = store.all_facts(pair=label)
    if not facts:
        raise HTTPException(404, f"no facts are stored for the pair {label}")
    a, b = label.split("-")
    report = tracker.pair_report(facts, a, b, as_of=as_of(request))
    currency = chart_currency(report)
    return page(
        request,
        "pair.html",
        report=report,
        spec=pair_chart_spec(report),
        currency=currency,
        other_currencies=sorted(
            {g.currency or "none" for g in report.figures if g.currency != currency}
        ),
        fact_ids=fact_ids_by_quote(facts),
    )
