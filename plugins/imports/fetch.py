"""Fetching a partner's calendar politely: a timeout, a size limit, and conditional
requests (ETag / If-Modified-Since) so an unchanged calendar costs them nothing.

The last good copy of each source is kept under cache/imports/: when the partner
answers 304 Not Modified, the import reads that copy (and still finds nothing new).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from content_model.sources import Source

TIMEOUT_SECONDS = 15.0
MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = "DestinationSmaland-import/1 (+https://www.destinationsmaland.se/)"


class FetchError(Exception):
    """The source could not be read; the message says why, in one line."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    unchanged: bool  # the partner said 304 Not Modified


def fetch(
    source: Source, root: Path, cache_dir: Path, timeout: float = TIMEOUT_SECONDS
) -> Fetched:
    if source.path:
        path = (root / source.path).resolve()
        if root.resolve() not in path.parents:
            raise FetchError(f"path {source.path!r} is outside the repository")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise FetchError(f"cannot read {source.path}: {error.strerror}") from None
        if len(data) > MAX_BYTES:
            raise FetchError(
                f"{source.path} is larger than {MAX_BYTES // 1024 // 1024} MB"
            )
        return Fetched(data, unchanged=False)
    return _download(source, cache_dir, timeout)


def _download(source: Source, cache_dir: Path, timeout: float) -> Fetched:
    kept_body = cache_dir / f"{source.id}.data"
    kept_meta = cache_dir / f"{source.id}.json"
    meta = _read_meta(kept_meta) if kept_body.exists() else {}
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if meta.get("url") == source.url:
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
    request = urllib.request.Request(source.url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise FetchError(
                    f"{source.url} is {int(length):,} bytes; the limit is {MAX_BYTES:,}"
                )
            data = _read_all(response, source.url, timeout)
            etag = response.headers.get("ETag", "")
            modified = response.headers.get("Last-Modified", "")
    except urllib.error.HTTPError as error:
        if error.code == 304 and kept_body.exists():
            return Fetched(kept_body.read_bytes(), unchanged=True)
        raise FetchError(f"{source.url} answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(
            f"{source.url} could not be reached: {_reason(error.reason)}"
        ) from None
    except TimeoutError:
        raise FetchError(f"{source.url} did not answer within {timeout:g} s") from None
    except OSError as error:
        raise FetchError(f"{source.url} failed: {error}") from None
    cache_dir.mkdir(parents=True, exist_ok=True)
    kept_body.write_bytes(data)
    kept_meta.write_text(
        json.dumps({"url": source.url, "etag": etag, "last_modified": modified}),
        "utf-8",
    )
    return Fetched(data, unchanged=False)


def _read_all(response, url: str, timeout: float) -> bytes:
    """The body, within the size limit and the time limit for the whole download (a
    server that sends a byte now and then must not hold the import up)."""
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(65536):
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"{url} is larger than {MAX_BYTES:,} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"{url} did not finish within {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _read_meta(path: Path) -> dict:
    try:
        meta = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "no answer in time"
    return str(reason)
