"""Single-process throughput of `turnover.people.find_people` alone (issue 2, people part).

Reads the dev corpus from ../shared/corpus/dev at run time, parses every article
once, then times find_people over the parsed articles (CPU time of this process,
best of --repeat passes, so that other jobs on the machine disturb it less).

    .venv/bin/python benchmarks/bench_people.py
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from turnover.article import parse_article
from turnover.people import find_people

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed passes over the corpus")
    args = parser.parse_args()
    articles = [parse_article(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.txt"))]
    if not articles:
        raise SystemExit(f"no articles in {DEV}")
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.process_time()
        found = sum(len(find_people(a)) for a in articles)
        best = min(best, time.process_time() - t0)
    rate = len(articles) / best
    print(f"{len(articles)} articles, {found} officials: {rate:,.0f} articles/s (best pass)")


if __name__ == "__main__":
    main()
