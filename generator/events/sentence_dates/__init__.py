"""Which dates a sentence tells: its date mentions, one group per date, less the dates that
are no happening of their own.

Two phrases of one date join ("last Thursday (November 18)", "Two days later, on Sept.
20"), and so do the two ends of a range ("Nov. 15-18", one mention valued
``2023-11-15/2023-11-18``). Left out: the day something was said beside the day of what was
said ("drones struck overnight, officials said on Wednesday"), the year a record is measured
from ("the worst flooding since 1957") or a comparison against ("halved compared with last
year", "at last year's levels"), a count that reaches a day the sentence writes out
("Six weeks later, ... signed a truce on Nov. 10") and a question's dates ("Did the envoy
meet the rebels on Saturday?", "'Where were you on Monday?' the judge asked."). Added: the
clause a length is counted back to ("left on May 19, two days after Parliament voted ...":
the vote, May 17).
The words these rules read are in data/events.yaml (``range``, ``reporting_date_verbs``,
``record_since``, ``comparison``, ``questions``): ``rules`` reads them, ``groups`` joins
the phrases of one date, ``dropped`` leaves out the dates of no happening, ``added`` dates
what a sentence counts to.
"""

from .added import ENDS_IN_COUNT, counted_clauses, reported_today, spans_to_a_date
from .dropped import told
from .groups import explicit, group

__all__ = ["ENDS_IN_COUNT", "counted_clauses", "explicit", "group",
           "reported_today", "spans_to_a_date", "told"]
