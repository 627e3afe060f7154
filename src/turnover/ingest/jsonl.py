"""JSONL article files: one object per line with ``text`` and optional metadata.

Recognised keys: ``text`` (required), ``url``, ``published``, ``title``, ``doc``
(or ``id``), ``source``. A bad line is reported with its number; the other lines
are still ingested.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from turnover.ingest.items import IngestFailure, IngestItem, normalise_published
from turnover.reader import MAX_ARTICLE_BYTES
from turnover.store import ArticleMeta


def jsonl_items(path: Path) -> Iterator[IngestItem | IngestFailure]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield IngestFailure(str(path), f"cannot read ({exc.strerror or exc})")
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            label = f"{path}:{number}"
            if not raw.strip():
                continue
            yield _line_item(raw, label, path.stem, number)


def _line_item(raw: bytes, label: str, stem: str, number: int) -> IngestItem | IngestFailure:
    if len(raw) > MAX_ARTICLE_BYTES:
        return IngestFailure(label, f"line too large ({len(raw):,} bytes)")
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return IngestFailure(label, f"not JSON ({exc})")
    if not isinstance(obj, dict):
        return IngestFailure(label, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestFailure(label, "no non-empty 'text' field")
    try:
        published = normalise_published(obj.get("published"))
    except ValueError as exc:
        return IngestFailure(label, f"'published' {exc}")
    doc = obj.get("doc") or obj.get("id") or f"{stem}-{number}"
    meta = ArticleMeta(
        text=text,
        doc=str(doc),
        url=_str(obj.get("url")),
        source=_str(obj.get("source")) or label,
        published=published,
        title=_str(obj.get("title")),
    )
    return IngestItem(label, meta)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
