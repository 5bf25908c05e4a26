"""The rule data files in ``generator/data/``, read once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def rule_data(name: str) -> Any:
    """The parsed YAML file ``generator/data/<name>`` (shared: callers must not modify it)."""
    return yaml.safe_load(
        resources.files("generator").joinpath(f"data/{name}").read_text(encoding="utf-8")
    )
