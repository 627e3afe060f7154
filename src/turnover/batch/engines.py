"""The two engines that run `process_partition`: a local process pool, or Dask.

Both take the same partition specs and yield one outcome per partition as it
finishes, in completion order. Workers write their own Parquet and send back
only counts, so the driver's memory does not grow with the corpus. A partition
whose worker dies or raises comes back as a `PartitionCrash` with a one-line
reason; it is not recorded as finished, so the next run redoes it.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any, Literal

from turnover.batch.partitions import PartitionSpec
from turnover.batch.worker import PartitionResult, one_line, process_partition
from turnover.extract import EXTRACTOR_VERSION

Engine = Literal["local", "dask"]
ENGINES: tuple[Engine, ...] = ("local", "dask")


class EngineError(Exception):
    """The engine could not start (e.g. the scheduler is unreachable); one line."""


@dataclass(frozen=True, slots=True)
class PartitionCrash:
    spec: PartitionSpec
    reason: str


Outcome = PartitionResult | PartitionCrash


def _outcomes(futures: dict[Any, PartitionSpec], completed: Iterable[Any]) -> Iterator[Outcome]:
    """Each future's result as it completes; a failed one as a PartitionCrash.

    A finished future is dropped at once, which for Dask also releases its
    result on the worker.
    """
    for future in completed:
        spec = futures.pop(future)
        try:
            result = future.result()
        except Exception as exc:  # reported, and the partition is redone by the next run
            yield PartitionCrash(spec, one_line(exc))
            continue
        if result.extractor_version != EXTRACTOR_VERSION:  # a remote worker, installed apart
            yield PartitionCrash(
                spec,
                f"the worker {result.worker} runs extractor {result.extractor_version}, "
                f"this driver {EXTRACTOR_VERSION}: install the same turnover everywhere",
            )
            continue
        yield result


class LocalEngine:
    """A pool of ``workers`` processes on this machine.

    Worker processes are spawned, not forked: the driver runs a progress thread,
    and forking a threaded process can deadlock.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def run(
        self, specs: Sequence[PartitionSpec], out_dir: str, published: str | None
    ) -> Iterator[Outcome]:
        assert self._pool is not None, "use the engine as a context manager"
        futures: dict[Future[PartitionResult], PartitionSpec] = {
            self._pool.submit(process_partition, spec, out_dir, published): spec for spec in specs
        }
        return _outcomes(futures, as_completed(futures))


class DaskEngine:
    """The Dask cluster at ``scheduler``, or a LocalCluster of ``workers`` processes.

    With a remote scheduler the workers must have turnover installed and see the
    input and output paths (a shared filesystem): they read and write them.
    """

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        self.workers = workers
        self.scheduler = scheduler
        self._cluster = None
        self._client = None

    def __enter__(self) -> DaskEngine:
        from dask.distributed import Client, LocalCluster

        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout="10s")
            else:
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address="127.0.0.1:0",  # it serves HTTP anyway: loopback, free port
                    silence_logs=logging.CRITICAL,  # shutdown races log; task errors are results
                )
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.__exit__()
            where = self.scheduler or "a local cluster"
            raise EngineError(f"cannot start Dask on {where} ({one_line(exc)})") from None
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def run(
        self, specs: Sequence[PartitionSpec], out_dir: str, published: str | None
    ) -> Iterator[Outcome]:
        from dask.distributed import as_completed as dask_as_completed

        assert self._client is not None, "use the engine as a context manager"
        futures = {
            self._client.submit(
                process_partition, spec, out_dir, published, key=f"turnover-{spec.pid}", pure=False
            ): spec
            for spec in specs
        }
        return _outcomes(futures, dask_as_completed(futures))


def make_engine(
    engine: Engine, workers: int, scheduler: str | None = None
) -> LocalEngine | DaskEngine:
    """The engine named on the command line (not yet started: use it in a ``with``)."""
    if engine == "dask":
        return DaskEngine(workers, scheduler)
    if scheduler:
        raise EngineError("--scheduler needs --engine dask")
    return LocalEngine(workers)
