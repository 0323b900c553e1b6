"""Reading another portal's HSDS API over HTTP, within limits: a time limit
per answer (not only per read), a size limit, JSON only, http(s) only."""

import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

USER_AGENT = "ASF-portalen harvest_hsds (HSDS 3.0)"
CHUNK = 64 * 1024


class HarvestError(Exception):
    """The source could not be read: network, time, size, not JSON, not HSDS."""


def check_url(url: str) -> str:
    """The API's base address without a trailing slash; http(s) only."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise HarvestError(f"not an http(s) address: {url!r}")
    if parts.query or parts.fragment:
        raise HarvestError("give the API's base address, without ? or #")
    return urllib.parse.urlunsplit(parts).rstrip("/")


@dataclass
class Client:
    base: str
    timeout: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    max_pages: int = 500
    per_page: int = 50

    def url(self, path: str, params: dict | None = None) -> str:
        query = urllib.parse.urlencode(params or {})
        return f"{self.base}/{path.lstrip('/')}" + (f"?{query}" if query else "")

    def get(self, path: str, params: dict | None = None) -> object:
        """The answer's JSON; raises HarvestError."""
        url = self.url(path, params)
        request = urllib.request.Request(  # noqa: S310 - check_url allows http(s) only
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        deadline = time.monotonic() + self.timeout
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                content_type = response.headers.get_content_type()
                body = self._read(response, deadline)
        except urllib.error.HTTPError as error:
            raise HarvestError(f"{url} answered {error.code}") from None
        except (OSError, ValueError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", error)
            raise HarvestError(f"could not read {url}: {reason}") from None
        if not (content_type == "application/json" or content_type.endswith("+json")):
            raise HarvestError(f"{url} answered {content_type}, not JSON")
        try:
            return json.loads(body)
        except ValueError:
            raise HarvestError(f"{url} answered something that is not JSON") from None

    def _read(self, response, deadline: float) -> bytes:
        parts, size = [], 0
        while chunk := response.read1(CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise HarvestError(f"the answer is larger than {self.max_bytes} bytes")
            if time.monotonic() > deadline:
                raise HarvestError(f"the answer took longer than {self.timeout:g} s")
            parts.append(chunk)
        return b"".join(parts)

    def pages(self, path: str, params: dict | None = None) -> Iterator[dict]:
        """Every item of a paged list (HSDS ``Page``), page after page."""
        number = 1
        while True:
            answer = self.get(path, (params or {}) | {"page": number, "per_page": self.per_page})
            contents = page_contents(answer, self.url(path))
            yield from contents
            if not contents or answer.get("last_page") is True:
                return
            if number >= _whole(answer.get("total_pages")):
                return
            number += 1
            if number > self.max_pages:
                raise HarvestError(f"{self.url(path)} has more than {self.max_pages} pages")


def _whole(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def page_contents(answer: object, url: str) -> list:
    if not isinstance(answer, dict) or not isinstance(answer.get("contents"), list):
        raise HarvestError(f"{url} did not answer an HSDS page (no contents list)")
    return answer["contents"]
