"""From an article to its events: each dated happening with its date, sentence and source.

Data flows one way: ``Article`` -> dated mentions (``temporal.annotate``) -> the dates
each sentence tells (``sentence_dates``) -> ``Event``.
An ``Event``'s JSON form (``to_json``) is a public interface, documented in README.md.
"""

from __future__ import annotations

import bisect
import re
import urllib.parse
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import date
from functools import cache, lru_cache

from ..ruledata import settings
from ..sources.articles import Article
from ..sources.language import supported
from ..temporal import Timex, annotate
from ..temporal.values import bounds, precision
from . import happening, segment, sentence_dates
from .headline import first_sentence, write_headline
from .intl.attribution import attribution as intl_attribution
from .intl.headline import headline as intl_headline
from .intl.rules import languages as intl_languages
from .rules_file import events_rules

_OPENING_QUOTE = re.compile(r"^(?:``|[\"“])(.+?)(?:''|[\"”])")


def _stored(cls: type, data: dict, **converted: object) -> dict[str, object]:
    """The fields of dataclass ``cls`` as its ``to_json`` stored them in ``data`` (a field
    with a default may be absent), with ``converted`` ones (dates, tuples) given."""
    stored = {f.name: data[f.name] for f in fields(cls) if f.name not in converted and (
        f.name in data or f.default is MISSING and f.default_factory is MISSING)}
    return stored | converted


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
        return cls(**_stored(cls, data, date=date.fromisoformat(data["date"]),
                             paragraph=int(data["paragraph"])))

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
    lead: bool = False  # told in the article's lead sentence (its main happening)
    lang: str = "en"  # the article's language (ISO 639-1)

    @classmethod
    def from_json(cls, data: dict) -> Event:
        """The inverse of ``to_json`` (plus ``position``, which the cache stores)."""
        return cls(**_stored(
            cls, data,
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            source=Source.from_json(data["source"]),
            flags=tuple(data["flags"]),
            position=int(data.get("position", 0)),
            lead=bool(data.get("lead", False)),
        ))

    def to_json(self) -> dict:
        """The event as JSON; ``lang`` only for an article not in English."""
        data = {
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
            "lead": self.lead,
            "source": self.source.to_json(),
        }
        if self.lang != "en":
            data["lang"] = self.lang
        return data


@dataclass(frozen=True)
class _Rules:
    attribution: re.Pattern[str]
    # a verb or phrase of ``attribution`` anywhere: without one the attribution cannot
    # match, and this plain search is far cheaper than its search at every word
    attribution_cue: re.Pattern[str]
    headline_max: int
    titles: frozenset[str]
    background_days: int
    inferred_day_note: str
    pronoun_said: re.Pattern[str]  # "He said", "She told": a speaker named just before
    pronouns: frozenset[str]  # no speaker's name
    name_joiners: frozenset[str]  # "of", "and" inside a name


@cache
def _rules() -> _Rules:
    data = events_rules()
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
    return settings(
        _Rules, data,
        attribution=attribution,
        attribution_cue=re.compile(f"{verbs}|{phrases}"),
        pronouns=frozenset(data["attribution_pronouns"]),
        pronoun_said=re.compile(
            rf"^(He|She)\s+(?:{'|'.join(map(re.escape, data['pronoun_speaker_verbs']))})\b"),
    )


@dataclass(frozen=True)
class Reading:
    """What reading one article gave: its events, and how many paragraphs of each kind of
    page furniture were left out of them (``segment.left_out``), for the reports."""

    events: list[Event]
    left_out: dict[str, int]
    news: int = 0  # its news paragraphs (body and captions), beside those left out


def extract_events(article: Article, source_path: str) -> list[Event]:
    """Every dated event in ``article``, in article order (none from an article in a
    language the date engine does not read: the pipeline warns about it)."""
    return read_events(article, source_path).events


def read_events(article: Article, source_path: str) -> Reading:
    """``extract_events``, with what was left out as page furniture: its paragraphs make no
    sentence, and the date engine does not read them."""
    if article.lang not in supported() and article.lang != "und":
        return Reading([], {})
    lang = article.lang if article.lang in supported() else "en"
    blocks = segment.paragraphs(article.body, article.title, lang)
    found = annotate(segment.news_text(article.body, blocks), article.dct, lang)
    dated = sorted((t for t in found if bounds(t.value)), key=lambda t: (t.start, t.end))
    lengths = [t for t in found if t.type == "DURATION"]
    dated = sentence_dates.spans_to_a_date(article.body, lengths, dated)
    mentions = sorted(dated + sentence_dates.counted_clauses(article.body, lengths, dated),
                      key=lambda t: (t.start, t.end))
    today = sentence_dates.reported_today(article.body, lengths, article.dct)
    starts = [m.start for m in mentions]
    events: list[Event] = []
    # The speaker named in the sentence before: "He said ..." right after "Borrell told
    # reporters ..." is Borrell (further back, or after an unnamed one, it is left alone).
    speaker: str | None = None
    # The lead: the first sentence of the first prose paragraph, not a line of the page above
    # it ("A Warner Media Company."); of the first body paragraph when none is prose.
    lead: segment.Sentence | None = None
    opening: segment.Sentence | None = None
    for paragraph in blocks:
        if paragraph.kind not in ("body", "caption"):
            continue
        for sentence in segment.sentences(article.body, paragraph):
            if lead is None and segment.is_prose(paragraph):
                lead = sentence
            if opening is None and paragraph.kind == "body":
                opening = sentence
            # Only the mentions that start inside the sentence (found by bisection: an
            # article with thousands of sentences is not read thousands of times).
            first = bisect.bisect_left(starts, sentence.start)
            last = bisect.bisect_right(starts, sentence.end)
            inside = [m for m in mentions[first:last] if m.end <= sentence.end]
            if not inside:  # "157 new cases in the past 24 hours", and no other date
                inside = [m for m in today if sentence.start <= m.start < sentence.end][:1]
            groups = sentence_dates.group(article.body, sentence.start, inside)
            for group in sentence_dates.told(article.body, sentence.start, sentence.end, groups):
                others = [(g[0].start - sentence.start, g[-1].end - sentence.start)
                          for g in groups if g is not group]
                events.append(_event(article, source_path, sentence, group, others, speaker))
            speaker = _attribution(sentence.text, article.lang)[1]
    events = _without_passing(article, [e for e in events if not happening.tells_nothing(e)])
    lead = lead or opening
    if lead is not None and not happening.is_opinion(article.title):
        events = _with_lead(article, source_path, events, lead, _dateline_day(found, lead))
    return Reading(events, segment.left_out(blocks), blocks[-1].number if blocks else 0)


def _dateline_day(found: list[Timex], lead: segment.Sentence) -> date | None:
    """The day the lead's dateline names, as the engine resolved it ("EL CAIRO, 3 Jul.
    (EUROPA PRESS) - ..." -> 3 July of the publication's year): the day of the report,
    which is no happening of the lead sentence (``segment.sentences`` cuts it off)."""
    for mention in found:
        if (lead.paragraph.start <= mention.start and mention.end <= lead.start
                and mention.type == "DATE" and precision(mention.value) == "day"):
            return date.fromisoformat(mention.value[:10])
    return None


def _without_passing(article: Article, events: list[Event]) -> list[Event]:
    """A date that only names an earlier happening ("arrested in connection with the
    bombings ... last year", ``happening.told_in_passing``) dates no entry: when its
    sentence has a date of its own, that one tells the happening and the passing one goes;
    when not, the sentence's happening is dated by the publication day (once a sentence),
    flagged "reported" with a note to check."""
    told = {(e.source.paragraph, e.sentence) for e in events if not happening.told_in_passing(e)}
    kept: list[Event] = []
    redated: set[tuple[int, str]] = set()
    for event in events:
        place = (event.source.paragraph, event.sentence)
        if not happening.told_in_passing(event):
            kept.append(event)
        elif place not in told and place not in redated:
            redated.add(place)
            kept.append(_dated_by_publication(article, event))
    return kept


def _dated_by_publication(article: Article, event: Event) -> Event:
    dct = article.dct
    flags = [f for f in event.flags if f not in ("background", "planned", "date-conflict")]
    return replace(
        event, value=dct.isoformat(), type="DATE", precision="day", start=dct, end=dct,
        phrase="", mod=None, flags=tuple(dict.fromkeys([*flags, "reported"])),
        headline=(_headline(event.sentence, "", event.attribution) if event.lang == "en"
                  else intl_headline(event.sentence, "", event.lang)),
        note=happening.rules().lead_note)


def _with_lead(
    article: Article, path: str, events: list[Event], lead: segment.Sentence,
    dateline: date | None = None,
) -> list[Event]:
    """Mark the events of the article's lead sentence; a lead with no date of its own is an
    event dated by its dateline's day, else the publication day (news convention), flagged
    "reported" with a note to check. An opinion piece has no lead happening
    (``happening.is_opinion``)."""
    own = [i for i, e in enumerate(events)
           if lead.start <= e.position < lead.end and e.sentence == lead.text]
    for i in own:
        events[i] = replace(events[i], lead=True)
    if own:
        return events
    if "?" in lead.text:  # a question asserts nothing ("Why now?" the diplomat asked.)
        return events
    if len(lead.text.split()) < happening.rules().lead_min_words:
        return events
    attribution = _attribution(lead.text, article.lang)[1]
    day = dateline or article.dct
    event = Event(
        value=day.isoformat(), type="DATE", precision="day", start=day, end=day, phrase="",
        sentence=lead.text,
        headline=(_headline(lead.text, "", attribution) if article.lang in ("en", "und")
                  else intl_headline(lead.text, "", article.lang)),
        source=Source(title=article.title, url=_sentence_link(article.url, lead.text),
                      outlet=article.outlet, date=article.dct, path=path,
                      paragraph=lead.paragraph.number),
        timeline=article.timeline, flags=("reported",), attribution=attribution,
        note=happening.rules().lead_note, position=lead.start, lead=True,
        lang=article.lang if article.lang in supported() else "en",
    )
    if happening.tells_nothing(event):
        return events
    before = [e for e in events if e.position < lead.start]
    return [*before, event, *events[len(before):]]


def _event(
    article: Article,
    path: str,
    sentence: segment.Sentence,
    group: list[Timex],
    others: list[tuple[int, int]] = (),
    speaker_before: str | None = None,
) -> Event:
    """One event from one date (``group``: its mentions) of ``sentence``; ``others``: where
    the sentence's other dates are, relative to it; ``speaker_before``: who was named
    speaking just before (the "He" of "He said ...")."""
    group = _time_on_its_day(group)
    main = sentence_dates.explicit(group)
    start, end = bounds(main.value)  # type: ignore[misc]
    phrase_end = group[-1].end
    opened = "(" in article.body[group[0].end : group[-1].start]
    if opened and article.body[phrase_end : phrase_end + 1] == ")":
        phrase_end += 1
    phrase = " ".join(article.body[group[0].start : phrase_end].split())
    flags = []
    if sentence.paragraph.kind == "caption":
        flags.append("caption")
    reported, attribution = _attribution(sentence.text, article.lang)
    text = sentence.text
    pronoun = _rules().pronoun_said.match(text)
    if reported and attribution is None and pronoun and speaker_before:
        attribution = speaker_before
        text = speaker_before + text[pronoun.end(1) :]
        shift = len(speaker_before) - pronoun.end(1)
        others = [(a + shift, b + shift) for a, b in others]
    if reported:
        flags.append("reported")
    if start > article.dct:
        flags.append("planned")
    elif (article.dct - end).days > _rules().background_days:
        flags.append("background")
    notes = [m.note for m in group if m.note]
    if notes or _disagree(group):
        flags.append("date-conflict")
    if main.type == "TIME" and all(_BARE_CLOCK.fullmatch(m.phrase) for m in group):
        # "The quake hit at 4:17 a.m.": the engine took the day from the context
        notes.append(_rules().inferred_day_note)
    return Event(
        value=main.value,
        type=main.type,
        precision=precision(main.value) or "day",
        start=start,
        end=end,
        phrase=phrase,
        sentence=sentence.text,
        headline=(_headline(text, phrase, attribution, "background" in flags, others,
                            article.body[: sentence.start])
                  if article.lang in ("en", "und") else intl_headline(text, phrase, article.lang)),
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
        lang=article.lang if article.lang in supported() else "en",
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


# Words right before a name that make it the place or body of an unnamed speaker.
_OWNED = re.compile(r"(?:['’]s|\b(?:at|of|from|with|for))\s+$")


def _attribution(sentence: str, lang: str = "en") -> tuple[bool, str | None]:
    """Whether the sentence is reported speech, and the named source when there is one
    (by ``intl.attribution``'s verb lists in an article not in English)."""
    if lang in intl_languages():
        return intl_attribution(sentence, lang)
    return _english_attribution(sentence)


@lru_cache(maxsize=1 << 12)  # read for a sentence's events, then again as the next's speaker
def _english_attribution(sentence: str) -> tuple[bool, str | None]:
    if not _rules().attribution_cue.search(sentence):
        return False, None
    match = _rules().attribution.search(sentence)
    if not match:
        return False, None
    who = match.group("a") or match.group("b") or match.group("c")
    words = who.split()
    if words[-1].endswith(".") and "." not in words[-1][:-1] and len(words[-1]) > 3:
        # '..., said Florida International's Fernandez.': the sentence's full stop, not an
        # abbreviation ("Jr.", "U.S.", "Gen.")
        words[-1] = words[-1][:-1]
    while len(words) > 1 and (words[0] in _rules().titles or words[0] in _rules().name_joiners):
        # "Secretary of State Antony Blinken", "State Health Officer Dr. Kathy Lofy": the
        # titles before the name are no part of it (a title word later is a name: "King")
        words.pop(0)
    named = words[0][0].isupper() and words[0] not in _rules().titles
    named = named and who.lower() not in _rules().pronouns
    if match.group("a") and _OWNED.search(sentence, 0, match.start("a")):
        named = False  # "a doctor at El-Fasher's South Hospital told AFP": not the hospital
    return True, " ".join(words) if named else None


def _headline(
    sentence: str,
    phrase: str,
    speaker: str | None,
    history: bool = False,
    others: list[tuple[int, int]] = (),
    context: str = "",
) -> str:
    limit = _rules().headline_max
    quote = _OPENING_QUOTE.match(sentence)
    if quote and speaker:
        # '"We don't know ...," Blinken said Saturday.' -> 'Antony Blinken: "We don't know ..."'
        first = first_sentence(quote.group(1).strip()).rstrip(",. ")
        return write_headline(f'{speaker}: "{first}"', 0, 0, limit)
    start = sentence.find(phrase)
    if start < 0:
        start = len(sentence)
    return write_headline(sentence, start, start + len(phrase), limit, history, others, context)


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
