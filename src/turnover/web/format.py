"""Human-readable labels for amounts, periods, pairs and facts.

Shared by the dashboard pages, the review view and the chart data so a figure
reads the same everywhere ("$133 million", "Jan–Jun 2025"). Pure functions of
plain values: templates call them as Jinja filters.
"""

from __future__ import annotations

from typing import Any

from turnover.countries import country_name
from turnover.models import Fact, Period
from turnover.tracker import TargetStatus

_CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "RUB": "₽"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _trim(number: float, places: int) -> str:
    text = f"{number:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: float | None, currency: str | None) -> str:
    """``133e6, "USD"`` -> ``"$133 million"``; unknown currencies keep their code."""
    if value is None:
        return "—"
    amount = abs(value)
    unit = ""
    for scale, word in _SCALES:
        if amount >= scale:
            amount, unit = amount / scale, f" {word}"
            break
    number = _trim(amount, 2 if amount < 100 else 1)
    sign = "-" if value < 0 else ""
    code = currency or ""
    symbol = _CURRENCY_SYMBOLS.get(code)
    if symbol:
        return f"{sign}{symbol}{number}{unit}"
    return f"{sign}{number}{unit} {code}".strip()


def percent(value: float | None, signed: bool = True) -> str:
    """``13.0`` -> ``"+13%"``; ``None`` -> ``"—"``."""
    if value is None:
        return "—"
    text = _trim(value, 1)
    return f"+{text}%" if signed and value > 0 else f"{text}%"


def period_label(period: Period | dict[str, str] | None) -> str:
    """``2024-01..2024-12`` -> ``"2024"``; ``2025-01..2025-06`` -> ``"Jan–Jun 2025"``."""
    if period is None:
        return "period not stated"
    if isinstance(period, dict):
        period = Period(period["start"], period["end"])
    sy, sm = period.start[:4], int(period.start[5:7])
    ey, em = period.end[:4], int(period.end[5:7])
    if period.is_full_year:
        return sy
    if sy == ey:
        if sm == em:
            return f"{_MONTHS[sm - 1]} {sy}"
        return f"{_MONTHS[sm - 1]}–{_MONTHS[em - 1]} {sy}"
    if sm == 1 and em == 12:
        return f"{sy}–{ey}"
    return f"{_MONTHS[sm - 1]} {sy}–{_MONTHS[em - 1]} {ey}"


def pair_names(countries: tuple[str, str] | list[str], flow: str = "turnover") -> str:
    """``("BLR", "KGZ")`` -> ``"Belarus – Kyrgyzstan"``; exports get an arrow."""
    a, b = (country_name(c) for c in countries)
    return f"{a} → {b}" if flow == "export" else f"{a} – {b}"


def flow_label(flow: str, countries: tuple[str, str] | list[str]) -> str:
    """``"turnover"`` -> ``"Turnover"``; export -> ``"Exports KGZ→BLR"``."""
    if flow == "export":
        return f"Exports {countries[0]}→{countries[1]}"
    return "Turnover"


def fact_amount(fact: Fact | dict[str, Any]) -> str:
    """The amount a fact states: money for values and targets, percent for changes."""
    data = fact.to_dict() if isinstance(fact, Fact) else fact
    if data["kind"] == "change":
        return percent(data.get("percent"))
    return money(data.get("value"), data.get("currency"))


def fact_when(fact: Fact | dict[str, Any]) -> str:
    """``"by 2030"`` for targets, the period label otherwise."""
    data = fact.to_dict() if isinstance(fact, Fact) else fact
    if data["kind"] == "target":
        return f"by {data['by']}" if data.get("by") else "no horizon"
    return period_label(data.get("period"))


def fact_label(fact: Fact | dict[str, Any]) -> str:
    """One line that says what a fact claims: "Turnover BLR–KGZ: $133 million, 2024"."""
    data = fact.to_dict() if isinstance(fact, Fact) else fact
    countries = data["countries"]
    kind = {"value": "", "change": "change ", "target": "target "}[data["kind"]]
    if data["flow"] == "export":
        head = f"Exports {countries[0]}→{countries[1]}"
    else:
        head = f"Turnover {countries[0]}–{countries[1]}"
    return f"{head}: {kind}{fact_amount(data)}, {fact_when(data)}"


FILTERS = {
    "money": money,
    "percent": percent,
    "period_label": period_label,
    "pair_names": pair_names,
    "flow_label": flow_label,
    "fact_amount": fact_amount,
    "fact_when": fact_when,
    "fact_label": fact_label,
    "country_name": country_name,
}
"""Registered on the Jinja environment by `turnover.web.templating`."""


def target_arithmetic(t: TargetStatus) -> list[str]:
    """The tracker's arithmetic for one target, as lines a reader can check by hand."""
    horizon = f"by {t.by}" if t.by else "no horizon"
    lines = [f"Target: {money(t.value, t.currency)} {horizon}"]
    base = t.baseline_value
    if base is not None and t.baseline_period:
        base_year = int(t.baseline_period["end"][:4])
        lines.append(
            f"Baseline: {money(base, t.currency)} ({period_label(t.baseline_period)}), "
            "the latest full-year figure before the pledge"
        )
        if t.required_cagr is not None and t.by is not None:
            years = t.by - base_year
            lines.append(
                f"Required growth: ({money(t.value, t.currency)} / {money(base, t.currency)})"
                f"^(1/{years}) − 1 = {t.required_cagr * 100:.1f}% a year ({base_year} → {t.by})"
            )
    else:
        lines.append("Baseline: no full-year figure before the pledge")
    if t.latest_value is not None and t.latest_period:
        basis = (
            "annualised run-rate of a partial year"
            if t.latest_basis == "run-rate"
            else ("full year")
        )
        lines.append(
            f"Latest reported: {money(t.latest_value, t.currency)} "
            f"({period_label(t.latest_period)}, {basis})"
        )
        if t.expected_value is not None and base is not None and t.required_cagr is not None:
            year = int(t.latest_period["end"][:4])
            lines.append(
                f"Expected on the path for {year}: {money(base, t.currency)} × "
                f"{1 + t.required_cagr:.3f}^{year - int(t.baseline_period['end'][:4])} = "
                f"{money(t.expected_value, t.currency)}"
            )
        if t.progress is not None:
            lines.append(
                f"Progress: {money(t.latest_value, t.currency)} / {money(t.value, t.currency)}"
                f" = {t.progress * 100:.1f}%"
            )
    else:
        lines.append("Latest reported: no figure after the baseline")
    lines.append(f"Status: {t.status} — {status_reason(t)}")
    return lines


def status_reason(t: TargetStatus) -> str:
    """Why the tracker gave this status (the rules are in README "Tracker rules")."""
    if t.status == "achieved":
        return "a reported figure within the horizon reached the target"
    if t.status == "superseded":
        return f"a newer target for the same pair and flow replaced it ({t.superseded_by})"
    if t.status == "missed":
        return f"the horizon {t.by} has passed without a figure reaching the target"
    if t.status in ("on track", "behind") and t.expected_value is not None:
        sign = "≥" if t.status == "on track" else "<"
        return (
            f"latest {money(t.latest_value, t.currency)} {sign} "
            f"expected {money(t.expected_value, t.currency)} on the required path"
        )
    return "no baseline or no later figure to compare with"
