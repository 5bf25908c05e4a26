"""Screenshots of the built site at phone and desktop width, light and dark.

    .venv/bin/python bench/screenshots.py [OUTPUT_DIR] [--into bench/screenshots]

Serves OUTPUT_DIR (default: output/) on 127.0.0.1 and opens the home page, each timeline page
(and its page of all entries), its embed page and newsletter in Debian's Chromium (no
`playwright install`). PNGs go to a git-ignored folder:
bench/screenshots/<page>-<width>-<scheme>.png.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
WIDTHS = {"phone": 390, "desktop": 1280}


def serve(root: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="output", type=Path)
    parser.add_argument("--into", default=Path(__file__).parent / "screenshots", type=Path)
    parser.add_argument("--full-page", action="store_true", help="whole page, not one screen")
    args = parser.parse_args()
    args.into.mkdir(parents=True, exist_ok=True)
    pages = {"home": "index.html"}
    for folder in sorted((args.output / "timeline").glob("*/")):
        pages[folder.name] = f"timeline/{folder.name}/index.html"
        if (folder / "all" / "index.html").is_file():  # a timeline with key events
            pages[f"{folder.name}-all"] = f"timeline/{folder.name}/all/index.html"
        pages[f"{folder.name}-embed"] = f"timeline/{folder.name}/embed.html"
        pages[f"{folder.name}-newsletter"] = f"timeline/{folder.name}/newsletter.html"
    server = serve(args.output.resolve())
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width_name, width in WIDTHS.items():
                for scheme in ("light", "dark"):
                    page = browser.new_page(viewport={"width": width, "height": 900},
                                            color_scheme=scheme)
                    for name, path in pages.items():
                        page.goto(base + path)
                        shot = args.into / f"{name}-{width_name}-{scheme}.png"
                        page.screenshot(path=str(shot), full_page=args.full_page)
                        print(shot)
                    page.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
