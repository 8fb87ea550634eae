"""Serve a built site for preview, as deploy/nginx.conf serves it (types, 404 pages).

`./dev serve` uses it; `./dev livereload` has its own server (the livereload package).
"""

from __future__ import annotations

import errno
import functools
import signal
import socket
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

HOST = "127.0.0.1"
DEFAULT_PORT = 8000

# What nginx sends for our feed files (deploy/nginx.conf); Python's table lacks them.
TYPES = {
    ".ics": "text/calendar; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".jsonld": "application/ld+json",
    ".json": "application/json",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".xml": "text/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


class PortBusy(Exception):
    """The port is taken by another program (or another preview)."""

    def __init__(self, port: int):
        super().__init__(
            f"port {port} on {HOST} is already in use (another ./dev serve or "
            f"livereload?); stop that program or choose another port: --port {port + 1}"
        )


def check_port(port: int) -> None:
    """Refuse a busy port before a build is spent on it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortBusy(port) from None
            raise


class PreviewHandler(SimpleHTTPRequestHandler):
    """Static files with the feed types, and each language's own 404 page."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }
    languages: tuple[str, ...] = ()

    def guess_type(self, path):
        if str(path).endswith(".feed.json"):
            return "application/feed+json"
        if str(path).endswith(".schema.json"):
            return "application/schema+json"
        return super().guess_type(path)

    def send_error(self, code, message=None, explain=None):
        page = self.not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def not_found_page(self) -> Path | None:
        first = self.path.lstrip("/").split("/", 1)[0]
        prefix = f"{first}/" if first in self.languages[1:] else ""
        page = Path(self.directory) / prefix / "404.html"
        return page if page.is_file() else None

    def log_message(self, format, *args):
        pass  # quiet: editors want build messages, not a line per request


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def serve(folder: Path, port: int, languages: tuple[str, ...]) -> None:
    """Serve `folder` until Ctrl+C."""
    handler = functools.partial(
        type("Handler", (PreviewHandler,), {"languages": languages}),
        directory=str(folder),
    )
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise PortBusy(port) from None
        raise
    print(f"Serving on http://{HOST}:{port}/ — Ctrl+C stops", flush=True)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as Ctrl+C does
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")
    finally:
        server.server_close()
