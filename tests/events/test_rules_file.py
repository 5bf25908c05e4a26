"""data/events.yaml is read strictly (generator/events/rules_file.py): a key no reader reads
is an error naming the file and its section."""

import copy

import pytest

from generator.events.rules_file import checked, events_rules
from generator.ruledata import RuleDataError


def test_the_shipped_file_holds_only_known_keys():
    assert "headline" in events_rules()


@pytest.mark.parametrize(("path", "where"), [
    ((), "events.yaml: top level"),
    (("headline",), "events.yaml: headline"),
    (("headline", "words"), "events.yaml: headline.words"),
    (("record_since", "superlative"), "events.yaml: record_since.superlative"),
])
def test_an_unknown_key_names_the_file_and_section(path, where):
    data = copy.deepcopy(events_rules())
    section = data
    for part in path:
        section = section[part]
    section["determinrs"] = ["the"]
    with pytest.raises(RuleDataError, match=rf"^{where}: unknown key\(s\) 'determinrs'"):
        checked(data, "events.yaml")
