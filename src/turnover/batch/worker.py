"""What runs on a worker: read one partition's articles, extract, write its Parquet.

`process_partition` is the only function either engine ships to a worker, so
the process pool and Dask run exactly the same code, and both run
`turnover.extract` exactly as `turnover extract` does. Every input that cannot
be read or extracted becomes a failure row with a one-line reason; nothing a
single article does can stop the partition.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from turnover.batch.parquet_io import TABLES, fact_row, write_partition
from turnover.batch.partitions import FileGroup, PartitionSpec, ShardSlice
from turnover.extract import EXTRACTOR_VERSION, extract
from turnover.reader import ArticleFile, ArticleInputError, decode_article, read_article

try:  # peak memory of the worker process; absent on Windows
    import resource
except ImportError:  # pragma: no cover
    resource = None  # type: ignore[assignment]

_ISO_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)?")
_OPTIONAL_FIELDS = ("doc", "url", "published", "title")


@dataclass(frozen=True, slots=True)
class InputArticle:
    """One article as read from its input, before extraction."""

    doc: str
    source: str
    text: str
    url: str | None = None
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    doc: str | None
    source: str
    reason: str


@dataclass(slots=True)
class PartitionResult:
    """What a worker reports back: counts and failures, never the rows themselves."""

    pid: str
    index: int
    articles: int = 0
    facts: int = 0
    people: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # below `seconds` when the worker had to share its core
    worker: str = ""
    peak_rss: int | None = None  # bytes, the worker process's high-water mark
    extractor_version: str = EXTRACTOR_VERSION  # the worker's, checked against the driver's


def content_hash(text: str) -> str:
    """sha256 of the article text (UTF-8), hex: identifies an article across runs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def one_line(exc: BaseException) -> str:
    """An exception as ``Type: message`` on one line, for failure reasons."""
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _peak_rss() -> int | None:
    if resource is None:
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def parse_shard_line(line: bytes, source: str, default_doc: str) -> InputArticle:
    """Read one JSONL line: ``text`` plus optional doc/url/published/title strings."""
    raw = decode_article(line, source)  # the same size/binary/UTF-8 checks as files
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ArticleInputError(
            f"{source}: invalid JSON ({exc.msg} at column {exc.colno})"
        ) from None
    if not isinstance(data, dict):
        raise ArticleInputError(f"{source}: a JSON object with a 'text' field was expected")
    text = data.get("text")
    if not isinstance(text, str):
        raise ArticleInputError(f"{source}: 'text' is missing or not a string")
    if not text.strip():
        raise ArticleInputError(f"{source}: empty article")
    extra: dict[str, str | None] = {}
    for name in _OPTIONAL_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise ArticleInputError(f"{source}: '{name}' must be a string")
        extra[name] = value or None
    if extra["published"] and not _ISO_DATE.fullmatch(extra["published"]):
        raise ArticleInputError(
            f"{source}: 'published' must be an ISO date like 2025-09-29 or 2025-09-29T20:54"
        )
    return InputArticle(
        doc=extra["doc"] or default_doc,
        source=source,
        text=text,
        url=extra["url"],
        published=extra["published"],
        title=extra["title"],
    )


def _read_slice(work: ShardSlice) -> Iterator[InputArticle | Failure]:
    path = Path(work.path)
    stem = path.stem
    try:
        with path.open("rb") as fh:
            fh.seek(work.start)
            data = fh.read(work.end - work.start)
    except OSError as exc:
        yield Failure(None, work.path, f"{work.path}: cannot read ({exc.strerror or exc})")
        return
    for line_no, line in enumerate(data.split(b"\n"), start=work.first_line):
        if not line.strip():
            continue
        source = f"{work.path}:{line_no}"
        try:
            yield parse_shard_line(line, source, f"{stem}-{line_no}")
        except ArticleInputError as exc:
            yield Failure(None, source, str(exc))


def _read_files(work: FileGroup, published: str | None) -> Iterator[InputArticle | Failure]:
    for path, doc in zip(work.paths, work.docs, strict=True):
        try:
            text = read_article(ArticleFile(doc=doc, path=Path(path)))
        except ArticleInputError as exc:
            yield Failure(doc, path, str(exc))
            continue
        yield InputArticle(doc=doc, source=path, text=text, published=published)


def read_inputs(spec: PartitionSpec, published: str | None) -> Iterator[InputArticle | Failure]:
    """The partition's articles in input order, with failures in their place."""
    if isinstance(spec.work, ShardSlice):
        # A shard line's own date wins; --published fills in for lines without one.
        for item in _read_slice(spec.work):
            if isinstance(item, InputArticle) and item.published is None and published:
                item = replace(item, published=published)
            yield item
    else:
        yield from _read_files(spec.work, published)


def process_partition(
    spec: PartitionSpec, out_dir: str, published: str | None = None
) -> PartitionResult:
    """Extract every article of one partition and write its four Parquet files."""
    started, cpu_started = time.perf_counter(), time.process_time()
    result = PartitionResult(pid=spec.pid, index=spec.index)
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    key = {"partition": spec.pid}
    for row, item in enumerate(read_inputs(spec, published)):
        if isinstance(item, InputArticle):
            try:
                found = extract(item.text, doc=item.doc, published=item.published)
            except Exception as exc:  # one bad article must not stop the run
                reason = f"{item.source}: extractor failed ({one_line(exc)})"
                item = Failure(item.doc, item.source, reason)
        if isinstance(item, Failure):
            result.failures.append(item)
            rows["failures"].append(
                {**key, "row": row, "doc": item.doc, "source": item.source, "reason": item.reason}
            )
            continue
        digest = content_hash(item.text)
        art_key = {**key, "row": row, "doc": item.doc, "content_hash": digest}
        rows["articles"].append(
            {
                **art_key,
                "source": item.source,
                "url": item.url,
                "published": found.published,
                "title": found.title,
                "feed_title": item.title,
                "extractor_version": EXTRACTOR_VERSION,
                "text": item.text,
            }
        )
        rows["facts"].extend(
            {**art_key, "fact_index": i, **fact_row(f)} for i, f in enumerate(found.facts)
        )
        rows["people"].extend(
            {**art_key, "person_index": i, **p.to_dict()} for i, p in enumerate(found.people)
        )
        result.articles += 1
        result.facts += len(found.facts)
        result.people += len(found.people)
    write_partition(Path(out_dir), spec.pid, rows)
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu_started
    result.worker = f"{socket.gethostname()}:{os.getpid()}"
    result.peak_rss = _peak_rss()
    return result
