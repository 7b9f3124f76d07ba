"""The built site behind the project's own nginx configuration (deploy/nginx.conf), on
127.0.0.1: what `make serve-prod` runs, and what the tests and the audit read pages from.

deploy/nginx.conf is used as it is, but for the three lines it marks EDIT (port, folder,
policy file); nginx gets a small main configuration of its own in a temporary folder, so it
needs no root rights and writes nothing outside that folder.

Usage: python -m generator.site.nginx [--port 8080] [site]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from generator.site.secure import NGINX_HEADERS

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
NGINX = "/usr/sbin/nginx"
EDITS = {
    "listen": re.compile(r"^(\s*)listen\s[^;]*;.*EDIT.*$", re.MULTILINE),
    "root": re.compile(r"^(\s*)root\s[^;]*;.*EDIT.*$", re.MULTILINE),
    "include": re.compile(r"^(\s*)include\s[^;]*;.*EDIT.*$", re.MULTILINE),
}
MAIN = """daemon off;
{user}worker_processes 1;
pid {work}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/site.conf;
}}
"""


def site_config(site: Path, port: int) -> str:
    """deploy/nginx.conf with its EDIT lines pointing at `site` and 127.0.0.1:`port`."""
    text = CONFIG.read_text("utf-8")
    values = {
        "listen": f"listen 127.0.0.1:{port};",
        "root": f"root {site};",
        "include": f"include {site / NGINX_HEADERS};",
    }
    for name, pattern in EDITS.items():
        value = values[name]
        text, count = pattern.subn(lambda line: line[1] + value, text)  # noqa: B023
        if count != 1:
            raise ValueError(f"{CONFIG.name}: expected one `{name} ...; # EDIT` line")
    return text


def _wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped at once (exit status {process.returncode})")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not answer on port {port}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serve(site: Path, port: int = 0) -> Iterator[str]:
    """nginx serving `site` on 127.0.0.1 (a free port when 0); yields its address."""
    site = site.resolve()
    if not (site / NGINX_HEADERS).is_file():
        raise FileNotFoundError(f"{site / NGINX_HEADERS} is missing: run `make site` first")
    port = port or free_port()
    work = Path(tempfile.mkdtemp(prefix="stretches-nginx-"))
    try:
        (work / "site.conf").write_text(site_config(site, port), "utf-8")
        # Started by root (CI), nginx would read the site as `nobody`, who may not enter the
        # folders of the one who built it: it serves as the one who runs it, on 127.0.0.1.
        user = "user root root;\n" if os.geteuid() == 0 else ""
        (work / "nginx.conf").write_text(MAIN.format(work=work, user=user), "utf-8")
        command = [NGINX, "-p", str(work), "-c", str(work / "nginx.conf")]
        check = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused the configuration:\n{check.stderr}")
        process = subprocess.Popen(command)
        try:
            _wait_for(port, process)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.site.nginx", description=__doc__)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"))
    arguments = parser.parse_args(argv)
    try:
        with serve(arguments.site, arguments.port) as address:
            print(f"The site behind deploy/nginx.conf: {address}/ (Ctrl+C stops it)", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    except (OSError, RuntimeError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
