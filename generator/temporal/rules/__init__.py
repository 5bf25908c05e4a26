"""The rules, one module per TIMEX family, as HeidelTime keeps its date, time,
duration and set rules apart. Importing the package registers every rule and gate by the
name patterns.yaml gives it (``RULES``, ``GATES``)."""

from . import dates, deictic, durations, holidays, periods, relative, sets, times, weekdays
from .registry import GATES, RULES, Rule, gate, rule

__all__ = [
    "GATES",
    "RULES",
    "Rule",
    "dates",
    "deictic",
    "durations",
    "gate",
    "holidays",
    "periods",
    "relative",
    "rule",
    "sets",
    "times",
    "weekdays",
]
