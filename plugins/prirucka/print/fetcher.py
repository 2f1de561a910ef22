"""What WeasyPrint may read: files inside the project, and data: URLs. Nothing else.

WeasyPrint's default fetcher embeds any local file a document names (an
`<link rel="attachment" href="file:///etc/passwd">` ends up inside the PDF) and
makes network requests. Publications are made from text editors paste in, so
everything else is refused, and each refusal is reported.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse


class RefusedURL(ValueError):
    pass


class ProjectFetcher(URLFetcher):
    def __init__(self, allowed_roots: list[Path]) -> None:
        # Only data: goes through WeasyPrint's own fetching; files are read here.
        super().__init__(allowed_protocols=("data",), allow_redirects=False, timeout=1)
        self.allowed_roots = [root.resolve() for root in allowed_roots]
        self.refused: list[str] = []

    def allows(self, url: str) -> Path | None:
        """The file `url` names, when it is a file inside an allowed folder."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        # resolve(): `..` and symbolic links cannot lead out of the project.
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if any(path.is_relative_to(root) for root in self.allowed_roots) and path.is_file():
            return path
        return None

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = self.allows(url)
        if path is None:
            self.refused.append(url)
            raise RefusedURL(
                f"refused {url}: only files in docs/, handbook/ and Příručka's own assets may be embedded"
            )
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
