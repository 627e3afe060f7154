"""Phrasings of the genre, written for these tests, each with the facts FACTS.md asks for.

A held-out check beside the corpus: the sentences are ours (real trade figures,
our own words), so every rule here is a rule of the language, not of an article.
"""

from __future__ import annotations

import pytest
from test_extract import row

from turnover import extract

CASES = [
    (
        "2024-10-15",
        (
            "Trade between Uzbekistan and Kazakhstan reached $3.2 billion in the first nine "
            "months of 2024, up 12.4% year-on-year, the statistics agency said."
        ),
        [
            "change turnover KAZ-UZB +12.4% 2024-01..2024-09",
            "value turnover KAZ-UZB 3,200,000,000 USD 2024-01..2024-09",
        ],
    ),
    (
        "2023-06-01",
        (
            "Bilateral trade between India and Russia hit a record $49.4 billion in FY23, "
            "compared with $13.1 billion a year earlier."
        ),
        [
            "value turnover IND-RUS 13,100,000,000 USD 2021-04..2022-03",
            "value turnover IND-RUS 49,400,000,000 USD 2022-04..2023-03",
        ],
    ),
    (
        "2024-02-01",
        (
            "China's exports to Russia rose 46.9% to $110.97 billion in 2023, while imports "
            "from Russia grew 12.7% to $129.14 billion."
        ),
        [
            "change export CHN-RUS +46.9% 2023-01..2023-12",
            "change export RUS-CHN +12.7% 2023-01..2023-12",
            "value export CHN-RUS 110,970,000,000 USD 2023-01..2023-12",
            "value export RUS-CHN 129,140,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2024-03-10",
        (
            "The presidents of Azerbaijan and Turkmenistan agreed to double bilateral trade "
            "to $1 billion by 2026."
        ),
        [
            "target turnover AZE-TKM 1,000,000,000 USD by 2026",
        ],
    ),
    (
        "2024-03-10",
        (
            "Kyrgyzstan's foreign trade turnover fell 4.6 percent in January-February to $2.1"
            " billion."
        ),
        [
            "change turnover KGZ-WLD -4.6% 2024-01..2024-02",
            "value turnover KGZ-WLD 2,100,000,000 USD 2024-01..2024-02",
        ],
    ),
    (
        "2025-01-20",
        (
            "Trade turnover between Russia and Belarus exceeded 4 trillion rubles last year, "
            "the president said."
        ),
        [
            "value turnover BLR-RUS 4,000,000,000,000 RUB 2024-01..2024-12",
        ],
    ),
    (
        "2022-05-05",
        (
            "The two countries aim to bring trade to $10 billion in the coming years, the "
            "minister said. Last year trade between Turkey and Uzbekistan stood at $2.8 "
            "billion."
        ),
        [
            "target turnover TUR-UZB 10,000,000,000 USD by ?",
            "value turnover TUR-UZB 2,800,000,000 USD 2021-01..2021-12",
        ],
    ),
    (
        "2023-11-20",
        "In 9M 2023, Georgia's exports to Armenia increased 1.5 times to $510 million.",
        [
            "change export GEO-ARM +50% 2023-01..2023-09",
            "value export GEO-ARM 510,000,000 USD 2023-01..2023-09",
        ],
    ),
    (
        "2023-11-20",
        "Uzbekistan plans to raise exports to $45 billion by 2030, the president said.",
        [
            "target export UZB-WLD 45,000,000,000 USD by 2030",
        ],
    ),
    (
        "2024-07-09",
        (
            "Mutual trade between Kazakhstan and Russia amounted to $28 billion last year. "
            "Kazakhstan's exports reached $9.9 billion and imports from Russia $18.1 billion."
        ),
        [
            "value export KAZ-RUS 9,900,000,000 USD 2023-01..2023-12",
            "value export RUS-KAZ 18,100,000,000 USD 2023-01..2023-12",
            "value turnover KAZ-RUS 28,000,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2023-02-14",
        "Egypt's non-oil exports to the EU rose to $9 billion in 2022.",
        [],
    ),
    (
        "2021-09-01",
        (
            "Turkmenistan's trade with Afghanistan totalled about $700 million in 2020, a "
            "decrease of 9 percent from 2019."
        ),
        [
            "change turnover AFG-TKM -9% 2020-01..2020-12",
            "value turnover AFG-TKM 700,000,000 USD 2020-01..2020-12",
        ],
    ),
    (
        "2020-10-10",
        (
            "Trade between Russia and Kyrgyzstan fell by a quarter to $1.2 billion in the "
            "first eight months."
        ),
        [
            "change turnover KGZ-RUS -25% 2020-01..2020-08",
            "value turnover KGZ-RUS 1,200,000,000 USD 2020-01..2020-08",
        ],
    ),
    (
        "2025-05-15",
        (
            "Azerbaijan's foreign trade turnover in January-April 2025 amounted to $15.4 "
            "billion. Exports accounted for $8.7 billion, imports for $6.7 billion."
        ),
        [
            "value export AZE-WLD 8,700,000,000 USD 2025-01..2025-04",
            "value export WLD-AZE 6,700,000,000 USD 2025-01..2025-04",
            "value turnover AZE-WLD 15,400,000,000 USD 2025-01..2025-04",
        ],
    ),
    (
        "2022-11-10",
        (
            "Russia's exports to India surged almost fourfold to $28 billion in the first "
            "nine months of the year."
        ),
        [
            "change export RUS-IND +300% 2022-01..2022-09",
            "value export RUS-IND 28,000,000,000 USD 2022-01..2022-09",
        ],
    ),
    (
        "2024-01-20",
        (
            "The volume of trade between Kyrgyzstan and Turkey reached $1.2 billion last "
            "year. The goal is $3 billion, the Turkish president said."
        ),
        [
            "target turnover KGZ-TUR 3,000,000,000 USD by ?",
            "value turnover KGZ-TUR 1,200,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2024-06-10",
        (
            "Trade between Georgia and Armenia reached $1.1 billion in 2023, including "
            "Georgian exports of $650 million and imports of $450 million."
        ),
        [
            "value export ARM-GEO 450,000,000 USD 2023-01..2023-12",
            "value export GEO-ARM 650,000,000 USD 2023-01..2023-12",
            "value turnover ARM-GEO 1,100,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2024-06-10",
        ("Mongolia-China trade is expected to reach $20 billion this year, the ambassador said."),
        [
            "target turnover CHN-MNG 20,000,000,000 USD by 2024",
        ],
    ),
    (
        "2019-02-01",
        (
            "Turkey's exports to Turkmenistan fell to $563 million in 2018 from $740 million "
            "in 2017, according to the statistics office."
        ),
        [
            "value export TUR-TKM 563,000,000 USD 2018-01..2018-12",
            "value export TUR-TKM 740,000,000 USD 2017-01..2017-12",
        ],
    ),
    (
        "2019-02-01",
        (
            "The investment portfolio of Chinese companies in Tajikistan exceeds $2 billion, "
            "while bilateral trade reached $1.5 billion in 2018."
        ),
        [
            "value turnover CHN-TJK 1,500,000,000 USD 2018-01..2018-12",
        ],
    ),
    (
        "2019-02-01",
        (
            "Russian gas exports to China doubled to $10 billion last year, while overall "
            "trade between Russia and China grew 27 percent to $107 billion."
        ),
        [
            "change turnover CHN-RUS +27% 2018-01..2018-12",
            "value turnover CHN-RUS 107,000,000,000 USD 2018-01..2018-12",
        ],
    ),
    (
        "2021-03-15",
        (
            "Bilateral trade between Pakistan and Afghanistan declined to $2.5 billion in "
            "FY2019-20 from $2.6 billion a year earlier."
        ),
        [
            "value turnover AFG-PAK 2,500,000,000 USD 2019-07..2020-06",
            "value turnover AFG-PAK 2,600,000,000 USD 2018-07..2019-06",
        ],
    ),
    (
        "2024-12-02",
        (
            "Trade between China and Central Asia surged to $89.4 billion in 2023, up 27 "
            "percent year on year."
        ),
        [],
    ),
    (
        "2024-03-01",
        (
            "Trade between Kazakhstan and China has grown fivefold since 2015 to $41 billion "
            "last year."
        ),
        [
            "change turnover CHN-KAZ +400% 2023-01..2023-12",
            "value turnover CHN-KAZ 41,000,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2024-03-01",
        (
            "The trade target of $10 billion set by the presidents of Turkey and Azerbaijan "
            "remains in force."
        ),
        [
            "target turnover AZE-TUR 10,000,000,000 USD by ?",
        ],
    ),
    (
        "2024-03-01",
        (
            "Turkmenistan's exports to Afghanistan in 2023 were worth around $1.2 billion, "
            "while its imports from Afghanistan totalled $150 million."
        ),
        [
            "value export AFG-TKM 150,000,000 USD 2023-01..2023-12",
            "value export TKM-AFG 1,200,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2024-03-01",
        (
            "Between 2019 and 2023, trade between Georgia and Armenia increased by 45 "
            "percent, reaching $1.1 billion."
        ),
        [
            "change turnover ARM-GEO +45% 2023-01..2023-12",
            "value turnover ARM-GEO 1,100,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2024-05-01",
        (
            "India-Russia trade touched a record $65.7 billion in April-March 2023-24, up 33 "
            "percent."
        ),
        [
            "change turnover IND-RUS +33% 2023-04..2024-03",
            "value turnover IND-RUS 65,700,000,000 USD 2023-04..2024-03",
        ],
    ),
    (
        "2024-03-01",
        (
            "Bilateral trade between Kyrgyzstan and Tajikistan dropped to $50 million in "
            "2023, less than half of the $111 million recorded in 2019."
        ),
        [
            "value turnover KGZ-TJK 111,000,000 USD 2019-01..2019-12",
            "value turnover KGZ-TJK 50,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2023-09-12",
        (
            "The share of China in Kyrgyzstan's foreign trade turnover was 34.5 percent, or "
            "$2.6 billion, in the first half of 2023."
        ),
        [
            "value turnover CHN-KGZ 2,600,000,000 USD 2023-01..2023-06",
        ],
    ),
    (
        "2023-09-12",
        (
            "Exports of Kazakh goods to China increased by 21.8% to $10.3 billion in "
            "January-July, while Chinese imports into Kazakhstan reached $9.7 billion."
        ),
        [
            "change export KAZ-CHN +21.8% 2023-01..2023-07",
            "value export CHN-KAZ 9,700,000,000 USD 2023-01..2023-07",
            "value export KAZ-CHN 10,300,000,000 USD 2023-01..2023-07",
        ],
    ),
    (
        "2024-02-10",
        (
            "Armenian exports to the EU reached $900 million in 2023. Most exports go to the "
            "Netherlands from the EU, worth $300 million, with France second at $120 million."
        ),
        [
            "value export ARM-EU 900,000,000 USD 2023-01..2023-12",
            "value export ARM-FRA 120,000,000 USD 2023-01..2023-12",
            "value export ARM-NLD 300,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2023-04-20",
        ("Vietnam - АСЕАН trade grew by 4.1% to $41.5 billion in the first quarter of 2023."),
        [
            "change turnover VNM-ASEAN +4.1% 2023-01..2023-03",
            "value turnover VNM-ASEAN 41,500,000,000 USD 2023-01..2023-03",
        ],
    ),
    (
        "2024-02-01",
        (
            "Kazakhstan's trade with Russia rose by 4% to $26.1 billion in 2023, with China -"
            " by 19% to $31.5 billion, with Italy - by 2% to $14.2 billion."
        ),
        [
            "change turnover CHN-KAZ +19% 2023-01..2023-12",
            "change turnover ITA-KAZ +2% 2023-01..2023-12",
            "change turnover KAZ-RUS +4% 2023-01..2023-12",
            "value turnover CHN-KAZ 31,500,000,000 USD 2023-01..2023-12",
            "value turnover ITA-KAZ 14,200,000,000 USD 2023-01..2023-12",
            "value turnover KAZ-RUS 26,100,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2024-03-01",
        ("Germany accounted for 7.2% of Kazakhstan's foreign trade ($10.1 billion) in 2023."),
        [
            "value turnover DEU-KAZ 10,100,000,000 USD 2023-01..2023-12",
        ],
    ),
    (
        "2024-06-01",
        (
            "This year Uzbekistan's exports to Russia in March grew by 8% reaching $410 "
            "million, while in April they declined by 2% to $395 million."
        ),
        [
            "change export UZB-RUS +8% 2024-03..2024-03",
            "change export UZB-RUS -2% 2024-04..2024-04",
            "value export UZB-RUS 395,000,000 USD 2024-04..2024-04",
            "value export UZB-RUS 410,000,000 USD 2024-03..2024-03",
        ],
    ),
    (
        "2024-08-01",
        (
            "In January-June 2024, Russia accounted for a 17.5% trade turnover share (worth "
            "$4.1bn) with Kazakhstan, the statistics bureau said."
        ),
        [
            "value turnover KAZ-RUS 4,100,000,000 USD 2024-01..2024-06",
        ],
    ),
    (
        "2024-08-01",
        (
            "In January-June 2024, Germany accounted for a 6.2% share (valued at $3.3bn) of "
            "Kazakhstan's total trade."
        ),
        [
            "value turnover DEU-KAZ 3,300,000,000 USD 2024-01..2024-06",
        ],
    ),
    (
        "2024-08-01",
        (
            "In January-June 2024 Italy is Kazakhstan's third largest trade partner with a "
            "9.5% share (worth $5.0bn)."
        ),
        [
            "value turnover ITA-KAZ 5,000,000,000 USD 2024-01..2024-06",
        ],
    ),
    (
        "2024-08-01",
        (
            "In January-June 2024 the share of Tashkent in Uzbekistan's foreign trade was "
            "40.1 percent, or $3.97 billion."
        ),
        [],
    ),
    (
        "2024-08-01",
        (
            "China has overtaken Russia as Tajikistan's main trade partner. In January-June "
            "2024, China accounted for a 30.2% share (valued at $1.1bn) of Tajikistan's "
            "foreign trade. "
            "Russia's trade share came to 21.5% ($0.8bn)."
        ),
        [
            "value turnover CHN-TJK 1,100,000,000 USD 2024-01..2024-06",
            "value turnover RUS-TJK 800,000,000 USD 2024-01..2024-06",
        ],
    ),
]


@pytest.mark.parametrize(("published", "body", "expected"), CASES)
def test_phrasing(published: str, body: str, expected: list[str]) -> None:
    text = f" date {published} 10:00\nTrade news\n\n{body}\n"
    result = extract(text)
    assert sorted(row(f) for f in result.facts) == expected
    for fact in result.facts:
        assert text[fact.span[0] : fact.span[1]] == fact.quote
