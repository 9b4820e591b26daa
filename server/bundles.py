"""The pages Poikki serves itself (the explorer, GraphiQL): a script and styles built by
`tools/<name>` into `server/static/<name>/` and committed, so serving needs no Node and no CDN.
Each is served under `/static/<name>/`, referenced with a digest of its files so that browsers
fetch them again after an upgrade, and its page carries the same security headers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True)
class Bundle:
    name: str

    @property
    def folder(self) -> Path:
        return STATIC / self.name

    @property
    def assets(self) -> str:
        """Where its files are served."""
        return f"/static/{self.name}"

    @cached_property
    def version(self) -> str:
        digest = hashlib.sha256()
        for file in (f"{self.name}.js", f"{self.name}.css"):
            path = self.folder / file
            digest.update(path.read_bytes() if path.exists() else b"")
        return digest.hexdigest()[:12]

    def route(self) -> Mount:
        files = StaticFiles(directory=self.folder, check_dir=False)
        return Mount(self.assets, app=files, name=self.name)

    def page(self, title: str, body: str) -> str:
        """Its HTML page: `body` between the bundle's styles and its script."""
        return _SHELL.format(
            title=title, assets=self.assets, name=self.name, version=self.version, body=body
        )


_SHELL = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{assets}/{name}.css?v={version}">
</head>
<body>
{body}
<script src="{assets}/{name}.js?v={version}"></script>
</body>
</html>
"""


def page_headers(policy: str) -> dict[str, str]:
    """A page's headers: its Content-Security-Policy, and never sniffed or cached stale."""
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
    }
