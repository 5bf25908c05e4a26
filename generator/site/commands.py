"""Site commands of the ``timeline`` CLI (serve, publish, newsletter): registered by ``cli``."""

# No ``from __future__ import annotations`` here: typer reads every command's annotations
# at each start, and string annotations cost an ``eval`` each (12 ms of a one-sentence
# ``extract``, against 2 ms for evaluated ones).
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..console import LazyConsole

out = LazyConsole()
err = LazyConsole(stderr=True)

SettingsOption = Annotated[
    Path | None,
    typer.Option("--settings", "-s", help="Pelican settings file (default: the project's)."),
]
ContentOption = Annotated[
    Path | None, typer.Option(help="The content folder (default: the project's).")
]
OutputOption = Annotated[Path | None, typer.Option(help="The built site (default: the project's).")]


def count(n: int, noun: str) -> str:
    """"1 problem", "2 problems": a count for the command line."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def register(app: typer.Typer) -> None:
    """Add the site commands to ``app``."""
    app.command("serve")(serve_command)
    app.command("publish")(publish_command)
    app.command("newsletter")(newsletter_command)


# --- serve ---------------------------------------------------------------------------------


def serve_command(
    settings: SettingsOption = None,
    content: ContentOption = None,
    output: Annotated[
        Path | None, typer.Option(help="Where the site is written (default: the project's).")
    ] = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free port).")] = 8000,
) -> None:
    """Build the site, serve it on http://127.0.0.1:PORT/ and rebuild when an input changes.

    Watches the content folder, the settings file and the theme's template folders. A build
    that fails keeps the last good site on view and prints the errors. Ctrl-C stops.
    """
    import watchfiles

    from ..project import SETTINGS, project_paths
    from .build import build_site

    settings, content, output = project_paths(settings, SETTINGS, content, output)
    if not settings.is_file():
        err.print(f"[red]error[/red] {settings}: no such settings file", highlight=False)
        raise typer.Exit(1)
    output = output.resolve()

    def rebuild(reason: str) -> None:
        errors = build_site(settings, content, output)
        for message in errors:
            err.print(f"[red]error[/red] {message}", highlight=False)
        state = "done"
        if errors:
            state = f"failed ({count(len(errors), 'error')}; still serving the last good site)"
        out.print(f"{reason}: build {state}", highlight=False)

    import functools
    import http.server
    import threading

    rebuild("start")
    output.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_handler_class(), directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    out.print(f"Serving {output} at http://127.0.0.1:{server.server_address[1]}/ "
              "(Ctrl-C stops)", highlight=False)
    sys.stdout.flush()
    watched = [p for p in [content, settings, settings.parent / "templates"] if p.exists()]
    try:
        for changes in watchfiles.watch(*watched, debounce=300, raise_interrupt=True):
            names = sorted({os.path.relpath(path) for _, path in changes})
            rebuild(", ".join(names[:3]) + (" …" if len(names) > 3 else ""))
            sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
    out.print("stopped", highlight=False)


def _handler_class() -> type:
    """The request handler (http.server loaded by ``serve`` only, not by every command)."""
    import http.server

    class Handler(http.server.SimpleHTTPRequestHandler):
        """Serves the folder by its path on every request, so a rebuilt (swapped-in) site
        shows."""

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
            err.print(f"{self.address_string()} {format % args}", highlight=False, style="dim")

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

    return Handler


# --- publish -------------------------------------------------------------------------------


def publish_command(
    output: OutputOption = None,
    cname: Annotated[
        str | None, typer.Option(help="Custom domain: written to the branch as CNAME.")
    ] = None,
    remote: Annotated[str, typer.Option(help="Git remote to push to.")] = "origin",
    branch: Annotated[str, typer.Option(help="Branch that GitHub Pages serves.")] = "gh-pages",
    message: Annotated[str, typer.Option(help="Commit message.")] = "Publish the timeline site",
    push: Annotated[bool, typer.Option(help="Push the branch (--no-push: commit only).")] = True,
) -> None:
    """Commit the built site (output/) to the gh-pages branch and push it, with ghp-import.

    Adds ``.nojekyll`` (GitHub Pages serves the files as they are) and, with --cname, a CNAME
    file. Build first, with absolute URLs: ``SITEURL=https://you.github.io/repo timeline build
    -s publishconf.py``. Run it inside the project's git repository.
    """
    from ghp_import import GhpError, ghp_import

    from ..project import find_root

    output = output if output is not None else find_root() / "output"
    if not (output / "index.html").is_file():
        err.print(f"[red]error[/red] {output}/index.html is missing: build the site first",
                  highlight=False)
        raise typer.Exit(1)
    env = _committer()
    try:
        ghp_import(str(output), mesg=message, remote=remote, branch=branch, push=push,
                   nojekyll=True, cname=cname)
    except (GhpError, OSError) as error:
        err.print(f"[red]error[/red] publishing failed: {error}", highlight=False)
        raise typer.Exit(1) from None
    except Exception as error:  # git's CalledProcessError and friends
        err.print(f"[red]error[/red] publishing failed: {error}", highlight=False)
        raise typer.Exit(1) from None
    finally:
        for key in env:
            os.environ.pop(key, None)
    where = f"{remote} {branch}" if push else f"branch {branch} (not pushed)"
    out.print(f"published {output} to {where}", highlight=False)


def _committer() -> list[str]:
    """ghp-import needs a committer; use git's, else a neutral one (set only for this run)."""
    import subprocess

    added = []
    for key, config, fallback in (("GIT_COMMITTER_NAME", "user.name", "timeline publish"),
                                  ("GIT_COMMITTER_EMAIL", "user.email", "timeline@localhost")):
        if os.environ.get(key):
            continue
        found = subprocess.run(["git", "config", config], capture_output=True, text=True)
        if not found.stdout.strip():
            os.environ[key] = fallback
            added.append(key)
    return added


# --- newsletter ----------------------------------------------------------------------------


def newsletter_command(
    timeline: Annotated[str, typer.Argument(help="The timeline's folder name (its slug).")],
    since: Annotated[
        str | None,
        typer.Option(help="Only entries reported after this day (YYYY-MM-DD): the last issue."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="html, txt or md.")] = "html",
    limit: Annotated[
        int | None, typer.Option(help="Without --since: how many of the newest entries.")
    ] = None,
    siteurl: Annotated[
        str | None, typer.Option(help="The site's absolute address (default: the settings').")
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every entry, not only the key events.")
    ] = False,
    settings: SettingsOption = None,
    content: ContentOption = None,
) -> None:
    """Print a newsletter issue of TIMELINE: the entries new since the last issue.

    An entry is new after DATE when its earliest source was published after DATE (an entry
    without a dated source counts from the first day its date covers). Without --since: the
    newest entries, as many as TIMELINE_NEWSLETTER_ENTRIES (10). Of a timeline with key
    events (Key: yes), only those, as on its page (TIMELINE_EXPORT); --all: every entry.
    """
    from ..project import project_paths
    from .newsletter import render_html, render_markdown, render_text

    if fmt not in ("html", "txt", "md"):
        raise typer.BadParameter("use html, txt or md", param_hint="--format")
    day = None
    if since is not None:
        try:
            day = date.fromisoformat(since)
        except ValueError:
            raise typer.BadParameter(f"'{since}' is not a date in the form YYYY-MM-DD",
                                     param_hint="--since") from None
    settings, content, _ = project_paths(settings, "publishconf.py", content)
    if not settings.is_file():
        err.print(f"[red]error[/red] {settings}: no such settings file", highlight=False)
        raise typer.Exit(1)
    generator = load_timelines(settings, content, {"SITEURL": siteurl} if siteurl else None)
    found = {t.slug: t for t in generator.timelines}
    if timeline not in found:
        names = ", ".join(sorted(found)) or "none"
        err.print(f"[red]error[/red] no timeline '{timeline}' (timelines: {names})",
                  highlight=False)
        raise typer.Exit(1)
    chosen = found[timeline]
    choice = "all" if every else generator.settings["TIMELINE_EXPORT"]
    selected = chosen.selected(choice)
    key = choice == "key" and chosen.has_key
    if day is not None:
        entries = chosen.since(day, selected)
    else:
        entries = chosen.newest(limit or generator.settings["TIMELINE_NEWSLETTER_ENTRIES"],
                                selected)
    url, name = generator.settings["SITEURL"], generator.settings["SITENAME"]
    if not str(url).startswith(("http://", "https://")):
        err.print("warning: SITEURL is not an absolute address: the links are relative; "
                  "pass --siteurl https://… before sending", highlight=False)
    if fmt == "html":
        text = render_html(generator.get_template("newsletter"), chosen, entries,
                           dict(generator.context, SITEURL=url), key=key)
    elif fmt == "txt":
        text = render_text(chosen, entries, url, name, key=key)
    else:
        text = render_markdown(chosen, entries, url, key=key)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def load_timelines(settings_file: Path, content: Path, overrides: dict | None = None):
    """Read the timelines as a build would, without writing anything: the plugin's generator."""
    from pelican.settings import read_settings

    from .generator import TimelineGenerator
    from .settings import DEFAULTS

    settings = read_settings(str(settings_file),
                             override={"PATH": str(content.resolve()), **(overrides or {})})
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    context = settings.copy()
    context.update(generated_content={}, static_links=set(), static_content={},
                   localsiteurl=settings["SITEURL"])
    generator = TimelineGenerator(
        context=context, settings=settings, path=settings["PATH"], theme=settings["THEME"],
        output_path=settings["OUTPUT_PATH"],
    )
    generator.generate_context()
    return generator
