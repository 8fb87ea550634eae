"""Serve a built site with the real deploy/nginx.conf (tests and benchmarks)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"


class NginxMissing(RuntimeError):
    """nginx (or its brotli module) is not installed."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_binary() -> str:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise NginxMissing(
            "nginx is not installed — apt-get install nginx "
            "libnginx-mod-http-brotli-static (./dev test does)"
        )
    return nginx


def config(site: Path, port: int) -> str:
    """deploy/nginx.conf with its placeholders filled, as a deployment fills them."""
    text = CONFIG.read_text()
    text = text.replace("__ROOT__", str(site)).replace(
        "__LISTEN__", f"127.0.0.1:{port}"
    )
    if os.geteuid() == 0:
        # Temporary folders are private to root; production keeps nginx's worker user.
        text = "user root root;\n" + text
    return text


@contextmanager
def serving(site: Path, workdir: Path, port: int | None = None) -> Iterator[str]:
    """nginx in the foreground serving `site`; yields its base URL, stops it by PID."""
    nginx = nginx_binary()
    port = port or free_port()
    (workdir / "tmp").mkdir(parents=True, exist_ok=True)
    (workdir / "nginx.conf").write_text(config(site, port))
    args = [nginx, "-p", str(workdir), "-c", "nginx.conf", "-e", "stderr"]
    tested = subprocess.run([*args, "-t"], capture_output=True, text=True, check=False)
    if tested.returncode:
        if "brotli" in tested.stderr:
            raise NginxMissing(
                f"{tested.stderr.strip()} — apt-get install libnginx-mod-http-brotli-static"
            )
        raise RuntimeError(f"nginx -t failed: {tested.stderr.strip()}")
    base = f"http://127.0.0.1:{port}"
    with (workdir / "error.log").open("w") as log:
        process = subprocess.Popen(args, stderr=log)
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(base + "/", timeout=1)
                    break
                except urllib.error.HTTPError:
                    break  # it answers: that is all we wait for
                except OSError:
                    time.sleep(0.05)
            yield base
        finally:
            # Graceful first; a browser's open keep-alive connection can hold a
            # graceful shutdown up, so then the fast one.
            process.send_signal(signal.SIGQUIT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.terminate()
                process.wait(timeout=10)
