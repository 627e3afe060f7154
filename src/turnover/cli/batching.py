"""`turnover batch`: many articles in, partitioned Parquet out (a layer over turnover.batch)."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from turnover.batch import ENGINES, BatchSummary, EngineError, ManifestError, run_batch
from turnover.batch.engines import Outcome, PartitionCrash

_SHOWN_FAILURES = 20  # the rest are in DIR/failures/*.parquet


class _RichProgress:
    """A live bar over partitions, with articles done and articles per second."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            TextColumn("[bold]extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("partitions"),
            TextColumn("{task.fields[articles]:,} articles"),
            TextColumn("{task.fields[rate]:,.0f}/s"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self.task = self.progress.add_task("batch", total=None, articles=0, rate=0.0)
        self.articles = 0
        self.started = time.perf_counter()

    def planned(self, total: int, pending: int) -> None:
        self.progress.start()
        if total > pending:
            self.progress.console.print(
                f"{total - pending} of {total} partitions already finished: skipping them"
            )
        self.progress.update(self.task, total=pending)
        self.started = time.perf_counter()

    def finished(self, outcome: Outcome) -> None:
        if isinstance(outcome, PartitionCrash):
            self.progress.console.print(f"[red]partition failed[/]: {outcome.reason}")
        else:
            self.articles += outcome.articles
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        self.progress.update(
            self.task, advance=1, articles=self.articles, rate=self.articles / elapsed
        )


def print_summary(summary: BatchSummary, console: Console) -> None:
    """The final report: counts, throughput, every kind of failure with its reason."""
    table = Table(title="turnover batch", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right", overflow="fold")
    table.add_row("output", str(summary.out_dir))
    table.add_row(
        "partitions",
        f"{summary.partitions} ({summary.done} done now, {summary.skipped} already finished)",
    )
    table.add_row("articles", f"{summary.articles:,}")
    table.add_row("facts", f"{summary.facts:,}")
    table.add_row("people", f"{summary.people:,}")
    failures = len(summary.failures) + len(summary.input_failures) + summary.earlier_failures
    table.add_row("failures", f"{failures:,}")
    table.add_row(
        "throughput",
        f"{summary.articles_now:,} articles in {summary.seconds:.1f} s = "
        f"{summary.articles_per_second:,.0f} articles/s",
    )
    if summary.peak_rss:
        peak = max(summary.peak_rss.values()) / 2**20
        table.add_row(
            "peak memory", f"{peak:,.0f} MiB, the most of {len(summary.peak_rss)} workers"
        )
    console.print(table)
    reasons = summary.input_failures + [f.reason for f in summary.failures]
    for reason in reasons[:_SHOWN_FAILURES]:
        console.print(f"failed: {reason}", markup=False, highlight=False, soft_wrap=True)
    if len(reasons) > _SHOWN_FAILURES:
        console.print(f"... and {len(reasons) - _SHOWN_FAILURES} more")
    if summary.earlier_failures:
        console.print(f"{summary.earlier_failures} failures from earlier runs")
    if failures:
        console.print(
            f"every failure: {summary.out_dir}/failures/ and input_failures in the manifest",
            soft_wrap=True,
        )
    for crash in summary.crashed:
        console.print(
            f"partition not finished ({crash.spec.label}): {crash.reason}; re-run to retry it",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def batch_command(
    inputs: Annotated[
        list[str], typer.Argument(help="Article files, folders, globs, or JSONL shards (.jsonl).")
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder (created; resumable).")],
    engine: Annotated[
        str | None,
        typer.Option(help="local (process pool) or dask. Default: dask with --scheduler."),
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Address of a running Dask scheduler (tcp://host:8786).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (default: one per core).")
    ] = None,
    partition_size: Annotated[
        int | None, typer.Option(min=1, help="Articles per partition (default 1000).")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) when the articles carry none.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> None:
    """Extract trade facts from many articles in parallel into partitioned Parquet."""
    chosen = engine or ("dask" if scheduler else "local")
    err = Console(stderr=True)
    if chosen not in ENGINES:
        err.print(f"turnover: --engine must be one of {', '.join(ENGINES)}, not {chosen!r}")
        raise typer.Exit(code=2)
    display = None if quiet else _RichProgress(err)
    try:
        summary = run_batch(
            inputs,
            out,
            engine=chosen,  # type: ignore[arg-type]
            workers=workers,
            scheduler=scheduler,
            articles_per_partition=partition_size,
            published=published,
            progress=display,
        )
    except (ManifestError, EngineError) as exc:
        err.print(f"turnover: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None
    except OSError as exc:  # the output folder cannot be written
        reason = exc.strerror or exc
        err.print(f"turnover: {exc.filename or out}: cannot write ({reason})", markup=False)
        raise typer.Exit(code=2) from None
    except KeyboardInterrupt:
        err.print(f"turnover: interrupted; finished partitions are kept in {out}, re-run to resume")
        raise typer.Exit(code=130) from None
    finally:
        if display:
            display.progress.stop()
    print_summary(summary, Console())
    if not summary.ok:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_command)
