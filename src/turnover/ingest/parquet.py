"""Batch output folders (`turnover batch`): articles with facts already extracted.

The batch engine owns the format; it provides ``is_batch_output(path)`` and
``iter_batch_output(path)`` in `turnover.batch`. They are imported lazily so
ingestion works (and says why) when that package is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from turnover.ingest.items import IngestFailure, IngestItem
from turnover.store import ArticleMeta


def _batch_module():  # noqa: ANN202
    try:
        from turnover import batch
    except ImportError:
        return None
    if hasattr(batch, "is_batch_output") and hasattr(batch, "iter_batch_output"):
        return batch
    return None


def is_batch_output(path: Path) -> bool:
    """True when ``path`` is a folder written by `turnover batch`."""
    batch = _batch_module()
    return bool(batch and path.is_dir() and batch.is_batch_output(path))


def batch_items(path: Path) -> Iterator[IngestItem | IngestFailure]:
    """Every article of a batch output with its stored facts (no re-extraction)."""
    batch = _batch_module()
    if batch is None:
        yield IngestFailure(str(path), "batch output support is not installed")
        return
    try:
        for article, facts in batch.iter_batch_output(path):
            text = article.get("text")
            label = f"{path}:{article.get('doc')}"
            if not isinstance(text, str) or not text.strip():
                yield IngestFailure(label, "article without text in batch output")
                continue
            meta = ArticleMeta(
                text=text,
                doc=article.get("doc"),
                url=article.get("url"),
                source=article.get("source") or str(path),
                published=article.get("published"),
                title=article.get("title"),
            )
            yield IngestItem(label, meta, facts)
    except Exception as exc:  # a damaged batch folder must not crash the run
        yield IngestFailure(str(path), f"cannot read batch output ({type(exc).__name__}: {exc})")
