"""Each fact names as its speaker the official its sentence names."""

from __future__ import annotations

from turnover import extract

TEXT = (
    " date 2024-05-20 09:00\n"
    "Armenia and Iran look at trade\n\n"
    "Armenian Deputy Prime Minister Mher Grigoryan said trade between Armenia and Iran "
    "reached $700 million in 2023.\n\n"
    "Exports from Armenia to Iran came to $150 million over the same year, the customs "
    "service reported.\n"
)


def test_the_official_of_the_sentence_is_the_speaker() -> None:
    result = extract(TEXT)
    by_value = {f.value: f for f in result.facts}
    assert by_value[700_000_000].speaker == "Mher Grigoryan"
    assert by_value[150_000_000].speaker is None  # no official in that sentence
    assert [p.name for p in result.people] == ["Mher Grigoryan"]


def test_a_surname_alone_names_the_speaker() -> None:
    text = TEXT.replace("the customs service reported", "Grigoryan added")
    by_value = {f.value: f for f in extract(text).facts}
    assert by_value[150_000_000].speaker == "Mher Grigoryan"
