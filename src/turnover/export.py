"""Writing facts, targets and articles out of the store for use elsewhere.

JSON keeps the nested `--json` layout. CSV and Parquet are flat tables: nested
fields become columns (``period`` -> ``period_start``/``period_end``,
``countries`` -> ``country1``/``country2``, ``span`` -> ``span_start``/``span_end``)
and lists of records (a target's ``sources``) are JSON text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from turnover.store import Store

FORMATS = ("csv", "json", "parquet")


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row: nested periods, pairs and spans become columns."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if key == "countries" and isinstance(value, list):
            row["country1"], row["country2"] = value
        elif key == "span" and isinstance(value, list):
            row["span_start"], row["span_end"] = value
        elif isinstance(value, dict) and set(value) <= {"start", "end"}:
            row[f"{key}_start"] = value.get("start")
            row[f"{key}_end"] = value.get("end")
        elif value is None and key.endswith("period"):
            row[f"{key}_start"] = row[f"{key}_end"] = None
        elif isinstance(value, list | dict):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return row


def _write(rows: list[dict[str, Any]], path: Path, fmt: str) -> None:
    if fmt == "json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    flat = [flatten(r) for r in rows]
    columns: list[str] = []
    for r in flat:
        columns += [c for c in r if c not in columns]
    if fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(flat)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(flat) if flat else pa.table({c: [] for c in columns})
        pq.write_table(table, path)


def export(store: Store, out_dir: str | Path, fmt: str = "csv") -> dict[str, Path]:
    """Write facts, targets and articles to ``out_dir`` as ``<name>.<fmt>``.

    Returns the path of each file written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables: dict[str, Iterable[dict[str, Any]]] = {
        "facts": (f.to_dict() for f in store.facts().items),
        "targets": (t.to_dict() for t in store.targets()),
        "articles": store.iter_articles(),
    }
    written = {}
    for name, rows in tables.items():
        path = out / f"{name}.{fmt}"
        _write(list(rows), path, fmt)
        written[name] = path
    return written
