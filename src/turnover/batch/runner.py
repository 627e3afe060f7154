"""`run_batch`: plan partitions, skip finished ones, run the rest, keep the manifest.

This is the library call behind `turnover batch`; a script can make it too and
gets a `BatchSummary` back. The driver owns the manifest: it records a
partition only after the worker has written all of its files, so the folder is
always consistent and a re-run resumes where a crashed one stopped.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from turnover.batch.engines import Engine, Outcome, PartitionCrash, make_engine
from turnover.batch.manifest import MANIFEST_NAME, Manifest, ManifestError
from turnover.batch.partitions import PartitionSpec, default_workers, plan_partitions
from turnover.batch.worker import Failure, PartitionResult
from turnover.extract import EXTRACTOR_VERSION

DEFAULT_ARTICLES_PER_PARTITION = 1000
"""Big enough that per-task overhead is noise, small enough that a crash loses little."""
_MANIFEST_SAVE_INTERVAL = 1.0  # seconds; a crash redoes at most this much finished work


class BatchProgress(Protocol):
    """What the CLI's progress display (or any caller) is told during a run."""

    def planned(self, total: int, pending: int) -> None: ...

    def finished(self, outcome: Outcome) -> None: ...


@dataclass
class BatchSummary:
    """The result of one run over an output folder."""

    out_dir: Path
    partitions: int = 0  # planned from this run's inputs
    skipped: int = 0  # already finished by an earlier run
    done: int = 0  # finished by this run
    crashed: list[PartitionCrash] = field(default_factory=list)
    input_failures: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)  # this run's articles
    earlier_failures: int = 0  # recorded in skipped partitions' failures tables
    articles: int = 0  # every finished partition of this run's inputs
    facts: int = 0
    people: int = 0
    articles_now: int = 0  # extracted by this run
    seconds: float = 0.0  # from the engine being ready to the last partition
    startup_seconds: float = 0.0  # planning plus starting the engine
    peak_rss: dict[str, int] = field(default_factory=dict)  # worker -> bytes

    @property
    def articles_per_second(self) -> float:
        return self.articles_now / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        return not (self.crashed or self.input_failures or self.failures or self.earlier_failures)


def _check_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise ManifestError(f"{out_dir}: exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MANIFEST_NAME).exists():
        raise ManifestError(f"{out_dir}: folder is not empty and holds no batch output")


def _partition_size(manifest: Manifest, requested: int | None) -> int:
    stored = manifest.articles_per_partition
    if requested is not None and stored is not None and requested != stored:
        raise ManifestError(
            f"{manifest.path.parent}: written with {stored} articles per partition; "
            f"resume with the same size or choose a new output folder"
        )
    return requested or stored or DEFAULT_ARTICLES_PER_PARTITION


def run_batch(
    inputs: Iterable[str],
    out_dir: str | Path,
    *,
    engine: Engine = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    articles_per_partition: int | None = None,
    published: str | None = None,
    progress: BatchProgress | None = None,
) -> BatchSummary:
    """Extract every article of ``inputs`` into partitioned Parquet under ``out_dir``.

    Raises ManifestError or EngineError (one-line messages) when the run cannot
    start; anything that goes wrong with one input or partition is recorded in
    the summary instead and the run goes on.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    _check_out_dir(out)
    manifest = Manifest.load(out)
    size = _partition_size(manifest, articles_per_partition)
    specs, problems = plan_partitions(inputs, size)
    unique: dict[str, PartitionSpec] = {}
    for spec in specs:  # the same input given twice is one partition
        unique.setdefault(spec.pid, spec)
    pending = [s for s in unique.values() if not manifest.is_done(s.pid, EXTRACTOR_VERSION)]
    summary = BatchSummary(out_dir=out, partitions=len(unique), input_failures=problems)
    summary.skipped = len(unique) - len(pending)
    manifest.articles_per_partition = size
    manifest.input_failures = problems
    out.mkdir(parents=True, exist_ok=True)
    manifest.save()
    if progress:
        progress.planned(len(unique), len(pending))

    if pending:
        with make_engine(engine, workers or default_workers(), scheduler) as runner:
            ready = time.perf_counter()
            summary.startup_seconds = ready - started
            last_save = ready
            try:
                for outcome in runner.run(pending, str(out), published):
                    _take(summary, manifest, outcome)
                    if progress:
                        progress.finished(outcome)
                    if time.perf_counter() - last_save >= _MANIFEST_SAVE_INTERVAL:
                        manifest.save()
                        last_save = time.perf_counter()
            finally:  # an interrupted run keeps every partition it finished
                manifest.save()
            summary.seconds = time.perf_counter() - ready

    pending_ids = {s.pid for s in pending}
    for pid in unique:
        entry = manifest.partitions.get(pid)
        if entry is None or not manifest.is_done(pid, EXTRACTOR_VERSION):
            continue  # crashed this time
        summary.articles += entry["articles"]
        summary.facts += entry["facts"]
        summary.people += entry["people"]
        if pid not in pending_ids:
            summary.earlier_failures += entry["failures"]
    return summary


def _take(summary: BatchSummary, manifest: Manifest, outcome: Outcome) -> None:
    if isinstance(outcome, PartitionCrash):
        summary.crashed.append(outcome)
        return
    summary.done += 1
    summary.articles_now += outcome.articles
    summary.failures.extend(outcome.failures)
    if outcome.peak_rss is not None:
        summary.peak_rss[outcome.worker] = max(
            outcome.peak_rss, summary.peak_rss.get(outcome.worker, 0)
        )
    manifest.record(outcome.pid, _entry(outcome))


def _entry(result: PartitionResult) -> dict[str, object]:
    return {
        "index": result.index,
        "articles": result.articles,
        "facts": result.facts,
        "people": result.people,
        "failures": len(result.failures),
        "seconds": round(result.seconds, 3),
        "cpu_seconds": round(result.cpu_seconds, 3),
        "worker": result.worker,
        "extractor_version": result.extractor_version,
    }
