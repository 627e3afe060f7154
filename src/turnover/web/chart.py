"""The Vega-Lite spec of a pair's chart, built from the tracker's `PairReport`.

One dataset, one row per mark, so the browser needs nothing but the spec:
reported figures (turnover and each export direction) placed at the middle
of their period, annual ones joined by lines and partial-year ones drawn as
hollow triangles; each target as a diamond at its horizon, with the required
growth path from its baseline as a dashed line. Amounts in one currency only
(the pair's most reported one); the page says what was left out.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from turnover.tracker import PairReport
from turnover.web.format import money, period_label

TURNOVER_COLOR = "#2f6fb0"
EXPORT_COLORS = ("#2a9d8f", "#e07a1f")
TARGET_COLOR = "#8a4fbf"


def chart_currency(report: PairReport) -> str | None:
    """The currency most of the pair's figures and targets are in (ties: USD first)."""
    counts = Counter(g.currency for g in report.figures)
    counts.update(t.currency for t in report.targets)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], c == "USD", c or ""))


def _midpoint(period: dict[str, str]) -> str:
    """The middle of a period as a date: 2023 -> 2023-07-02, Jan–Jun 2025 -> 2025-04-01.

    Annual figures then sit inside their year on the time axis (the year's label
    is at its start), and a path from a baseline year to a horizon year spans
    exactly the years the required growth is computed over.
    """
    start = date(int(period["start"][:4]), int(period["start"][5:7]), 1)
    ey, em = int(period["end"][:4]), int(period["end"][5:7])
    end = date(ey + em // 12, em % 12 + 1, 1)  # first day after the period
    return (start + (end - start) / 2).isoformat()


def _year_midpoint(year: int) -> str:
    return _midpoint({"start": f"{year}-01", "end": f"{year}-12"})


def _series(flow: str, countries: list[str]) -> str:
    return "Turnover" if flow == "turnover" else f"Exports {countries[0]}→{countries[1]}"


def chart_rows(report: PairReport, currency: str | None) -> list[dict[str, Any]]:
    """The chart's data: one row per figure, target and end of a required path."""
    rows: list[dict[str, Any]] = []
    for g in report.figures:
        if g.currency != currency:
            continue
        rows.append(
            {
                "layer": "figure",
                "series": _series(g.flow, g.countries),
                "date": _midpoint(g.period),
                "value": g.value,
                "basis": "annual" if g.full_year else "partial year",
                "period": period_label(g.period),
                "amount": money(g.value, g.currency),
                "sources": len(g.sources),
            }
        )
    for t in report.targets:
        if t.currency != currency or t.by is None:
            continue
        name = f"Target {money(t.value, t.currency)} by {t.by}"
        target_row = {
            "layer": "target",
            "series": "Target",
            "target": name,
            "date": _year_midpoint(t.by),
            "value": t.value,
            "period": f"by {t.by}",
            "amount": money(t.value, t.currency),
            "status": t.status,
        }
        rows.append(target_row)
        if t.baseline_value is not None and t.baseline_period is not None:
            for when, value, label in (
                (_midpoint(t.baseline_period), t.baseline_value, "baseline"),
                (target_row["date"], t.value, "target"),
            ):
                rows.append(
                    {
                        "layer": "path",
                        "series": "Required path",
                        "target": name,
                        "date": when,
                        "value": value,
                        "period": label,
                        "amount": money(value, t.currency),
                        "cagr": t.required_cagr,
                    }
                )
    return rows


def _colors(rows: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    figures = sorted({r["series"] for r in rows if r["layer"] == "figure"} - {"Turnover"})
    domain, palette = ["Turnover"], [TURNOVER_COLOR]
    for i, name in enumerate(figures):
        domain.append(name)
        palette.append(EXPORT_COLORS[i % len(EXPORT_COLORS)])
    domain += ["Target", "Required path"]
    palette += [TARGET_COLOR, TARGET_COLOR]
    return domain, palette


def pair_chart_spec(report: PairReport) -> dict[str, Any] | None:
    """A Vega-Lite v6 spec for the pair, or None when there is nothing to draw."""
    currency = chart_currency(report)
    rows = chart_rows(report, currency)
    if not rows:
        return None
    domain, palette = _colors(rows)
    prefix = "$" if currency == "USD" else ""
    suffix = "" if currency in (None, "USD") else f" {currency}"
    x = {
        "field": "date",
        "type": "temporal",
        "title": None,
        "axis": {"format": "%Y", "tickCount": {"interval": "year", "step": 1}, "grid": True},
        "scale": {"nice": "year"},
    }
    y = {
        "field": "value",
        "type": "quantitative",
        "title": f"Reported value ({currency or 'no currency'})",
        "scale": {"zero": True},
        "axis": {
            "labelExpr": f"'{prefix}' + replace(format(datum.value, '~s'), 'G', 'B') + '{suffix}'"
        },
    }
    color = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": domain, "range": palette},
        "legend": {"orient": "bottom"},
    }
    shape = {
        "field": "basis",
        "type": "nominal",
        "title": None,
        "scale": {"domain": ["annual", "partial year"], "range": ["circle", "triangle-up"]},
        "legend": {"orient": "bottom"},
    }
    tooltip = [
        {"field": "series", "title": "Series"},
        {"field": "period", "title": "Period"},
        {"field": "amount", "title": "Amount"},
    ]

    def only(layer: str) -> list[dict[str, Any]]:
        return [{"filter": f"datum.layer === '{layer}'"}]

    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "height": 320,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"values": rows},
        "config": {
            "font": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
            "axis": {"labelColor": "#66788a", "titleColor": "#66788a", "gridColor": "#eef1f4"},
            "view": {"stroke": None},
        },
        "layer": [
            {
                "transform": only("path"),
                "mark": {"type": "line", "strokeDash": [6, 4], "strokeWidth": 1.5},
                "encoding": {"x": x, "y": y, "color": color, "detail": {"field": "target"}},
            },
            {
                "transform": [*only("figure"), {"filter": "datum.basis === 'annual'"}],
                "mark": {"type": "line", "strokeWidth": 2},
                "encoding": {"x": x, "y": y, "color": color},
            },
            *(
                {
                    "transform": [*only("figure"), {"filter": f"datum.basis === '{basis}'"}],
                    "mark": {"type": "point", "size": 80, "strokeWidth": 2, "filled": filled},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "color": color,
                        "shape": shape,
                        "tooltip": [*tooltip, {"field": "basis", "title": "Basis"}],
                    },
                }
                for basis, filled in (("annual", True), ("partial year", False))
            ),
            {
                "transform": only("target"),
                "mark": {"type": "point", "shape": "diamond", "size": 220, "filled": True},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": color,
                    "tooltip": [*tooltip, {"field": "status", "title": "Status"}],
                },
            },
        ],
    }
