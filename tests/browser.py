"""A real browser (Debian's chromium via Playwright) against a built site on 127.0.0.1."""

from __future__ import annotations

import functools
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_browser() -> None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(
            "no browser: install Debian's chromium (apt-get install chromium) to run this test"
        )


class _StaticHost(SimpleHTTPRequestHandler):
    """Serves the site like a static host: unknown paths get the root 404.html."""

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path):
    """Serve `site` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_StaticHost, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield instance
        finally:
            instance.close()


def sample_site(sample_project) -> Path:
    """The site of the repository's own content (conftest's `sample_project`), which must
    have built without warnings."""
    project, result = sample_project
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def page_urls(site: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths ("/", "/en/katalog/", "/404.html")."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] == "pagefind":
            continue
        if path.name == "index.html":
            parent = relative.parent.as_posix()
            urls.append("/" if parent == "." else f"/{parent}/")
        else:
            urls.append("/" + relative.as_posix())
    return urls
