"""A timeline's newest entries as an email: HTML (all CSS inlined), plain text and Markdown.

Which entries
    ``Entry.reported`` is the day an entry became known: its earliest source's publication
    date, or the first day its ``When`` covers when it has no dated source (an entry written
    by hand). The site's ``newsletter.*`` files hold the ``TIMELINE_NEWSLETTER_ENTRIES``
    (default 10) entries reported last. ``timeline newsletter TIMELINE --since DATE`` holds the
    entries reported strictly after DATE: send an issue on DATE, and the next issue with
    ``--since DATE`` repeats none of the entries the first one had. Entries are shown in
    timeline order (oldest event first), as on the site. Of a timeline with key events
    (``Key: yes``), only those count, as on its page and in its exports (TIMELINE_EXPORT
    "key", the default); ``TIMELINE_EXPORT = "all"``, or ``timeline newsletter --all``, counts
    every entry.

Links
    Email needs absolute links, so the newsletter uses SITEURL (publishconf.py). A relative
    build (pelicanconf.py, SITEURL empty) still writes the files, with links relative to the
    timeline's folder so they work when opened from ``output/``; they are not fit to send,
    and the build says so in a warning (and ``timeline newsletter`` on stderr).
"""

from __future__ import annotations

import re
import textwrap

import css_inline

from . import source_list
from .contents import Timeline
from .entry import Entry
from .exports import timeline_address

_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\balt=)", re.IGNORECASE)
_CLASS = re.compile(r' class="[^"]*"')
_STYLE = re.compile(r'style="([^"]*)"')
_DECL_SPACE = re.compile(r"\s*([:;,])\s*")
_BLANKS = re.compile(r"\n\s*\n\s*(?:\n\s*)+")


def page_address(timeline: Timeline, siteurl: str) -> str:
    """The timeline page as the newsletter links it: absolute, else relative to its folder."""
    return timeline_address(timeline, siteurl) or "./"


def render_html(template, timeline: Timeline, entries: list[Entry], context: dict,
                key: bool = False) -> str:
    """The newsletter's HTML: the template rendered, then every CSS rule inlined.

    The ``<style>`` block is removed after inlining, so the email holds no stylesheet, no
    script and no external resource; images (if an entry's text has any) always carry alt.
    """
    siteurl = context.get("SITEURL", "")
    html = template.render(
        context,
        timeline=timeline,
        entries=entries,
        page=page_address(timeline, siteurl),
        absolute=timeline_address(timeline, siteurl) is not None,
        intro=_intro(timeline, entries, key),
        noun="key events" if key else "entries",
    )
    html = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False).inline(html)
    html = _IMG_WITHOUT_ALT.sub('<img alt=""', html)
    # Classes did their work once inlined; dropping them and the spaces in the declarations
    # keeps a long issue under Gmail's 102 KB clipping limit.
    html = _CLASS.sub("", html)
    html = _STYLE.sub(lambda m: 'style="' + _DECL_SPACE.sub(r"\1", m.group(1)).rstrip(";") + '"',
                      html)
    return _BLANKS.sub("\n", html)


def render_text(timeline: Timeline, entries: list[Entry], siteurl: str, sitename: str,
                key: bool = False) -> str:
    """The plain-text part: wrapped at 72 columns, every link written out."""
    page = page_address(timeline, siteurl)
    rule = "=" * min(72, len(str(timeline.title)))
    lines = [sitename.upper(), "", str(timeline.title), rule, ""]
    lines += _wrap(_intro(timeline, entries, key)) + [""]
    for entry in entries:
        lines.append("-" * 72)
        when = entry.date_label
        flags = ", ".join(words for _, words in entry.flag_labels)
        lines.append(f"{when.upper()}" + (f"  [{flags}]" if flags else ""))
        lines += _wrap(entry.title) + [""]
        for paragraph in entry.text.split("\n\n"):
            lines += _wrap(paragraph) + [""]
        if entry.note:
            lines += _wrap(f"Note: {entry.note}") + [""]
        shown, more = entry.source_lines
        for story in shown:
            lines += _wrap(f"Source: {source_list.story_text(story)}")
            lines += [f"  {link}" for link in source_list.story_links(story)]
        if more:
            lines += _wrap(f"{len(more)} more sources on the timeline page.")
        lines += [f"Permalink: {page}{timeline.entry_path(entry)}#{entry.anchor}", ""]
    lines += ["-" * 72, f"The full timeline ({len(timeline.entries)} entries):", page, ""]
    return "\n".join(lines)


def render_markdown(timeline: Timeline, entries: list[Entry], siteurl: str,
                    key: bool = False) -> str:
    """Markdown for newsletter services (Buttondown, Substack): headings, links, no HTML."""
    page = page_address(timeline, siteurl)
    page = _md_url(page)
    out = [f"# [{_md(str(timeline.title))}]({page})", "", _intro(timeline, entries, key), ""]
    for entry in entries:
        flags = "".join(f" · *{words}*" for _, words in entry.flag_labels)
        link = _md_url(f"{page}{timeline.entry_path(entry)}#{entry.anchor}")
        out.append(f"## [{_md(entry.title)}]({link})")
        out.append("")
        out.append(f"**{entry.date_label}**{flags}")
        out.append("")
        for paragraph in entry.text.split("\n\n"):
            out += [_md(paragraph), ""]
        if entry.note:
            out += [f"> {_md(entry.note)}", ""]
        shown, more = entry.source_lines
        sources = [source_list.story_markdown(story, _md, _md_url) for story in shown]
        if more:
            sources.append(f"[{len(more)} more sources]({link})")
        if sources:
            label = "Sources: " if len(entry.sources) > 1 else "Source: "
            out += [label + "; ".join(sources), ""]
    out += [f"[Read the full timeline ({len(timeline.entries)} entries)]({page})", ""]
    return "\n".join(out)


_URL_UNSAFE = {c: f"%{ord(c):02X}" for c in " \t\n\r()<>[]\"'`"}


def _md_url(url: str) -> str:
    """A link target no Markdown dialect can end early: spaces, brackets, quotes encoded."""
    return "".join(_URL_UNSAFE.get(c, c) for c in url)


def _intro(timeline: Timeline, entries: list[Entry], key: bool = False) -> str:
    """"3 new entries in the timeline, oldest first." (``key``: "3 new key events")."""
    if key:
        if not entries:
            return "No new key events."
        count = "1 new key event" if len(entries) == 1 else f"{len(entries)} new key events"
    else:
        if not entries:
            return "No new entries."
        count = "1 new entry" if len(entries) == 1 else f"{len(entries)} new entries"
    return f"{count} in the timeline, oldest first."


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, 72, break_long_words=False, break_on_hyphens=False) or [""]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)
