"""Reading article files (`turnover.reader`): every bad input is a one-line reason.

Files are real files under tmp_path; standard input is a real byte stream.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from turnover.reader import (
    MAX_ARTICLE_BYTES,
    ArticleFile,
    ArticleInputError,
    decode_article,
    find_articles,
    read_article,
)

ARTICLE = " date 2024-04-15\nTrade news\n\nTrade between Russia and China rose 5%.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def error_text(exc: ArticleInputError) -> str:
    message = str(exc)
    assert "\n" not in message
    return message


def test_decode_utf8() -> None:
    assert decode_article(ARTICLE.encode(), "a.txt") == ARTICLE


def test_decode_strips_byte_order_mark() -> None:
    assert decode_article(b"\xef\xbb\xbf" + ARTICLE.encode(), "a.txt") == ARTICLE


def test_decode_keeps_no_break_spaces_and_dashes() -> None:
    text = "Trade reached\u00a0$68\u00a0million in January\u2014June."
    assert decode_article(text.encode(), "a.txt") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("caf\u00e9 trade".encode("latin-1"), "not UTF-8 text (byte 3)"),
        (b"PK\x03\x04\x00\x00binary", "binary file"),
        (b"", "empty article"),
        (b"  \n\t\n", "empty article"),
        (b"a" * (MAX_ARTICLE_BYTES + 1), "too large for an article"),
    ],
)
def test_decode_rejects_with_a_reason_naming_the_input(data: bytes, reason: str) -> None:
    with pytest.raises(ArticleInputError) as info:
        decode_article(data, "inbox/bad.txt")
    message = error_text(info.value)
    assert message.startswith("inbox/bad.txt: ")
    assert reason in message


def test_read_article_from_file(tmp_path: Path) -> None:
    path = write(tmp_path / "ru-cn.txt", ARTICLE)
    assert read_article(ArticleFile(doc="ru-cn", path=path)) == ARTICLE


def test_read_article_too_large_file(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"a" * (MAX_ARTICLE_BYTES + 10))
    with pytest.raises(ArticleInputError, match="too large") as info:
        read_article(ArticleFile(doc="big", path=path))
    assert str(path) in error_text(info.value)


def test_read_article_that_vanished(tmp_path: Path) -> None:
    with pytest.raises(ArticleInputError, match="cannot read") as info:
        read_article(ArticleFile(doc="gone", path=tmp_path / "gone.txt"))
    assert "gone.txt" in error_text(info.value)


def test_read_article_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert read_article(ArticleFile(doc="stdin", path=None)) == ARTICLE


def test_read_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(ArticleInputError, match="<stdin>: empty article"):
        read_article(ArticleFile(doc="stdin", path=None))


def test_find_articles_in_files_folders_and_globs(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "folder" / "b.txt", ARTICLE)
    write(tmp_path / "folder" / "nested" / "c.txt", ARTICLE)
    write(tmp_path / "folder" / "notes.md", "not an article")
    write(tmp_path / "globbed" / "d.txt", ARTICLE)
    found = list(
        find_articles([str(a), str(tmp_path / "folder"), str(tmp_path / "globbed" / "*.txt")])
    )
    assert all(isinstance(item, ArticleFile) for item in found)
    assert [item.doc for item in found] == ["a", "b", "c", "d"]


def test_find_articles_stdin() -> None:
    assert list(find_articles(["-"])) == [ArticleFile(doc="stdin", path=None)]


def test_find_articles_reports_bad_inputs_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    good = write(tmp_path / "good.txt", ARTICLE)
    inputs = [
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty"),
        str(tmp_path / "nothing-*.txt"),
        str(good),
    ]
    found = list(find_articles(inputs))
    errors = [error_text(x) for x in found if isinstance(x, ArticleInputError)]
    assert errors == [
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        f"{tmp_path / 'empty'}: folder holds no .txt articles",
        f"{tmp_path / 'nothing-*.txt'}: pattern matches no files",
    ]
    assert found[-1] == ArticleFile(doc="good", path=good)


def test_find_articles_with_other_suffixes(tmp_path: Path) -> None:
    write(tmp_path / "x.md", ARTICLE)
    write(tmp_path / "y.txt", ARTICLE)
    found = list(find_articles([str(tmp_path)], suffixes=(".md",)))
    assert [item.doc for item in found] == ["x"]
