"""Batch extraction at scale: many articles in, partitioned Parquet out.

`run_batch` runs `turnover.extract` over files, folders, globs and JSONL shards
on a local process pool or a Dask cluster and writes DIR/{articles,facts,
people,failures}/part-<id>.parquet plus DIR/_manifest.json; `iter_batch_output`
reads such a folder back (what `turnover ingest DIR` uses).
"""

from turnover.batch.engines import ENGINES, EngineError
from turnover.batch.manifest import ManifestError
from turnover.batch.output import is_batch_output, iter_batch_output
from turnover.batch.runner import BatchProgress, BatchSummary, run_batch

__all__ = [
    "ENGINES",
    "BatchProgress",
    "BatchSummary",
    "EngineError",
    "ManifestError",
    "is_batch_output",
    "iter_batch_output",
    "run_batch",
]
