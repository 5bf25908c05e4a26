"""The plugin's settings, with their defaults in one place (override any in pelicanconf.py)."""

DEFAULTS: dict[str, object] = {
    # Folder under PATH holding one sub-folder of entries per timeline.
    "TIMELINE_PATH": "timeline",
    "TIMELINE_URL": "timeline/{slug}/",
    "TIMELINE_SAVE_AS": "timeline/{slug}/index.html",
    # When the site has a single timeline, the home page shows it in full.
    "TIMELINE_SINGLE_ON_INDEX": True,
    # Height in pixels of the embed code's iframe (and of the oEmbed answer).
    "TIMELINE_EMBED_HEIGHT": 640,
    # How many entries (the ones reported last) the site's newsletter.* files hold.
    "TIMELINE_NEWSLETTER_ENTRIES": 10,
    # What the exports hold of a timeline with key events (entries with "Key: yes"; its page
    # lists those first, every entry one click away on its all/ page): "key", the key
    # events (TimelineJS JSON, Atom feed, calendar, embed.html, newsletter.*), or "all", every
    # entry. The spreadsheet (entries.csv) always holds every entry, with a "key" column:
    # it is for research, where filtering is the reader's. A timeline with no key event
    # exports every entry either way. `timeline newsletter --all` overrides it for an issue.
    "TIMELINE_EXPORT": "key",
    # A timeline of more entries than this is split: its page becomes an index of years,
    # with a page per year (a page per month for a year of more entries than this). 0: never.
    "TIMELINE_PAGE_ENTRIES": 500,
    # How many entries (the last ones) the embed of a split timeline shows.
    "TIMELINE_EMBED_ENTRIES": 100,
    # Keep parsed entries in CACHE_PATH/timeline-entries.pickle, keyed by each file's bytes:
    # a rebuild reads only the entries that changed. The output is the same bytes either way.
    "TIMELINE_CACHE": True,
    # With the cache on: copy a page from the previous build when everything it shows is
    # unchanged (CACHE_PATH/timeline-pages.json; see generator/site/reuse.py).
    "TIMELINE_REUSE_PAGES": True,
}
