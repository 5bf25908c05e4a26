"""The plugin's settings, with their defaults in one place (override any in pelicanconf.py)."""

DEFAULTS: dict[str, object] = {
    # Folder under PATH holding one sub-folder of entries per timeline.
    "TIMELINE_PATH": "timeline",
    "TIMELINE_URL": "timeline/{slug}/",
    "TIMELINE_SAVE_AS": "timeline/{slug}/index.html",
    # When the site has a single timeline, the home page shows it in full.
    "TIMELINE_SINGLE_ON_INDEX": True,
}
