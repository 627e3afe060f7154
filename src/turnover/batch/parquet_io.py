"""The Parquet layout of a batch output: one folder per table, one file per partition.

    DIR/articles/part-<pid>.parquet   one row per extracted article (with its text)
    DIR/facts/part-<pid>.parquet      one row per fact (FACTS.md fields, flattened)
    DIR/people/part-<pid>.parquet     one row per official
    DIR/failures/part-<pid>.parquet   one row per input that could not be extracted

Every table carries ``partition`` and ``row`` (the article's position in its
partition), the join key between them. Rows are built from the models'
``to_dict()`` and read back through ``from_dict()``, so the Parquet can never
drift from the FACTS.md layout.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from turnover.models import ArticleFacts, Fact, Person

_KEY = [pa.field("partition", pa.string()), pa.field("row", pa.int32())]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            *_KEY,
            pa.field("doc", pa.string()),
            pa.field("source", pa.string()),
            pa.field("url", pa.string()),
            pa.field("published", pa.string()),
            pa.field("title", pa.string()),
            pa.field("feed_title", pa.string()),
            pa.field("content_hash", pa.string()),
            pa.field("extractor_version", pa.string()),
            pa.field("text", pa.large_string()),
        ]
    ),
    "facts": pa.schema(
        [
            *_KEY,
            pa.field("doc", pa.string()),
            pa.field("content_hash", pa.string()),
            pa.field("fact_index", pa.int32()),
            pa.field("kind", pa.string()),
            pa.field("flow", pa.string()),
            pa.field("countries", pa.list_(pa.string())),
            pa.field("value", pa.float64()),
            pa.field("currency", pa.string()),
            pa.field("percent", pa.float64()),
            pa.field("period_start", pa.string()),
            pa.field("period_end", pa.string()),
            pa.field("by", pa.int32()),
            pa.field("quote", pa.string()),
            pa.field("span_start", pa.int64()),
            pa.field("span_end", pa.int64()),
            pa.field("qualifier", pa.string()),
            pa.field("speaker", pa.string()),
        ]
    ),
    "people": pa.schema(
        [
            *_KEY,
            pa.field("doc", pa.string()),
            pa.field("content_hash", pa.string()),
            pa.field("person_index", pa.int32()),
            pa.field("name", pa.string()),
            pa.field("country", pa.string()),
            pa.field("role", pa.string()),
        ]
    ),
    "failures": pa.schema(
        [
            *_KEY,
            pa.field("doc", pa.string()),
            pa.field("source", pa.string()),
            pa.field("reason", pa.string()),
        ]
    ),
}
TABLES = tuple(SCHEMAS)


def fact_row(fact: Fact) -> dict[str, Any]:
    """Flatten one fact's FACTS.md dict into a facts-table row (without the key)."""
    row = fact.to_dict()
    period, span = row.pop("period"), row.pop("span")
    row["period_start"] = period["start"] if period else None
    row["period_end"] = period["end"] if period else None
    row["span_start"], row["span_end"] = span
    return row


def fact_from_row(row: dict[str, Any]) -> Fact:
    """Inverse of `fact_row`: a facts-table row back to a Fact."""
    data = dict(row)
    start, end = data.pop("period_start"), data.pop("period_end")
    data["period"] = {"start": start, "end": end} if start else None
    data["span"] = (data.pop("span_start"), data.pop("span_end"))
    return Fact.from_dict(data)


def part_path(out_dir: Path, table: str, pid: str) -> Path:
    return out_dir / table / f"part-{pid}.parquet"


def write_partition(out_dir: Path, pid: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Write one partition's rows, every table, each file atomically (tmp + rename).

    A crash leaves either the old file or the new one, never half a file; the
    manifest entry, written after this returns, is what marks the partition done.
    """
    for table, schema in SCHEMAS.items():
        target = part_path(out_dir, table, pid)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            pq.write_table(pa.Table.from_pylist(rows.get(table, []), schema=schema), tmp)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)  # only still there when writing failed


def read_partition(out_dir: Path, table: str, pid: str) -> list[dict[str, Any]]:
    """All rows of one table of one partition, in written order."""
    return pq.read_table(part_path(out_dir, table, pid), schema=SCHEMAS[table]).to_pylist()


def article_facts_from_rows(
    article: dict[str, Any], facts: list[dict[str, Any]], people: list[dict[str, Any]]
) -> ArticleFacts:
    """Rebuild what `turnover.extract` returned for one article from its rows."""
    drop = {"partition", "row", "doc", "content_hash", "fact_index", "person_index"}
    return ArticleFacts(
        doc=article["doc"],
        published=article["published"],
        title=article["title"],
        facts=tuple(
            fact_from_row({k: v for k, v in f.items() if k not in drop})
            for f in sorted(facts, key=lambda r: r["fact_index"])
        ),
        people=tuple(
            Person.from_dict({k: v for k, v in p.items() if k not in drop})
            for p in sorted(people, key=lambda r: r["person_index"])
        ),
    )
