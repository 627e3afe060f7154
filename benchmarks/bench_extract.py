"""Single-process throughput of `turnover.extract` (issue 2, "Speed").

Two workloads, each extracted article by article in this one process:

- trade: the dev corpus texts (read from ../shared/corpus/dev at run time, never
  stored in the repo), repeated until there are at least --articles of them;
- non-trade: news-like texts generated here from our own templates (sport,
  weather, culture, science, city news; with numbers, dates and country names,
  so the extractor's cheap pre-filter cannot reject them on sight).

Prints articles/second per workload and the peak memory: the Python heap at
its highest while extracting (tracemalloc, over one pass of len(dev corpus)
articles, separate from the timed pass since tracing slows the code down) and
the process's peak RSS.

    .venv/bin/python benchmarks/bench_extract.py               # 10,000 of each
    .venv/bin/python benchmarks/bench_extract.py --articles 2000
    .venv/bin/python benchmarks/bench_extract.py --profile trade   # pyinstrument call tree
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from turnover import EXTRACTOR_VERSION, extract

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"

_COUNTRIES = [
    "Kazakhstan",
    "Uzbekistan",
    "Georgia",
    "Armenia",
    "Mongolia",
    "Turkey",
    "Brazil",
    "Kenya",
    "Norway",
    "Vietnam",
    "Chile",
    "Poland",
    "Egypt",
    "Canada",
    "Japan",
    "Peru",
    "Morocco",
]
_CITIES = [
    "Almaty",
    "Tashkent",
    "Tbilisi",
    "Yerevan",
    "Ulaanbaatar",
    "Izmir",
    "Recife",
    "Mombasa",
    "Bergen",
    "Da Nang",
    "Valparaiso",
    "Gdansk",
    "Alexandria",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_TITLES = [
    "{country} beat {other} in a tense qualifier",
    "Heavy snow closes mountain passes near {city}",
    "{city} opens a new concert hall after {n} years of building",
    "Researchers in {country} map a rare desert beetle",
    "City council of {city} approves a longer tram line",
    "Marathon in {city} draws {big} runners",
]
_SENTENCES = [
    "The home side scored twice in the last {n} minutes and the crowd of {big} rose to its feet.",
    "{country} now sits {n} points clear at the top of the group with two matches to play.",
    "Forecasters in {city} expect {n} centimetres of snow by Thursday and winds of {n2} km/h.",
    "Schools in the region stayed closed on {month} {day}, the local authority said.",
    "The hall seats {big} people and its organ has {n2} pipes, the architect told reporters.",
    "Tickets for the opening night in {month} sold out within {n} hours.",
    "The team of {n} biologists spent {n2} nights in the dunes east of {city}.",
    "The beetle, about {n} millimetres long, was last recorded in {year}.",
    "The new line will add {n} stops and should carry {big} passengers a day from {year}.",
    "Work is expected to take {n} months, and the old depot will become a park.",
    "Runners from {n} countries took part, the oldest of them {n2} years old.",
    "The winner crossed the line in {n} hours and {n2} minutes, a course record.",
    "Police closed {n} streets in the centre of {city} for most of {month} {day}.",
    "A spokesperson for the organisers thanked {big} volunteers for their help.",
    "The museum, founded in {year}, will reopen its east wing to visitors in {month}.",
    "Local farmers said the late frost in {month} cut their apple harvest by about a third.",
    "The festival in {city} ran for {n} days and featured {n2} bands from {country}.",
    "Engineers replaced {n} kilometres of water pipes under the old town in {year}.",
]


def _fill(template: str, rng: random.Random) -> str:
    country, other = rng.sample(_COUNTRIES, 2)
    return template.format(
        country=country,
        other=other,
        city=rng.choice(_CITIES),
        month=rng.choice(_MONTHS),
        day=rng.randint(1, 28),
        year=rng.randint(1950, 2024),
        n=rng.randint(2, 90),
        n2=rng.randint(2, 900),
        big=f"{rng.randint(1, 90)},{rng.randint(0, 999):03d}",
    )


def non_trade_texts(count: int, seed: int = 7) -> Iterator[str]:
    """``count`` generated news articles with no trade fact in them, ~1-2 KB each."""
    rng = random.Random(seed)
    for _ in range(count):
        head = f" date {rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = _fill(rng.choice(_TITLES), rng)
        paragraphs = [
            " ".join(_fill(rng.choice(_SENTENCES), rng) for _ in range(rng.randint(2, 4)))
            for _ in range(rng.randint(3, 5))
        ]
        yield (
            f"{head} {rng.randint(7, 22)}:{rng.randint(0, 59):02d}\n{title}\n\n"
            + "\n\n".join(paragraphs)
            + "\n"
        )


def dev_texts() -> list[tuple[str, str]]:
    """(doc, text) of every dev corpus article; the corpus is third-party, read only here."""
    if not DEV.is_dir():
        raise SystemExit(
            f"bench_extract: {DEV} is missing (the dev corpus must be beside the repo)"
        )
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.txt"))]


def repeat_to(items: list[tuple[str, str]], count: int) -> list[tuple[str, str]]:
    return [items[i % len(items)] for i in range(max(count, len(items)))]


def _throughput(articles: list[tuple[str, str]]) -> tuple[float, int]:
    started = time.perf_counter()
    facts = sum(len(extract(text, doc=doc).facts) for doc, text in articles)
    return len(articles) / (time.perf_counter() - started), facts


def _traced_peak(articles: list[tuple[str, str]]) -> int:
    tracemalloc.start()
    for doc, text in articles:
        extract(text, doc=doc)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def profile(articles: list[tuple[str, str]]) -> str:
    """Extract ``articles`` under pyinstrument; return its call tree as text."""
    from pyinstrument import Profiler  # a dev dependency, only needed here

    profiler = Profiler(interval=0.0005)
    with profiler:
        for doc, text in articles:
            extract(text, doc=doc)
    return profiler.output_text(unicode=True, color=False, short_mode=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles per workload")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--profile", choices=["trade", "non-trade"], help="print a pyinstrument profile instead"
    )
    args = parser.parse_args()

    dev = dev_texts()
    workloads = {
        "trade (dev corpus, repeated)": repeat_to(dev, args.articles),
        "non-trade (generated)": [
            (f"gen-{i}", text) for i, text in enumerate(non_trade_texts(args.articles))
        ],
    }
    for _, text in dev[:5]:  # warm up: lexicons and compiled patterns load lazily
        extract(text)
    if args.profile:
        key = next(name for name in workloads if name.startswith(args.profile))
        print(profile(workloads[key]))
        return
    results = {}
    for name, articles in workloads.items():
        rate, facts = _throughput(articles)
        results[name] = {
            "articles": len(articles),
            "facts": facts,
            "articles_per_second": round(rate),
            "heap_peak_kib": round(_traced_peak(articles[: len(dev)]) / 1024),
        }
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        print(json.dumps({"extractor": EXTRACTOR_VERSION, "workloads": results, "rss_mib": rss}))
        return
    print(f"turnover.extract {EXTRACTOR_VERSION}, one process")
    for name, r in results.items():
        print(
            f"{name:32} {r['articles']:>7,} articles {r['facts']:>8,} facts "
            f"{r['articles_per_second']:>8,} articles/s  heap peak {r['heap_peak_kib']:,} KiB"
        )
    print(f"process peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
