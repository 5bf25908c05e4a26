"""Pelican settings for the timeline site (development: relative URLs, no feeds)."""

from pathlib import Path

SITENAME = "Crisis timelines"
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
OUTPUT_PATH = "output"
DEFAULT_LANG = "en"
TIMEZONE = "UTC"

# Articles are inputs to `timeline extract`, not pages of the site: Pelican reads only the
# timeline entries, through the plugin.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
IGNORE_FILES = [".*", "_*.md~"]
DIRECT_TEMPLATES = ["index"]
PLUGINS = ["generator.site"]

# Our theme lives in templates/ (CSS inlined: one request, works in embeds and offline).
THEME_TEMPLATES_OVERRIDES = ["templates"]
# The site's one static file: /favicon.ico (browsers ask for it on every page).
THEME_STATIC_PATHS = [str(Path(__file__).resolve().parent / "templates" / "static" / "favicon.ico")]
THEME_STATIC_DIR = ""
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False
# Deterministic builds: nothing in the output depends on when or where it was built.
# (Pelican's content cache stays off; the plugin's own entry cache, TIMELINE_CACHE, is keyed by
# each entry file's bytes and leaves the output byte-identical: bench/RESULTS.md.)
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
TIMELINE_CACHE = True
CACHE_PATH = "cache"  # beside this file (git-ignored): the entry cache's timeline-entries.pickle
