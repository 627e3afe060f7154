"""Countries and blocs (`turnover.countries`): finding, naming and ordering them.

FACTS.md: ISO 3166-1 alpha-3 codes plus the group codes WLD, EAEU, EU, CIS,
ASEAN; a turnover pair is sorted alphabetically with a group always second.
"""

from __future__ import annotations

import pytest

from turnover.article import normalise
from turnover.countries import country_name, find_countries, lookup_country, pair_key


def codes(text: str) -> list[str]:
    return [c.code for c in find_countries(normalise(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyrgyzstan and Belarus signed a roadmap.", ["KGZ", "BLR"]),
        ("Delegations of the Kyrgyz Republic met.", ["KGZ"]),
        ("T\u00fcrkiye, formerly Turkey, exports cars.", ["TUR", "TUR"]),
        ("Talks between the US and the EU.", ["USA", "EU"]),
        ("Talks with the U.S. resumed.", ["USA"]),
        ("The United States and South Korea", ["USA", "KOR"]),
        ("The Republic of Korea and the UAE", ["KOR", "ARE"]),
        ("Members of the EAEU and the CIS", ["EAEU", "CIS"]),
        ("The Eurasian Economic Union and ASEAN", ["EAEU", "ASEAN"]),
        ("Trade with the European Union", ["EU"]),
        ("China's exports rose.", ["CHN"]),
        ("Viet Nam and Iran", ["VNM", "IRN"]),
    ],
)
def test_country_names(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Turkish exports", "TUR"),
        ("Georgian wine", "GEO"),
        ("Chinese customs", "CHN"),
        ("Iranian officials", "IRN"),
        ("Pakistani rice", "PAK"),
        ("Belarusian tractors", "BLR"),
    ],
)
def test_adjectives(text: str, code: str) -> None:
    (mention,) = find_countries(normalise(text))
    assert (mention.code, mention.adjective) == (code, True)


def test_hyphenated_adjective_pair() -> None:
    assert codes("Uzbek-Kazakh trade grew.") == ["UZB", "KAZ"]


@pytest.mark.parametrize(
    "text",
    [
        "We had turkey for dinner.",  # lower case: the bird
        "Let us talk about trade.",  # the pronoun
        "Us and them.",  # capitalised pronoun is not the US
        "",
    ],
)
def test_not_countries(text: str) -> None:
    assert codes(text) == []


def test_offsets_and_group_flag() -> None:
    text = "Trade between Georgia and the\u00a0EU grew."
    georgia, eu = find_countries(normalise(text))
    assert text[georgia.start : georgia.end] == "Georgia"
    assert text[eu.start : eu.end] == "EU"
    assert not georgia.is_group
    assert eu.is_group


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kyrgyzstan", "KGZ"),
        ("kgz", "KGZ"),
        ("KGZ", "KGZ"),
        (" Belarus ", "BLR"),
        ("T\u00fcrkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Kyrgyz", "KGZ"),
        ("eaeu", "EAEU"),
        ("EU", "EU"),
        ("WLD", "WLD"),
        ("USA", "USA"),
        ("Vietnam", "VNM"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_lookup_country(name: str, code: str | None) -> None:
    assert lookup_country(name) == code


@pytest.mark.parametrize(
    ("a", "b", "pair"),
    [
        ("KGZ", "BLR", ("BLR", "KGZ")),
        ("BLR", "KGZ", ("BLR", "KGZ")),
        ("EU", "GEO", ("GEO", "EU")),  # a group is never sorted before a country
        ("GEO", "EU", ("GEO", "EU")),
        ("WLD", "CHN", ("CHN", "WLD")),
        ("EAEU", "ARM", ("ARM", "EAEU")),
        ("EU", "CIS", ("CIS", "EU")),  # two groups: alphabetical
    ],
)
def test_pair_key(a: str, b: str, pair: tuple[str, str]) -> None:
    assert pair_key(a, b) == pair


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("KGZ", "Kyrgyzstan"),
        ("BLR", "Belarus"),
        ("WLD", "World"),
        ("EAEU", "EAEU"),
        ("KOR", "South Korea"),
        ("XXX", "XXX"),
    ],
)
def test_country_name(code: str, name: str) -> None:
    assert country_name(code) == name
