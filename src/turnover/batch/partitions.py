"""Splitting batch inputs into partitions with ids that survive a re-run.

A partition is the unit of work, of output (one Parquet file per table) and of
resumption (one manifest entry). Its id is a hash of exactly what it covers:
the files' paths, sizes and modification times, or a JSONL shard's byte range.
Re-running over the same input therefore yields the same ids, so finished
partitions are recognised; an edited input yields a new id and is redone.

The driver only plans (lists files, finds line offsets in shards); workers read
the text themselves, so no article passes through the driver.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from turnover.reader import ArticleInputError, find_articles

SHARD_SUFFIX = ".jsonl"
ARTICLE_SUFFIXES = (".txt", SHARD_SUFFIX)
_SCAN_BLOCK = 1 << 24  # bytes read at a time when finding line offsets in a shard


@dataclass(frozen=True, slots=True)
class FileGroup:
    """A run of article files, read by `turnover.reader.read_article`."""

    paths: tuple[str, ...]
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ShardSlice:
    """Lines of one JSONL shard: those starting in bytes [start, end)."""

    path: str
    start: int
    end: int
    first_line: int  # 1-based number of the first line in the slice


@dataclass(frozen=True, slots=True)
class PartitionSpec:
    """One unit of work: what to read, and the id its output is filed under."""

    pid: str
    index: int  # position in this run's plan; orders the output when read back
    work: FileGroup | ShardSlice

    @property
    def label(self) -> str:
        """Human-readable description, for error messages."""
        if isinstance(self.work, ShardSlice):
            return f"{self.work.path} from line {self.work.first_line}"
        return f"{self.work.paths[0]} and {len(self.work.paths) - 1} more files"


def _partition_id(identity: object) -> str:
    blob = json.dumps(identity, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:20]


def _stat_identity(path: Path) -> list[object]:
    st = path.stat()
    return [str(path.resolve()), st.st_size, st.st_mtime_ns]


def shard_slices(path: Path, lines_per_slice: int) -> Iterator[ShardSlice]:
    """Cut a JSONL shard into slices of ``lines_per_slice`` lines by byte offset.

    Only newline positions are looked at, so planning a multi-gigabyte shard
    costs one sequential read and no parsing.
    """
    size = path.stat().st_size
    start, first_line, line_no, lines_in_slice = 0, 1, 1, 0
    offset = 0
    with path.open("rb") as fh:
        while block := fh.read(_SCAN_BLOCK):
            pos = block.find(b"\n")
            while pos != -1:
                lines_in_slice += 1
                line_no += 1
                if lines_in_slice == lines_per_slice:
                    end = offset + pos + 1
                    yield ShardSlice(str(path), start, end, first_line)
                    start, first_line, lines_in_slice = end, line_no, 0
                pos = block.find(b"\n", pos + 1)
            offset += len(block)
    if start < size:
        yield ShardSlice(str(path), start, size, first_line)


def plan_partitions(
    inputs: Iterable[str], articles_per_partition: int
) -> tuple[list[PartitionSpec], list[str]]:
    """Expand inputs into partitions; also return one-line reasons for unusable inputs.

    Text files are grouped in input order, ``articles_per_partition`` at a
    time; each JSONL shard is cut into slices of that many lines.
    """
    if articles_per_partition < 1:
        raise ValueError("articles_per_partition must be at least 1")
    works: list[tuple[FileGroup | ShardSlice, object]] = []
    problems: list[str] = []
    group: list[tuple[Path, str, list[object]]] = []

    def close_group() -> None:
        if group:
            identity = ["files", *(stat_id for _, _, stat_id in group)]
            files = FileGroup(tuple(str(p) for p, _, _ in group), tuple(d for _, d, _ in group))
            works.append((files, identity))
            group.clear()

    for item in find_articles(inputs, suffixes=ARTICLE_SUFFIXES):
        if isinstance(item, ArticleInputError):
            problems.append(str(item))
            continue
        if item.path is None:
            problems.append("-: standard input cannot be batched; save it to a file")
            continue
        try:
            stat_id = _stat_identity(item.path)
            if item.path.suffix == SHARD_SUFFIX:
                close_group()
                for piece in shard_slices(item.path, articles_per_partition):
                    works.append((piece, ["shard", stat_id, piece.start, piece.end]))
            else:
                group.append((item.path, item.doc, stat_id))
                if len(group) == articles_per_partition:
                    close_group()
        except OSError as exc:
            problems.append(f"{item.path}: cannot read ({exc.strerror or exc})")
    close_group()
    specs = [
        PartitionSpec(pid=_partition_id(identity), index=i, work=work)
        for i, (work, identity) in enumerate(works)
    ]
    return specs, problems


def default_workers() -> int:
    """One worker per core the process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
