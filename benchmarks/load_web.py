"""Load test of the dashboard and API: N concurrent clients against a real `turnover serve`.

Builds a store (the bundled examples plus generated articles about many pairs,
through the real extractor), starts `turnover serve` in its own process on
127.0.0.1, and runs ``--clients`` asyncio clients that each make ``--requests``
requests cycling over the overview, a pair page and the API. Bounded in count
and in time (``--timeout``). Reports requests/second, p50/p95/max latency and
errors, overall and per endpoint.

    .venv/bin/python benchmarks/load_web.py --clients 50 --requests 40
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

from turnover.ingest import ingest
from turnover.store import Store

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = [
    "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Belarus", "Armenia", "Georgia",
    "Azerbaijan", "Turkey", "China", "India", "Mongolia", "Vietnam", "Egypt", "Brazil",
]  # fmt: skip
ENDPOINTS = [
    "/",
    "/pair/KAZ-UZB",
    "/api/facts?limit=50",
    "/api/facts?country=KAZ&kind=value&limit=20",
    "/api/targets",
    "/api/pairs",
    "/api/articles?limit=20",
]


def generated_articles(count: int, seed: int = 7) -> list[str]:
    """Short trade news items in a fixed house style: yearly figures and targets."""
    rng = random.Random(seed)
    texts = []
    for n in range(count):
        a, b = rng.sample(COUNTRIES, 2)
        year = rng.randint(2016, 2024)
        amount = rng.randint(120, 9800)
        target = rng.choice([1, 2, 3, 5, 10, 15])
        month = rng.randint(1, 12)
        texts.append(
            f" date {year + 1}-{month:02d}-{rng.randint(1, 28):02d} 10:{n % 60:02d}\n"
            f"{a} and {b} review their trade\n\n"
            f"Delegations of {a} and {b} met to discuss cooperation (report {n}).\n\n"
            f"Trade between {a} and {b} reached ${amount} million in {year}, officials said.\n\n"
            f"The sides intend to raise trade turnover to ${target} billion by 2030.\n"
        )
    return texts


def build_db(path: Path, articles: int) -> dict[str, int]:
    with Store(path) as store:
        ingest(store, [str(ROOT / "examples" / "articles")])
        for text in generated_articles(articles):
            store.ingest_text(text, source="generated")
        return store.stats()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("turnover")
    cmd = [str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/pairs", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")


async def client(
    base: str, requests: int, offset: int, results: dict[str, list[float]], errors: list[str]
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        for i in range(requests):
            path = ENDPOINTS[(offset + i) % len(ENDPOINTS)]
            start = time.perf_counter()
            try:
                resp = await http.get(path)
                if resp.status_code != 200:
                    errors.append(f"{path}: HTTP {resp.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}")
            results[path].append(time.perf_counter() - start)


async def run_load(base: str, clients: int, requests: int, timeout: float) -> tuple[float, dict]:
    results: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    start = time.perf_counter()
    tasks = [client(base, requests, n, results, errors) for n in range(clients)]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=timeout)
    return time.perf_counter() - start, {"results": results, "errors": errors}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=40, help="requests per client")
    parser.add_argument("--articles", type=int, default=500, help="generated articles")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds for the whole run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        t0 = time.perf_counter()
        stats = build_db(db, args.articles)
        print(f"store: {stats} (built in {time.perf_counter() - t0:.1f}s)")
        port = free_port()
        server = start_server(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            elapsed, out = asyncio.run(run_load(base, args.clients, args.requests, args.timeout))
        finally:
            server.terminate()
            server.wait(timeout=10)
    results, errors = out["results"], out["errors"]
    every = [v for values in results.values() for v in values]
    print(
        f"{args.clients} clients x {args.requests} requests on {os.cpu_count()} CPUs: "
        f"{len(every)} requests in {elapsed:.1f}s = {len(every) / elapsed:.0f} req/s; "
        f"p50 {pct(every, 0.5):.0f} ms, p95 {pct(every, 0.95):.0f} ms, "
        f"max {max(every) * 1000:.0f} ms; errors {len(errors)}"
    )
    for path, values in results.items():
        print(
            f"  {path:45} n={len(values):4} p50 {pct(values, 0.5):6.0f} ms  "
            f"p95 {pct(values, 0.95):6.0f} ms  mean {statistics.mean(values) * 1000:6.0f} ms"
        )
    for line in sorted(set(errors))[:10]:
        print(f"  error: {line}")
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
