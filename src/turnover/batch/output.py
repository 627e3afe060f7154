"""Reading a batch output back: what `turnover ingest DIR` uses to load it.

Only partitions listed in the manifest are read: files a crashed run left
without a manifest entry are not results yet. Partitions come back in input
order and articles in their order within the partition, so two runs over the
same input (on either engine) read back identically.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from turnover.batch.manifest import MANIFEST_NAME, Manifest, ManifestError
from turnover.batch.parquet_io import article_facts_from_rows, read_partition
from turnover.batch.worker import one_line
from turnover.models import ArticleFacts

ARTICLE_KEYS = ("doc", "text", "url", "source", "published", "title", "content_hash")


def is_batch_output(path: str | Path) -> bool:
    """True when ``path`` is a folder written by `turnover batch` (it has a manifest)."""
    folder = Path(path)
    if not (folder / MANIFEST_NAME).is_file():
        return False
    try:
        Manifest.load(folder)
    except ManifestError:
        return False
    return True


def _by_row(rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["row"]].append(row)
    return grouped


def iter_batch_output(path: str | Path) -> Iterator[tuple[dict, ArticleFacts]]:
    """Yield ``(article, facts)`` for every extracted article of a batch output.

    ``article`` has the keys of ARTICLE_KEYS; ``title`` is the title the input
    gave (a JSONL line's), else the extracted one. ``facts`` is exactly what
    `turnover.extract` returned for the article. Raises ManifestError (one
    line) when ``path`` is not a readable batch output.
    """
    folder = Path(path)
    if not (folder / MANIFEST_NAME).is_file():
        raise ManifestError(f"{folder}: not a turnover batch output (no {MANIFEST_NAME})")
    manifest = Manifest.load(folder)
    for pid in manifest.ordered():
        try:
            articles = read_partition(folder, "articles", pid)
            facts = _by_row(read_partition(folder, "facts", pid))
            people = _by_row(read_partition(folder, "people", pid))
        except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
            raise ManifestError(
                f"{folder}: partition {pid} is unreadable ({one_line(exc)})"
            ) from None
        for row in articles:
            article = {key: row[key] for key in ARTICLE_KEYS}
            article["title"] = row["feed_title"] or row["title"]
            found = article_facts_from_rows(
                row, facts.get(row["row"], []), people.get(row["row"], [])
            )
            yield article, found
