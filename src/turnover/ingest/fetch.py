"""Polite HTTP fetching for pages and feeds.

News sites are fetched slowly on purpose: an honest User-Agent, one request at
a time per host with a minimum delay between them, retries with exponential
backoff only for failures that may pass (timeouts, connection errors, 429 and
5xx), and a size cap. Every failure becomes a `FetchError` with a one-line
reason naming the URL, so the ingest run can list it and go on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from turnover import __version__

USER_AGENT = (
    f"turnover/{__version__} (trade-news fact extractor; fetches article pages one at a time)"
)
MAX_BYTES = 5_000_000
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line naming it."""


@dataclass(slots=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        charset = "utf-8"
        for part in self.content_type.split(";"):
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


@dataclass(slots=True)
class Fetcher:
    """An HTTP client with timeouts, retries with backoff and a per-host delay.

    ``sleep`` and ``clock`` are injectable so callers can run without real waits.
    """

    timeout: float = 15.0
    retries: int = 3
    backoff: float = 1.0
    host_delay: float = 1.0
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=self.timeout,
                follow_redirects=True,
                headers={"User-Agent": self.user_agent, "Accept": "*/*"},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_for_host(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            remaining = self.host_delay - (self.clock() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()

    def get(self, url: str) -> Response:
        """GET ``url``; raise FetchError with the reason after the last retry."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"{url}: not an http(s) URL")
        reason = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_for_host(parts.netloc)
            try:
                resp = self._fetch_once(url)
            except httpx.TimeoutException:
                reason = f"timed out after {self.timeout:g}s"
                continue
            except httpx.HTTPError as exc:
                reason = f"connection failed ({type(exc).__name__}: {exc})"
                continue
            if resp.status in RETRY_STATUSES:
                reason = f"HTTP {resp.status}"
                continue
            if resp.status >= 400:
                raise FetchError(f"{url}: HTTP {resp.status}")
            return resp
        tries = self.retries + 1
        raise FetchError(f"{url}: {reason} ({tries} attempt{'s' if tries > 1 else ''})")

    def _fetch_once(self, url: str) -> Response:
        with self._http().stream("GET", url) as r:
            body = bytearray()
            for chunk in r.iter_bytes():
                body.extend(chunk)
                if len(body) > MAX_BYTES:
                    raise FetchError(f"{url}: larger than {MAX_BYTES:,} bytes")
            return Response(
                url=str(r.url),
                status=r.status_code,
                content_type=r.headers.get("content-type", ""),
                body=bytes(body),
            )
