"""Every rule data file (``generator/<stage>/data/*.yaml``) is read here, strictly, once.

Rules live in YAML apart from the engine code, as HeidelTime keeps ``resources/`` apart from
its engine. A typo in a data file must fail loudly, not drop a rule silently: a duplicate key
or a key the reader does not know is an error naming the file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import MISSING, Field, fields
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_origin, get_type_hints

from . import parsed_cache

PACKAGE = Path(__file__).resolve().parent


class RuleDataError(ValueError):
    """A rule data file that is not what its reader expects (a bug in the data, not input)."""


@cache
def _strict_loader() -> type:
    """A safe YAML loader that refuses duplicate mapping keys (a silent overwrite hides a
    bug). libyaml's parser where PyYAML has it: the same documents and marks, 8x faster on
    our data files (0.2 s -> 0.03 s of every command's start-up); the pure-Python one
    otherwise. Made on first use: with every rule file in the parsed cache
    (parsed_cache.py) a command does not import PyYAML at all."""
    import yaml

    def construct_mapping(loader, node: yaml.MappingNode, deep: bool = False):
        keys: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in keys:
                raise RuleDataError(f"{node.start_mark.name}:{key_node.start_mark.line + 1}: "
                                    f"duplicate key {key!r}")
            keys.add(key)
        return loader.construct_mapping(node, deep=deep)

    loader = type("_StrictLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return loader


def load_yaml(path: Path) -> Any:
    """One data file, read with duplicate-key checking (errors name the file and line)."""
    import yaml

    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_strict_loader())  # noqa: S506 - a SafeLoader subclass


@cache
def rule_data(stage: str, name: str) -> Any:
    """The parsed ``generator/<stage>/data/<name>`` (shared: callers must not modify it)."""
    return parsed_cache.load(PACKAGE / stage / "data" / name, "yaml", load_yaml)


def expect_keys(mapping: dict[str, Any], known: Iterable[str], where: str) -> None:
    """Refuse a key no reader reads: ``where`` names the file (and section) for the error.

    A misspelt ``abreviations:`` would otherwise be skipped and its words never used.
    """
    unknown = sorted(set(mapping) - set(known))
    if unknown:
        raise RuleDataError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}")


_Settings = TypeVar("_Settings")


def settings(cls: type[_Settings], data: Mapping[str, Any], **given: Any) -> _Settings:
    """A stage's settings (``cls``, a dataclass) with each field not ``given`` read from the
    key of its name in ``data``, as the field's type says: ``window: 12`` -> ``int``,
    ``stopwords: [a, the]`` -> ``frozenset``. One reading for every stage's numbers and
    word lists; a missing key is a KeyError, as reading it by hand would be, unless the
    field has a default."""
    hints = get_type_hints(cls)
    values = dict(given)
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in values or f.name not in data and _has_default(f):
            continue
        kind = hints[f.name]
        values[f.name] = (get_origin(kind) or kind)(data[f.name])
    return cls(**values)


def _has_default(f: Field) -> bool:
    return f.default is not MISSING or f.default_factory is not MISSING
