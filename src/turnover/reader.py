"""Reading article files from disk, with one-line reasons for what cannot be read.

Shared by `turnover extract`, `turnover ingest` and `turnover batch` so that every
command treats bad input the same way: a clear error for that input, the others
still processed.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_ARTICLE_BYTES = 5_000_000
"""Larger files are not news articles; reading them would only waste memory."""


class ArticleInputError(Exception):
    """An input that cannot be read as an article; the message is one line."""


@dataclass(frozen=True, slots=True)
class ArticleFile:
    doc: str
    path: Path | None  # None for standard input


def decode_article(data: bytes, source: str) -> str:
    """Decode article bytes as UTF-8, rejecting binary and oversized input."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleInputError(
            f"{source}: too large for an article ({len(data):,} bytes > {MAX_ARTICLE_BYTES:,})"
        )
    if b"\x00" in data[:8192]:
        raise ArticleInputError(f"{source}: binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleInputError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise ArticleInputError(f"{source}: empty article")
    return text


def read_article(item: ArticleFile) -> str:
    """Return the text of one article file (or stdin), or raise ArticleInputError."""
    if item.path is None:
        return decode_article(sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1), "<stdin>")
    try:
        size = item.path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleInputError(
                f"{item.path}: too large for an article ({size:,} bytes > {MAX_ARTICLE_BYTES:,})"
            )
        data = item.path.read_bytes()
    except OSError as exc:
        raise ArticleInputError(f"{item.path}: cannot read ({exc.strerror or exc})") from None
    return decode_article(data, str(item.path))


def find_articles(
    inputs: Iterable[str], suffixes: tuple[str, ...] = (".txt",)
) -> Iterator[ArticleFile | ArticleInputError]:
    """Expand files, folders (recursively) and globs into article files.

    Yields an ArticleInputError in place of an input that names nothing usable,
    so callers can report it and go on.
    """
    for raw in inputs:
        if raw == "-":
            yield ArticleFile(doc="stdin", path=None)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in suffixes)
            if not files:
                yield ArticleInputError(f"{raw}: folder holds no {'/'.join(suffixes)} articles")
            for p in files:
                yield ArticleFile(doc=p.stem, path=p)
        elif path.is_file():
            yield ArticleFile(doc=path.stem, path=path)
        elif any(ch in raw for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(raw, recursive=True))
            matches = [p for p in matches if p.is_file()]
            if not matches:
                yield ArticleInputError(f"{raw}: pattern matches no files")
            for p in matches:
                yield ArticleFile(doc=p.stem, path=p)
        else:
            yield ArticleInputError(f"{raw}: no such file or folder")
