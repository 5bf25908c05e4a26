"""Pelican settings for publishing: absolute URLs. Set SITEURL to where the site lives.

    SITEURL=https://you.github.io/repo .venv/bin/timeline build --settings publishconf.py

With an absolute SITEURL every link, the Atom feeds, the oEmbed answers, the embed code and the
newsletters use it. Without one (SITEURL unset) the build falls back to relative links, which
work under any sub-path, and the newsletters' links are relative (not fit to send).
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))  # run from any folder
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = not SITEURL
DELETE_OUTPUT_DIRECTORY = True
# Atom feeds: one per timeline (timeline/<slug>/feed.atom), written by the plugin; their
# entries are dated by their sources, never by the build.
FEED_DOMAIN = SITEURL
