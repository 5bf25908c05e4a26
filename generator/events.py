"""From an article to its events: each dated happening with its date, sentence and source.

Data flows one way: ``Article`` -> dated mentions (``temporal.annotate``) -> ``Event``.
An ``Event``'s JSON form (``to_json``) is a public interface, documented in README.md.
"""

from __future__ import annotations

import bisect
import re
import urllib.parse
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from . import segment
from .articles import Article
from .headline import write_headline
from .ruledata import rule_data
from .temporal import Timex, annotate
from .temporal.values import bounds, precision

# Two mentions of one date are one phrase when only brackets, commas or spaces part them:
# "last Thursday (November 18)".
# What may stand between two phrases of one date: brackets, commas, dashes, and one short
# aside such as a time-zone conversion ("10:35 a.m. (0735 GMT) Friday").
_APPOSITION_GAP = re.compile(r"[\s(),\[\]—–-]*(?:\([^()\n]{1,20}\)[\s,—–-]*)?")


_OPENING_QUOTE = re.compile(r"^(?:``|[\"“])(.+?)(?:''|[\"”])")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


@dataclass(frozen=True, slots=True)
class Source:
    """Where an event was read: the article and the paragraph that holds the sentence."""

    title: str
    url: str | None
    outlet: str | None
    date: date
    path: str
    paragraph: int

    @classmethod
    def from_json(cls, data: dict) -> Source:
        return cls(
            title=data["title"],
            url=data["url"],
            outlet=data["outlet"],
            date=date.fromisoformat(data["date"]),
            path=data["path"],
            paragraph=int(data["paragraph"]),
        )

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "date": self.date.isoformat(),
            "path": self.path,
            "paragraph": self.paragraph,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One dated happening read from one sentence of one article."""

    value: str
    type: str
    precision: str
    start: date
    end: date
    phrase: str
    sentence: str
    headline: str
    source: Source
    timeline: str
    mod: str | None = None
    flags: tuple[str, ...] = ()
    attribution: str | None = None
    note: str = ""
    position: int = field(default=0, compare=False)  # character offset in the article

    @classmethod
    def from_json(cls, data: dict) -> Event:
        """The inverse of ``to_json`` (plus ``position``, which the cache stores)."""
        return cls(
            value=data["value"],
            type=data["type"],
            precision=data["precision"],
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            phrase=data["phrase"],
            sentence=data["sentence"],
            headline=data["headline"],
            source=Source.from_json(data["source"]),
            timeline=data["timeline"],
            mod=data["mod"],
            flags=tuple(data["flags"]),
            attribution=data["attribution"],
            note=data["note"],
            position=int(data.get("position", 0)),
        )

    def to_json(self) -> dict:
        return {
            "value": self.value,
            "type": self.type,
            "precision": self.precision,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "mod": self.mod,
            "phrase": self.phrase,
            "sentence": self.sentence,
            "headline": self.headline,
            "attribution": self.attribution,
            "flags": list(self.flags),
            "note": self.note,
            "timeline": self.timeline,
            "source": self.source.to_json(),
        }


@dataclass(frozen=True)
class _Rules:
    attribution: re.Pattern[str]
    headline_max: int
    titles: frozenset[str]
    background_days: int
    reporting_dates: frozenset[str]
    record_words: frozenset[str]
    record_window: int
    range_dashes: frozenset[str]
    range_openers: dict[str, frozenset[str]]
    change_verbs: frozenset[str]


@cache
def _rules() -> _Rules:
    data = rule_data("events.yaml")
    verbs = "|".join(map(re.escape, data["attribution_verbs"]))
    phrases = "|".join(map(re.escape, data["attribution_phrases"]))
    # "Dmitry Peskov", "the Immigration and Naturalization Service", "Ministry of Defence"
    name = r"[A-Z][\w.'’-]*(?:\s+(?:(?:of|and|for)\s+(?:the\s+)?)?[A-Z][\w.'’-]*){0,5}"
    # "Borrell said", "said Borrell", "according to AFP", "witnesses said".
    attribution = re.compile(
        rf"(?P<a>{name}|[a-z]+)\s+(?:{verbs})\b"
        rf"|\b(?:{verbs})\s+(?P<b>{name})"
        rf"|\b(?:{phrases})\s+(?P<c>{name}|[a-z]+)"
    )
    return _Rules(
        attribution=attribution,
        headline_max=int(data["headline_max"]),
        titles=frozenset(data["titles"]),
        background_days=int(data["background_days"]),
        reporting_dates=frozenset(data["reporting_date_verbs"]),
        record_words=frozenset(data["record_since"]["words"]),
        record_window=int(data["record_since"]["window"]),
        range_dashes=frozenset(data["range"]["dashes"]),
        range_openers={k: frozenset(v) for k, v in data["range"]["openers"].items()},
        change_verbs=frozenset(data["range"]["change_verbs"]),
    )


def extract_events(article: Article, source_path: str) -> list[Event]:
    """Every dated event in ``article``, in article order."""
    mentions = sorted(
        (t for t in annotate(article.body, article.dct) if bounds(t.value)),
        key=lambda t: (t.start, t.end),
    )
    starts = [m.start for m in mentions]
    events: list[Event] = []
    for paragraph in segment.paragraphs(article.body, article.title):
        if paragraph.kind not in ("body", "caption"):
            continue
        for sentence in segment.sentences(article.body, paragraph):
            # Only the mentions that start inside the sentence (found by bisection: an
            # article with thousands of sentences is not read thousands of times).
            first = bisect.bisect_left(starts, sentence.start)
            last = bisect.bisect_right(starts, sentence.end)
            inside = [m for m in mentions[first:last] if m.end <= sentence.end]
            groups = _group_mentions(article.body, inside, sentence.start)
            saying = [_reporting_date(article.body, sentence.start, sentence.end, g)
                      for g in groups]
            for group, said in zip(groups, saying, strict=True):
                if said and _says_what_happened(article.body, group, groups, saying):
                    continue  # the day it was said, beside the day of what was said
                if _record_since(article.body, sentence.start, group):
                    continue
                others = [(g[0].start - sentence.start, g[-1].end - sentence.start)
                          for g in groups if g is not group]
                events.append(_event(article, source_path, sentence, group, others))
    return events


def _group_mentions(body: str, mentions: list[Timex], sentence_start: int = 0
                    ) -> list[list[Timex]]:
    """One group per distinct date in a sentence; appositive repeats join their phrase, and
    the two ends of a range become one mention of the range."""
    groups: list[list[Timex]] = []
    for mention in mentions:
        previous = groups[-1][-1] if groups else None
        if previous and len(groups[-1]) == 1 and _is_range(body, previous, mention,
                                                           sentence_start):
            groups[-1] = [_range_mention(body, previous, mention)]
            continue
        if previous and _APPOSITION_GAP.fullmatch(body[previous.end : mention.start]):
            groups[-1].append(mention)
            continue
        same = next((g for g in groups if g[0].value == mention.value), None)
        if same is None:
            groups.append([mention])
    return groups


_WORD = re.compile(r"[A-Za-z]+")


def _reporting_date(body: str, sentence_start: int, sentence_end: int,
                    group: list[Timex]) -> bool:
    """Is the date the day something was said ("officials said on Wednesday", "told reporters
    Wednesday", "on Wednesday said")?"""
    verbs = _rules().reporting_dates
    before = [w.lower() for w in _WORD.findall(body[sentence_start : group[0].start])[-3:]]
    if before[-1:] == ["on"]:
        before.pop()
    after = _WORD.findall(body[group[-1].end : sentence_end])[:1]
    return bool(
        before[-1:] and before[-1] in verbs
        or before[-2:-1] == ["told"]
        or after and after[0].lower() in verbs and not body[group[-1].end:].startswith(",")
    )


def _says_what_happened(body: str, said: list[Timex], groups: list[list[Timex]],
                        saying: list[bool]) -> bool:
    """Does another date of the sentence date what was said, a day or days before it was
    said ("arrived over the weekend, officials said Monday")? Not a coarser date, nor a later
    one: in "arrested in connection with the bombings last year, police said today" or
    "officials said Monday they will order ..." the saying is the news."""
    day = bounds(_explicit(said).value)
    if day is None:
        return False
    for group, other_said in zip(groups, saying, strict=True):
        span = bounds(_explicit(group).value)
        if other_said or span is None or precision(_explicit(group).value) not in _FINE:
            continue
        if _ATTRIBUTIVE_AFTER.match(body, group[-1].end) or _ATTRIBUTIVE_BEFORE.search(
                body, max(0, group[0].start - 5), group[0].start):
            continue  # "in probing last Friday's bombings", "the Aug. 7 bombing": a noun's date
        if 0 <= (day[0] - span[1]).days <= _REPORTED_WITHIN_DAYS:
            return True
    return False


_ATTRIBUTIVE_AFTER = re.compile(r"['’]s\b")
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|an?)\s+$", re.IGNORECASE)
# A report dates what it tells when it tells it within this many days.
_REPORTED_WITHIN_DAYS = 7
_FINE = ("day", "time", "weekend")


def _record_since(body: str, sentence_start: int, group: list[Timex]) -> bool:
    """Is the date the one a record is measured from ("the worst flooding since 1957")? Its
    sentence then tells what happened now, not then."""
    rules = _rules()
    before = _WORD.findall(body[sentence_start : group[0].start])
    if not before or before[-1].lower() != "since":
        return False
    if re.match(r"\s*,?\s*when\b", body[group[-1].end :]):
        return False  # "since early December, when Castro promised ...": that is an event
    window = before[-1 - rules.record_window : -1]
    return any(word.lower() in rules.record_words for word in window)


def _is_range(body: str, first: Timex, last: Timex, sentence_start: int) -> bool:
    """Are two adjacent dates the ends of one range ("Nov. 15-18", "from 20 to 22 March",
    "between March and May"), not two dates or a date that moved ("postponed from Monday
    to Thursday")? Rule words are in events.yaml."""
    kind = precision(first.value)
    a, b = bounds(first.value), bounds(last.value)
    if kind not in ("day", "month", "year") or kind != precision(last.value) or not a or not b:
        return False
    if a[0] >= b[0]:
        return False
    rules = _rules()
    gap = body[first.end : last.start].strip()
    if gap in rules.range_dashes:
        return True
    before = _WORD.findall(body[sentence_start : first.start])
    opener = before[-1].lower() if before else ""
    if gap.lower() not in rules.range_openers.get(opener, ()):
        return False
    return not any(word.lower() in rules.change_verbs for word in before)


def _range_mention(body: str, first: Timex, last: Timex) -> Timex:
    """One mention for a range: its phrase from the first end to the last, its value the
    ISO 8601 interval of the two (``temporal.values.interval``)."""
    return Timex(first.start, last.end, body[first.start : last.end], "DATE",
                 f"{first.value}/{last.value}", None, first.note or last.note)


def _event(
    article: Article,
    path: str,
    sentence: segment.Sentence,
    group: list[Timex],
    others: list[tuple[int, int]] = (),
) -> Event:
    """One event from one date (``group``: its mentions) of ``sentence``; ``others``: where
    the sentence's other dates are, relative to it."""
    group = _time_on_its_day(group)
    main = _explicit(group)
    start, end = bounds(main.value)  # type: ignore[misc]
    phrase_end = group[-1].end
    opened = "(" in article.body[group[0].end : group[-1].start]
    if opened and article.body[phrase_end : phrase_end + 1] == ")":
        phrase_end += 1
    phrase = " ".join(article.body[group[0].start : phrase_end].split())
    flags = []
    if sentence.paragraph.kind == "caption":
        flags.append("caption")
    reported, attribution = _attribution(sentence.text)
    if reported:
        flags.append("reported")
    if start > article.dct:
        flags.append("planned")
    elif (article.dct - end).days > _rules().background_days:
        flags.append("background")
    notes = [m.note for m in group if m.note]
    if notes or _disagree(group):
        flags.append("date-conflict")
    return Event(
        value=main.value,
        type=main.type,
        precision=precision(main.value) or "day",
        start=start,
        end=end,
        phrase=phrase,
        sentence=sentence.text,
        headline=_headline(sentence.text, phrase, attribution, "background" in flags, others),
        source=Source(
            title=article.title,
            url=_sentence_link(article.url, sentence.text),
            outlet=article.outlet,
            date=article.dct,
            path=path,
            paragraph=sentence.paragraph.number,
        ),
        timeline=article.timeline,
        mod=main.mod,
        flags=tuple(flags),
        attribution=attribution,
        note="; ".join(notes),
        position=group[0].start,
    )


def _time_on_its_day(group: list[Timex]) -> list[Timex]:
    """A clock time next to the day it happened ("10:35 a.m. (0735 GMT) Friday") is on that
    day: the engine, reading the time alone, put it on the publication day."""
    days = {m.value for m in group if precision(m.value) == "day"}
    if len(days) != 1:
        return group
    day = days.pop()
    return [
        replace(m, value=day + m.value[10:])
        if precision(m.value) == "time" and _BARE_CLOCK.fullmatch(m.phrase)
        else m
        for m in group
    ]


# A clock time with no day of its own ("about 10:35 a.m.", "noon"); "10 a.m. Tuesday" has one.
_BARE_CLOCK = re.compile(
    r"(?i)(?:(?:about|around|approximately|at)\s+)?"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midnight)"
    r"(?:\s+(?:[A-Z]{2,4}T|local\s+time))?"
)


def _disagree(group: list[Timex]) -> bool:
    """Do two phrases of one date name periods that do not overlap? "10:35 a.m. Friday" and
    "Friday" agree (the time is inside the day); "Thursday (November 19)" said of the 18th
    does not."""
    spans = [bounds(m.value) for m in group]
    return any(
        a[1] < b[0] or b[1] < a[0] for a in spans if a for b in spans if b
    )


def _explicit(group: list[Timex]) -> Timex:
    """Of a relative phrase and an explicit date beside it, the finer, later-written wins."""
    return max(group, key=lambda m: (len(m.value), group.index(m)))


_NAME_JOINERS = frozenset({"of", "and", "for", "the"})


def _attribution(sentence: str) -> tuple[bool, str | None]:
    """Whether the sentence is reported speech, and the named source when there is one."""
    match = _rules().attribution.search(sentence)
    if not match:
        return False, None
    who = match.group("a") or match.group("b") or match.group("c")
    words = who.split()
    if words[-1].endswith(".") and "." not in words[-1][:-1] and len(words[-1]) > 3:
        # '..., said Florida International's Fernandez.': the sentence's full stop, not an
        # abbreviation ("Jr.", "U.S.", "Gen.")
        words[-1] = words[-1][:-1]
    while len(words) > 1 and (words[0] in _rules().titles or words[0] in _NAME_JOINERS):
        words.pop(0)  # "Secretary of State Antony Blinken": the title is no part of the name
    named = words[0][0].isupper() and words[0] not in _rules().titles
    named = named and who.lower() not in _PRONOUNS
    return True, " ".join(words) if named else None


def _headline(
    sentence: str,
    phrase: str,
    speaker: str | None,
    history: bool = False,
    others: list[tuple[int, int]] = (),
) -> str:
    limit = _rules().headline_max
    quote = _OPENING_QUOTE.match(sentence)
    if quote and speaker:
        # '"We don't know ...," Blinken said Saturday.' -> 'Antony Blinken: "We don't know ..."'
        first = re.split(r"(?<=[.!?])\s+", quote.group(1).strip())[0].rstrip(",. ")
        return write_headline(f'{speaker}: "{first}"', 0, 0, limit)
    start = sentence.find(phrase)
    if start < 0:
        start = len(sentence)
    return write_headline(sentence, start, start + len(phrase), limit, history, others)


def _sentence_link(url: str | None, sentence: str) -> str | None:
    """Link to the sentence itself with a text fragment (``#:~:text=start,end``)."""
    if not url:
        return None
    words = sentence.split()
    if len(words) <= 8:
        fragment = _fragment_text(words)
    else:
        fragment = f"{_fragment_text(words[:4])},{_fragment_text(words[-4:])}"
    return f"{url.split('#', 1)[0]}#:~:text={fragment}"


def _fragment_text(words: list[str]) -> str:
    # Text fragments reserve "-", "," and "&", so they are percent-encoded too.
    return urllib.parse.quote(" ".join(words), safe="").replace("-", "%2D")
