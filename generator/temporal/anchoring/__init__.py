"""The anchoring layer: which year, which week, which day an underspecified expression is of,
and from which anchor (the DCT, the date the narrative has reached, a key-dates label, a
history told from an old date). Rules ask it; they do not decide it themselves."""

from .clause import (
    FUTURE_PENALTY,
    PAST_PENALTY,
    TENSE_PENALTY,
    ahead_of,
    deadline_tense,
    past_before,
    sure_future,
)
from .days import (
    anchor_date,
    clock_day,
    in_anchor_paragraph,
    ordinal_date,
    pointed_at,
    quoted_day,
    said_on_day,
    weekday_date,
)
from .narrative import follow
from .years import label_date, pick_year, story_year

__all__ = [
    "FUTURE_PENALTY",
    "PAST_PENALTY",
    "TENSE_PENALTY",
    "ahead_of",
    "anchor_date",
    "clock_day",
    "deadline_tense",
    "follow",
    "in_anchor_paragraph",
    "label_date",
    "ordinal_date",
    "past_before",
    "pick_year",
    "pointed_at",
    "quoted_day",
    "said_on_day",
    "story_year",
    "sure_future",
    "weekday_date",
]
