"""Article headers (`turnover.article`): the date line, the title and normalisation.

FACTS.md "The input": an optional first line ``date YYYY-MM-DD[ HH:MM]``
(leading spaces allowed), possibly followed by body text on the same line;
else a full date with a year near the top; a dateline without a year gives
no publication date.
"""

from __future__ import annotations

from datetime import date

import pytest

from turnover.article import normalise, parse_article


@pytest.mark.parametrize(
    ("text", "published", "title"),
    [
        (
            " date 2025-09-29 20:54\nKyrgyzstan and Belarus plan more trade\n\nThe body.",
            "2025-09-29T20:54",
            "Kyrgyzstan and Belarus plan more trade",
        ),
        (
            " date 2025-09-29\nA title without a time\n\nBody.",
            "2025-09-29",
            "A title without a time",
        ),
        ("date 2025-01-02\nNo leading space\n\nBody.", "2025-01-02", "No leading space"),
        (
            "   date 2025-01-02 7:05\nSingle-digit hour\n\nBody.",
            "2025-01-02T07:05",
            "Single-digit hour",
        ),
        (
            " date 2025-09-29 20:54\n\n\nA title after blank lines\n\nBody.",
            "2025-09-29T20:54",
            "A title after blank lines",
        ),
        ("\ufeffdate 2025-01-02\nA byte-order mark\n\nBody.", "2025-01-02", "A byte-order mark"),
        ("date 2025-01-02\r\nWindows line ends\r\n\r\nBody.", "2025-01-02", "Windows line ends"),
    ],
)
def test_date_line_and_title(text: str, published: str, title: str) -> None:
    article = parse_article(text)
    assert (article.published, article.title) == (published, title)


def test_date_line_followed_by_body_text_has_no_title() -> None:
    text = " date 2024-05-24 BISHKEK, Kyrgyzstan, May 24. Trade with Kazakhstan grew.\nMore."
    article = parse_article(text)
    assert article.published == "2024-05-24"
    assert article.title is None
    assert text[article.body_start :].startswith("BISHKEK")


def test_date_line_with_time_followed_by_body_text() -> None:
    article = parse_article("  date 2024-05-24 10:05 ASTANA, May 24. Trade grew 5%.")
    assert article.published == "2024-05-24T10:05"
    assert article.title is None


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("Published April 29, 2025", "2025-04-29"),
        ("25 Sep 2023 16:40", "2023-09-25T16:40"),
        ("19.06.2018", "2018-06-19"),
        ("2019-11-25", "2019-11-25"),
    ],
)
def test_full_date_in_the_header_without_date_line(header: str, published: str) -> None:
    article = parse_article(f"A headline about trade\n{header}\n\nThe body of the article.")
    assert article.published == published
    assert article.title == "A headline about trade"


def test_header_time_with_pm() -> None:
    text = "A headline\nPublished April 29, 2025 | 05:00 PM\n\nBody."
    assert parse_article(text).published == "2025-04-29T17:00"


def test_dateline_without_year_gives_no_date() -> None:
    article = parse_article("Talks in the capital\n\nBISHKEK, May 24. Ministers met today.")
    assert article.published is None
    assert article.published_date is None


@pytest.mark.parametrize(
    "text",
    [
        "date 2025-13-01\nA title\n\nBody.",  # no month 13
        "date 2025-02-30 10:00\nA title\n\nBody.",  # no 30 February
    ],
)
def test_impossible_date_line_gives_no_date(text: str) -> None:
    article = parse_article(text)
    assert article.published is None
    assert article.title == "A title"


def test_impossible_time_keeps_the_date() -> None:
    assert parse_article("date 2025-02-03 25:00\nA title\n\nB").published == "2025-02-03"


def test_published_argument_overrides_the_text() -> None:
    article = parse_article(" date 2025-09-29\nTitle\n\nBody.", published="2020-01-05")
    assert article.published == "2020-01-05"
    assert article.published_date == date(2020, 1, 5)


def test_published_date() -> None:
    assert parse_article(" date 2025-09-29 20:54\nT\n\nB").published_date == date(2025, 9, 29)


@pytest.mark.parametrize(
    "text",
    [
        " date 2025-09-29 20:54\nA sentence that ends with a full stop.\n\nBody.",
        " date 2025-09-29 20:54\nA lead-in with a colon:\n\nBody.",
        "Just one line without a title.",
        "",
    ],
)
def test_no_title(text: str) -> None:
    assert parse_article(text).title is None


@pytest.mark.parametrize(
    "dateline",
    ["Posted: 03.02.2022 11:15:00", "Published 12 May 2023, 08:30", "2024-06-01"],
)
def test_a_page_date_line_is_not_the_title(dateline: str) -> None:
    article = parse_article(f"{dateline}\n\nArmenia-Iran trade grows\n\nBody text.")
    assert article.title == "Armenia-Iran trade grows"


def test_a_dated_headline_is_still_the_title() -> None:
    text = "Trade between Laos and Vietnam hit a record on 3 March 2024 in Hanoi\n\nBody."
    assert parse_article(text).title == text.split("\n")[0]


def test_title_is_copied_from_the_original_text() -> None:
    text = " date 2025-01-02\nKazakhstan\u2013China trade \u201cbooms\u201d\n\nBody."
    assert parse_article(text).title == "Kazakhstan\u2013China trade \u201cbooms\u201d"


def test_normalise_keeps_length_and_unifies_spaces_dashes_quotes() -> None:
    text = "a\u00a0b\u2014c\u2013d\u2212e\u201cq\u201d\u2019\u202ff\r\n"
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm == 'a b-c-d-e"q"\' f \n'


def test_article_keeps_the_original_text() -> None:
    text = " date 2025-01-02\nTitle\n\nTrade rose\u00a0by 5%."
    article = parse_article(text)
    assert article.text == text
    assert article.norm == normalise(text)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # A page stamp without a time, then the article's date with its time.
        ("12 Jan 2025\nTuesday 3 December 2024 - 09:15\n", "2024-12-03T09:15"),
        # The time printed before the date.
        ("(Agency)    08:05, March 4, 2021\n", "2021-03-04T08:05"),
        # No space after the comma, a 12-hour clock.
        ("Updated: Feb 7,2019 6:30 PM     example.org\n", "2019-02-07T18:30"),
        # A date line with the month only, a fuller date of that month in the header.
        (" date 2022-06 Ministers met in Astana 14.6.2022 10:02:11 EEST\n", "2022-06-14T10:02"),
    ],
)
def test_header_dates_of_pages(head: str, expected: str) -> None:
    text = head + "\nKazakhstan and Georgia trade\n\nTrade between the two countries grew.\n"
    assert parse_article(text).published == expected


def test_a_month_name_matched_only_by_case_folding_is_no_date() -> None:
    # re.IGNORECASE matches the long s of "ſep" to "sep"; the month table has no "ſep".
    assert parse_article("Posted \u017fep 5, 2023\nTrade title\n\nBody.").published is None
