"""Where the project is: the nearest folder, from the working folder up, with ``pelicanconf.py``.

Every command finds its ``content/``, ``output/`` and settings there, so it works the same
from any subfolder (``content/articles/``) and refuses to run outside a project instead of
creating a new ``content/`` wherever it stands. An explicit ``--content`` or ``--settings``
wins over the search.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError

SETTINGS = "pelicanconf.py"


def find_root(start: Path | None = None) -> Path:
    """The project folder holding ``start`` (default: the working folder).

    >>> find_root(Path("/work/project/content/articles"))  # doctest: +SKIP
    PosixPath('/work/project')
    """
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if (folder / SETTINGS).is_file():
            return folder
    raise InputError(here, f"not inside a timeline project: no {SETTINGS} here or in any "
                     "folder above it; run the command in the project folder (or a folder "
                     "in it), or pass --content")


def content_folder(given: Path | None) -> Path:
    """``--content`` as given, else the project's ``content/``."""
    return given if given is not None else find_root() / "content"


def project_paths(settings: Path | None, default: str, content: Path | None,
                  output: Path | None = None) -> tuple[Path, Path, Path]:
    """(settings file, content folder, output folder) of a site command: each as given,
    else from the project; a given settings file names the project (``-s ../publishconf.py``
    from ``content/`` builds ``../content``)."""
    root = settings.parent if settings is not None else find_root()
    return (settings if settings is not None else root / default,
            content if content is not None else root / "content",
            output if output is not None else root / "output")
