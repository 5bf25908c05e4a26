"""The ``timeline`` command line (also ``python -m generator``)."""

# No ``from __future__ import annotations`` here: typer reads every command's annotations
# at each start, and string annotations cost an ``eval`` each (12 ms of a one-sentence
# ``extract``, against 2 ms for evaluated ones).
import contextlib
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import startup_cache
from .console import LazyConsole, escape, progress
from .errors import InputError
from .site.commands import ContentOption
from .site.commands import count as _count
from .site.commands import register as register_site_commands

if TYPE_CHECKING:
    from .timeline.store import Report

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Build a crisis timeline from news articles and publish it as a static site.",
)
out = LazyConsole(soft_wrap=True)
err = LazyConsole(stderr=True, soft_wrap=True)


def _parse_dct(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from None


@app.command("extract")
def extract_command(
    articles: Annotated[
        list[Path] | None,
        typer.Argument(help="Article files or folders (default: content/articles)."),
    ] = None,
    dct: Annotated[
        str | None,
        typer.Option("--dct", help="Publication date YYYY-MM-DD for every article read."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of every article read (es, fr, de, pt, it, en); "
                     "default: each one's front matter 'lang:', else detected from its text."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the events as JSON instead of writing entries.")
    ] = False,
    content: ContentOption = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read every article again, even unchanged ones.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1,
                     help="Processes reading articles (default: the machine's cores)."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="local|tcp://ADDRESS",
                     help="Read the articles on a dask.distributed cluster: 'local' starts "
                          "one on this machine, else the scheduler's address."),
    ] = None,
) -> None:
    """Find every dated event in the articles and write one Markdown entry per event."""
    # Imported here, as each command imports what it needs: `timeline build` or `serve`
    # should not wait for the date engine to load.
    from .events.cache import EventCache
    from .pipeline import extract
    from .pipeline.extraction import json_list
    from .pipeline.parallel import default_jobs

    publication = _parse_dct(dct)
    content = _extract_content(content, reads_only=as_json and bool(articles))
    # --json writes nothing, not even the cache.
    use_cache = not (no_cache or as_json)
    cache = EventCache(content.resolve().parent / ".cache" / "extract" if use_cache else None)
    with progress(err) as bar:
        task = bar.add_task("reading articles", total=None)
        # Named articles are written with the rest of content/articles, or their timelines
        # would lose every entry of the articles not named.
        whole = ([content / "articles"] if articles and not as_json
                 and (content / "articles").is_dir() else None)
        result = extract(articles or [content / "articles"], content, publication, cache,
                         on_article=lambda _path: bar.advance(task), also=whole,
                         jobs=jobs or default_jobs(), dask=dask, lang=lang,
                         as_json=as_json)
    if not articles and not result.errors:
        cache.prune()
    for warning in result.warnings:
        err.print(f"[yellow]warning[/yellow] {escape(_printable(str(warning)))}",
                  highlight=False)
    for error in result.errors:
        err.print(f"[red]error[/red] {escape(_printable(str(error)))}", highlight=False)
    if as_json and not result.errors:  # a partial list on stdout would read as the whole
        sys.stdout.write(json_list(result.json_texts) + "\n")
    elif not as_json:
        from .pipeline.writing import write_timelines

        for name, report in write_timelines(result, content, whole=not articles or bool(whole)):
            _print_report(name, report)
        out.print(
            f"{result.articles} articles read ({result.cached} unchanged, from the cache), "
            f"{len(result.errors)} skipped",
            highlight=False,
        )
        _print_left_out(result.left_out)
    if result.errors:
        raise typer.Exit(1)


def _print_left_out(left_out: dict[Path, tuple[dict[str, int], int]]) -> None:
    """The paragraphs ``extract`` left out as page furniture, by kind, and each article that
    lost more paragraphs than it kept (its text may be news the rules took for furniture)."""
    from .sources.furniture import summary

    if not left_out:
        return
    totals: dict[str, int] = {}
    for counts, _ in left_out.values():
        for kind, n in counts.items():
            totals[kind] = totals.get(kind, 0) + n
    out.print(f"page furniture left out: {_count(sum(totals.values()), 'paragraph')} of "
              f"{_count(len(left_out), 'article')} ({escape(summary(totals))})", highlight=False)
    for path, (counts, news) in sorted(left_out.items()):
        if sum(counts.values()) > news:
            out.print(f"  {escape(str(path))}: {sum(counts.values())} paragraphs left out, "
                      f"{news} kept ({escape(summary(counts))}): check it", highlight=False)


def _extract_content(given: Path | None, reads_only: bool) -> Path:
    """The content folder; ``--json`` of named articles writes nothing and runs anywhere."""
    from .project import content_folder

    try:
        return content_folder(given)
    except InputError:
        if reads_only:
            return Path("content")
        raise


def _print_report(name: str, report: "Report") -> None:
    """What ``extract`` did to one timeline: counts, then each file kept or not re-created."""
    out.print(
        f"[bold]{escape(name)}[/bold]: {len(report.added)} added, "
        f"{len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.kept)} kept (edited by hand), "
        f"{len(report.skipped)} skipped (deleted by hand), {len(report.removed)} removed",
        highlight=False,
    )
    for path in report.kept:
        changed = (" (its sentence in the article changed since the last extract: "
                   "compare them)"
                   if path in report.source_changed else "")
        out.print(f"  kept, edited by hand: {escape(str(path))}{changed}",
                  highlight=False)
    for path in report.skipped:
        out.print(f"  not re-created, deleted by hand: {escape(str(path))}",
                  highlight=False)
    if report.folder_removed:
        out.print("  no articles and no entries left: its folder removed", highlight=False)


@app.command("add")
def add_command(
    source: Annotated[str, typer.Argument(help="An article file (text, Markdown, HTML) or URL.")],
    title: Annotated[str | None, typer.Option(help="The article's title.")] = None,
    dct: Annotated[str | None, typer.Option("--dct", help="Publication date YYYY-MM-DD.")] = None,
    url: Annotated[str | None, typer.Option(help="The article's address.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Publisher or agency.")] = None,
    timeline: Annotated[str | None, typer.Option(help="The timeline it belongs to.")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="The article's language (default: detected from its text).")] = None,
    force: Annotated[bool, typer.Option(help="Replace an article of the same name.")] = False,
    content: ContentOption = None,
) -> None:
    """Copy an article into content/articles/<timeline>/ with its metadata filled in."""
    from .project import content_folder
    from .sources.add import Metadata, add_article

    content = content_folder(content)
    given = Metadata(title=title, dct=_parse_dct(dct), url=url, outlet=outlet, timeline=timeline,
                     lang=lang)
    added = add_article(source, content, given, force=force)
    named = (" (named after the article: pass --timeline to put it in another)"
             if added.named_after_article else "")
    out.print(f"added {escape(str(added.path))} to the timeline "
              f"'{escape(added.timeline)}'{named}", highlight=False)
    if added.not_kept:
        out.print(f"  {_count(added.not_kept, 'block')} of the page not kept (its headline "
                  "repeated, a byline, promotions)", highlight=False)
    _print_furniture_of(added.path)


def _print_furniture_of(path: Path) -> None:
    """What of an added article ``extract`` will leave out as page furniture, so that an
    editor sees it before any entry is written (the file keeps every line)."""
    from .events import segment
    from .sources.articles import read_article
    from .sources.furniture import summary

    article = read_article(path)
    counts = segment.left_out(segment.paragraphs(article.body, article.title, article.lang))
    if counts:
        out.print(f"  {_count(sum(counts.values()), 'paragraph')} of it left out as page "
                  f"furniture when read ({escape(summary(counts))})", highlight=False)


@app.command("check")
def check_command(
    timelines: Annotated[
        list[str] | None,
        typer.Argument(help="Only these timelines (their folder names; default: all)."),
    ] = None,
    content: ContentOption = None,
) -> None:
    """Lint the timeline entries: bad dates, missing sources, duplicates, date conflicts."""
    from .project import content_folder
    from .timeline.check import check_folder

    content = content_folder(content)
    if not content.is_dir():
        err.print(f"[red]error[/red] {escape(str(content))}: no such content folder "
                  "(pass --content)", highlight=False)
        raise typer.Exit(1)
    problems = check_folder(content / "timeline", timelines)
    for problem in problems:
        out.print(_printable(str(problem)), highlight=False, markup=False)
    out.print(_count(len(problems), "problem"), highlight=False)
    if problems:
        raise typer.Exit(1)


@app.command("timeml")
def timeml_command(
    in_dir: Annotated[Path, typer.Argument(help="Folder of TimeML .tml documents.")],
    out_dir: Annotated[Path, typer.Argument(help="Where the annotated documents are written.")],
) -> None:
    """Annotate TimeML documents with our TIMEX3 (TempEval-3 task A+B)."""
    from .temporal.timeml import annotate_dir

    count = annotate_dir(in_dir, out_dir)
    out.print(f"{count} documents annotated into {escape(str(out_dir))}", highlight=False)


@app.command("build")
def build_command(
    settings: Annotated[
        Path | None,
        typer.Option("--settings", "-s", help="Pelican settings file (default: the project's)."),
    ] = None,
    content: ContentOption = None,
    output: Annotated[
        Path | None, typer.Option(help="Where the site is written (default: the project's).")
    ] = None,
) -> None:
    """Render the timelines into a static site with Pelican."""
    from .project import SETTINGS, project_paths
    from .site.build import build_site

    settings, content, output = project_paths(settings, SETTINGS, content, output)
    if not settings.is_file():
        raise InputError(settings, "no such settings file")
    warnings: list[str] = []
    errors = build_site(settings, content, output, warnings)
    for message in warnings:
        err.print(f"[yellow]warning[/yellow] {escape(_printable(message))}", highlight=False)
    for message in errors:
        err.print(f"[red]error[/red] {escape(_printable(message))}", highlight=False)
    if errors:
        err.print(f"build failed: {_count(len(errors), 'error')}; {escape(str(output))} left "
                  "as it was",
                  highlight=False)
        raise typer.Exit(1)
    out.print(f"site built into {escape(str(output))}", highlight=False)


register_site_commands(app)


DEBUG_VARIABLE = "TIMELINE_DEBUG"


def main() -> None:
    """Entry point: user errors become one clear line and exit status 1, never a traceback.

    Anything unexpected (a bug) is one "internal error" line and exit status 2; the
    traceback is printed only with ``TIMELINE_DEBUG=1`` in the environment.
    """
    startup_cache.warm()
    try:
        app()
    except InputError as error:
        err.print(f"[red]error[/red] {escape(_printable(str(error)))}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted", highlight=False)
        sys.exit(130)
    except BrokenPipeError:
        # The reader of our output went away (`timeline extract --json | head`): not an error.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stops the flush at exit failing
        sys.exit(0)
    except Exception as error:
        if os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
            import traceback

            traceback.print_exc()
        message = " ".join(f"{type(error).__name__}: {error}".split())[:300]
        err.print(f"[red]internal error[/red] {escape(_printable(message))} (please report it; "
                  f"{DEBUG_VARIABLE}=1 shows the details)", highlight=False)
        sys.exit(2)
    finally:
        startup_cache.save()


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """No terminal control codes from a file name or a pasted value reach the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
