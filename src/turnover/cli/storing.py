"""Store and tracker commands: ingest, reextract, targets, pair, facts, export.

Each command opens the store (``--db``, else $TURNOVER_DB, else ./turnover.db),
calls one library function and prints a rich table, or JSON with ``--json``
using the field names of the records' ``to_dict()``.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from turnover import tracker
from turnover.export import FORMATS, export
from turnover.ingest import Fetcher, ingest
from turnover.schema import SchemaError
from turnover.store import Store

# Piped output gets room for the wide tables instead of rich's 80-column default.
out = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one-line messages stay one line

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite file (default $TURNOVER_DB or ./turnover.db).", show_default=False
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON for scripts instead of a table.")]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Judge horizons as of this date (YYYY-MM-DD; default today)."),
]


def fail(message: str) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    err.print(f"turnover: {message}", markup=False)
    return typer.Exit(code=2)


def open_store(db: str | None) -> Store:
    try:
        return Store(db)
    except (SchemaError, OSError) as exc:
        raise fail(str(exc)) from None


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} {value!r}: expected a date YYYY-MM-DD") from None


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def finish(failures: list[str], quiet: bool) -> None:
    """List what failed (one line each) and exit 1 if anything did; the run itself went on."""
    if not quiet:
        for line in failures:
            err.print(f"  failed: {line}", markup=False)
    if failures:
        raise typer.Exit(code=1)


def money(value: float | None, currency: str | None) -> str:
    """$133M, $1.32B, 40B RUB: short amounts for tables."""
    if value is None:
        return "-"
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            text = f"{value / size:.3g}{suffix}"
            break
    else:
        text = f"{value:g}"
    return f"${text}" if currency == "USD" else f"{text} {currency or ''}".strip()


def period_text(period: dict[str, str] | None) -> str:
    if not period:
        return "-"
    start, end = period["start"], period["end"]
    if start[:4] == end[:4] and start[5:] == "01" and end[5:] == "12":
        return start[:4]
    return start if start == end else f"{start}..{end}"


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def sources_text(sources: list[dict[str, Any]], limit: int = 2) -> str:
    names = list(dict.fromkeys(s.get("doc") or s.get("url") or "?" for s in sources))
    more = f" +{len(names) - limit}" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def ingest_command(
    sources: Annotated[
        list[str],
        typer.Argument(help="Files, folders, globs, JSONL, HTML files, page or feed URLs."),
    ],
    db: DbOption = None,
    since: Annotated[
        str | None, typer.Option(help="Skip feed items published before this date.")
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds per HTTP request.")] = 15.0,
    retries: Annotated[int, typer.Option(help="Retries for timeouts, 429 and 5xx.")] = 3,
    delay: Annotated[
        float, typer.Option(help="Minimum seconds between requests to one host.")
    ] = 1.0,
    as_json: JsonOption = False,
) -> None:
    """Read articles from SOURCES, extract their facts and store them (idempotent)."""
    since_date = parse_date(since, "--since")
    fetcher = Fetcher(timeout=timeout, retries=retries, backoff=min(1.0, timeout), host_delay=delay)
    with open_store(db) as store:
        progress = Progress(
            SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.description}"), console=err, transient=True,
        )  # fmt: skip
        with progress:
            task = progress.add_task("", total=None)

            def step(item: Any, _result: Any) -> None:
                progress.update(task, advance=1, description=str(item.label)[-60:])

            summary = ingest(store, sources, since=since_date, fetcher=fetcher, on_item=step)
        fetcher.close()
    if as_json:
        emit_json(summary.to_dict())
    else:
        err.print(
            f"{summary.new} new, {summary.already_stored} already stored, {summary.failed} failed"
            + (f", {summary.skipped} skipped" if summary.skipped else "")
            + f"; {summary.facts_added} facts added"
            + (f"; {summary.same_story} linked to an earlier story" if summary.same_story else ""),
            markup=False,
        )
    finish([str(f) for f in summary.failures], quiet=as_json)


def reextract_command(
    db: DbOption = None,
    all_articles: Annotated[
        bool, typer.Option("--all", help="Every article, not only older versions.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Re-run the current extractor over stored articles and replace their facts."""
    with open_store(db) as store:
        result = store.reextract(all_articles=all_articles)
    if as_json:
        emit_json(result.to_dict())
    else:
        err.print(
            f"{result.articles} articles re-extracted; facts {result.facts_before} -> "
            f"{result.facts_after}",
            markup=False,
        )
    finish(result.errors, quiet=as_json)


def targets_command(
    db: DbOption = None,
    country: Annotated[
        str | None, typer.Option(help="Only targets involving this code (e.g. KGZ).")
    ] = None,
    pair: Annotated[str | None, typer.Option(help="Only this pair, e.g. KGZ-BLR.")] = None,
    status: Annotated[
        list[str] | None, typer.Option(help=f"Only these statuses: {', '.join(tracker.STATUSES)}.")
    ] = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every trade target with baseline, required growth, latest figure and status."""
    for s in status or []:
        if s.lower() not in tracker.STATUSES:
            raise fail(f"--status {s!r}: choose from {', '.join(tracker.STATUSES)}")
    pair = _checked_pair(pair)
    with open_store(db) as store:
        found = store.targets(
            country=country, pair=pair, status=status, as_of=parse_date(as_of, "--as-of")
        )
    if as_json:
        emit_json([t.to_dict() for t in found])
        return
    out.print(targets_table(found, title=f"{len(found)} targets"))


def targets_table(found: list[tracker.TargetStatus], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("Pair", "Flow", "Target", "By", "Stated", "Baseline", "Needs/yr", "Latest",
                 "Progress", "Status", "Sources"):  # fmt: skip
        table.add_column(name, overflow="fold")
    for t in found:
        stated = t.first_stated[:10] if t.first_stated else "-"
        if t.last_stated and t.first_stated and t.last_stated[:10] != stated:
            stated += f"..{t.last_stated[:10]}"
        flow = t.flow if t.flow == "turnover" else f"export {'>'.join(t.countries)}"
        latest = money(t.latest_value, t.currency)
        if t.latest_period:
            basis = ", run-rate" if t.latest_basis == "run-rate" else ""
            latest += f" ({period_text(t.latest_period)}{basis})"
        baseline = money(t.baseline_value, t.currency)
        if t.baseline_period:
            baseline += f" ({period_text(t.baseline_period)})"
        table.add_row(
            t.pair, flow, money(t.value, t.currency), str(t.by or "-"), stated, baseline,
            pct(t.required_cagr), latest, pct(t.progress), t.status,
            f"{t.stories} ({sources_text(t.sources)})",
        )  # fmt: skip
    return table


def _checked_pair(pair: str | None) -> str | None:
    if pair is None:
        return None
    try:
        return tracker.pair_label(*tracker.parse_pair(pair))
    except ValueError as exc:
        raise fail(f"--pair {exc}") from None


def pair_command(
    a: Annotated[str, typer.Argument(help="A country or group code, e.g. KGZ.")],
    b: Annotated[str, typer.Argument(help="The other code, e.g. BLR.")],
    db: DbOption = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Timeline of a pair: figures by period, targets history, checks and conflicts."""
    with open_store(db) as store:
        report = store.pair_report(a, b, as_of=parse_date(as_of, "--as-of"))
    if as_json:
        emit_json(report.to_dict())
        return
    figs = Table(title=f"{report.pair}: reported figures", title_justify="left")
    for name in ("Period", "Flow", "Value", "Kind", "Stories", "Sources"):
        figs.add_column(name, overflow="fold")
    for g in report.figures:
        kind = (
            "full year"
            if g.full_year
            else f"{g.months} months, run-rate {money(g.run_rate, g.currency)}/yr"
        )
        flow = g.flow if g.flow == "turnover" else f"export {'>'.join(g.countries)}"
        value = money(g.value, g.currency) + (" CONFLICT" if g.conflict else "")
        figs.add_row(
            period_text(g.period), flow, value, kind, str(g.stories), sources_text(g.sources)
        )
    out.print(figs)
    if report.changes:
        ch = Table(title="reported changes", title_justify="left")
        for name in ("Period", "Flow", "Change", "Source"):
            ch.add_column(name, overflow="fold")
        for c in report.changes:
            flow = c["flow"] if c["flow"] == "turnover" else f"export {'>'.join(c['countries'])}"
            ch.add_row(period_text(c["period"]), flow, f"{c['percent']:+g}%", c["doc"] or "-")
        out.print(ch)
    out.print(targets_table(report.targets, title="targets, in the order first stated"))
    for check in report.checks:
        verdict = "consistent" if check.consistent else "INCONSISTENT"
        exports, total = (
            money(check.exports_sum, check.currency),
            money(check.turnover, check.currency),
        )
        out.print(
            f"check {period_text(check.period)}: exports both ways {exports} vs turnover {total} "
            f"({check.difference * 100:+.1f}%): {verdict}"
        )
    for g in report.conflicts:
        values = ", ".join(money(v, g.currency) for v in g.values)
        out.print(
            f"conflict {g.flow} {period_text(g.period)}: {values} ({sources_text(g.sources, 5)})"
        )


def facts_command(
    db: DbOption = None,
    kind: Annotated[str | None, typer.Option(help="value, change or target.")] = None,
    flow: Annotated[str | None, typer.Option(help="turnover or export.")] = None,
    country: Annotated[str | None, typer.Option(help="Either side of the pair.")] = None,
    pair: Annotated[str | None, typer.Option(help="A pair, e.g. KGZ-BLR.")] = None,
    currency: Annotated[str | None, typer.Option(help="ISO 4217 code.")] = None,
    year: Annotated[
        int | None, typer.Option(help="Period touching, or horizon in, this year.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many facts.")] = None,
    offset: Annotated[int, typer.Option(help="Skip this many facts first.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored facts, newest article first."""
    pair = _checked_pair(pair)
    with open_store(db) as store:
        page = store.facts(
            kind=kind, flow=flow, country=country, pair=pair, currency=currency, year=year,
            limit=limit, offset=offset,
        )  # fmt: skip
    if as_json:
        emit_json(page.to_dict())
        return
    table = Table(title=f"{len(page.items)} of {page.total} facts", title_justify="left")
    for name in ("Kind", "Flow", "Countries", "Amount", "Period/by", "Article", "Quote"):
        table.add_column(name, overflow="fold")
    for f in page.items:
        amount = f"{f.percent:+g}%" if f.kind == "change" else money(f.value, f.currency)
        when = str(f.by or "-") if f.kind == "target" else period_text(f.to_dict()["period"])
        table.add_row(
            f.kind, f.flow, ">".join(f.countries), amount, when, f.doc or "-", f.quote[:120]
        )
    out.print(table)


def export_command(
    fmt: Annotated[str, typer.Option("--format", help=f"One of {', '.join(FORMATS)}.")] = "csv",
    out_dir: Annotated[
        str, typer.Option("--out", help="Folder to write facts/targets/articles into.")
    ] = "export",
    db: DbOption = None,
) -> None:
    """Write facts, targets and articles as CSV, JSON or Parquet files."""
    if fmt not in FORMATS:
        raise fail(f"--format {fmt!r}: choose from {', '.join(FORMATS)}")
    with open_store(db) as store:
        try:
            written = export(store, out_dir, fmt)
        except OSError as exc:
            raise fail(f"{out_dir}: cannot write ({exc.strerror or exc})") from None
    for name, path in written.items():
        err.print(f"{name}: {path}", markup=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("ingest")(ingest_command)
    app.command("reextract")(reextract_command)
    app.command("targets")(targets_command)
    app.command("pair")(pair_command)
    app.command("facts")(facts_command)
    app.command("export")(export_command)
