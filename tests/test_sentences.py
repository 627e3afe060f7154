"""Sentence splitting (`turnover.sentences`): quotes are whole sentences, so ends matter.

Abbreviations common in trade news ("U.S.", "Jan.", "bln.", "Mr.", initials)
must not end a sentence; decimal points never do; every sentence stays inside
its paragraph and its offsets index the text.
"""

from __future__ import annotations

import pytest

from turnover.article import normalise
from turnover.sentences import split_sentences


def sentences(text: str) -> list[str]:
    norm = normalise(text)
    return [text[s.start : s.end] for s in split_sentences(norm)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trade with the U.S. grew. Exports rose 5%.",
            ["Trade with the U.S. grew.", "Exports rose 5%."],
        ),
        (
            "Mr. Sadyrov said trade rose. It was $5 bln. in 2024.",
            ["Mr. Sadyrov said trade rose.", "It was $5 bln. in 2024."],
        ),
        (
            "Trade rose 3.5 percent. In 2024 it fell.",
            ["Trade rose 3.5 percent.", "In 2024 it fell."],
        ),
        ("A. Japarov met officials. They agreed.", ["A. Japarov met officials.", "They agreed."]),
        ("In Jan. 2024 trade grew. Good.", ["In Jan. 2024 trade grew.", "Good."]),
        (
            'He said: "Trade grew." Then he left.',
            ['He said: "Trade grew."', "Then he left."],
        ),
        ("Is it? Yes! Sure.", ["Is it?", "Yes!", "Sure."]),
        (
            "Exports were $1.2 bn. Imports were $3 bn.",
            ["Exports were $1.2 bn.", "Imports were $3 bn."],
        ),
        (
            "Trade reached $68 million. $22 million was exports.",
            ["Trade reached $68 million.", "$22 million was exports."],
        ),
        ("A line without a full stop", ["A line without a full stop"]),
    ],
)
def test_sentence_ends(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_are_numbered_and_never_crossed() -> None:
    text = "First one. Second one.\nAnother paragraph\n\nThird paragraph!"
    found = split_sentences(normalise(text))
    assert [(text[s.start : s.end], s.paragraph) for s in found] == [
        ("First one.", 0),
        ("Second one.", 0),
        ("Another paragraph", 1),
        ("Third paragraph!", 2),
    ]


@pytest.mark.parametrize("text", ["", "   \n \n\n", "\n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(normalise(text)) == []


def test_sentences_are_ordered_and_end_trimmed() -> None:
    text = "  Trade grew.\u00a0 Exports fell.  \n\n  Imports rose.  "
    found = split_sentences(normalise(text))
    spans = [(s.start, s.end) for s in found]
    assert spans == sorted(spans)
    assert [text[s.start : s.end].strip() for s in found] == [
        "Trade grew.",
        "Exports fell.",
        "Imports rose.",
    ]
    assert all(not text[s.end - 1].isspace() for s in found)


def test_indented_paragraph_sentences_are_trimmed() -> None:
    assert sentences("  Trade grew. Exports fell.") == ["Trade grew.", "Exports fell."]


def test_start_offset_skips_the_header() -> None:
    text = " date 2025-01-02 10:00\nTitle line\n\nBody sentence one. Body two."
    norm = normalise(text)
    body = norm.index("Body")
    assert [text[s.start : s.end] for s in split_sentences(norm, body)] == [
        "Body sentence one.",
        "Body two.",
    ]


def test_run_on_text_is_cut_into_bounded_sentences() -> None:
    # A table or list run together without full stops is cut at commas, so that
    # reading it stays linear in its length.
    from turnover.sentences import MAX_SENTENCE

    text = "Exports to Kazakhstan rose to $5 billion, " * 200
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE for s in sentences)
    assert "".join(text[s.start : s.end] for s in sentences).replace(" ", "") == text.replace(
        " ", ""
    )
