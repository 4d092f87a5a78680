"""A duplicate pair the bureau dismisses: only an open pair can be dismissed, and only once."""
from __future__ import annotations

import pytest

from models.conflicts import DuplicateCandidate, dismiss_duplicate, merge_duplicate, open_duplicates
from models.errors import NotFound
from models.registry import save_person
from tests.sync.helpers import ID, send


def two_stations_register_one_number(network, tmp_path):
    bureau, a, b = network
    with a:
        first, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    with b:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=b.actor)
    send(a, bureau, tmp_path / "1")
    send(b, bureau, tmp_path / "2")
    return bureau, first


def test_the_bureau_dismisses_a_pair_as_two_different_people(network, tmp_path):
    bureau, _ = two_stations_register_one_number(network, tmp_path)
    with bureau:
        [candidate] = open_duplicates()
        dismiss_duplicate(candidate.id, actor=bureau.actor)
        assert open_duplicates() == []
        assert DuplicateCandidate.get_by_id(candidate.id).resolved_by == bureau.actor.username


def test_a_pair_that_does_not_exist_or_is_already_decided_is_refused_and_nothing_changes(network, tmp_path):
    bureau, first = two_stations_register_one_number(network, tmp_path)
    with bureau:
        with pytest.raises(NotFound, match="未找到待处理的重复人员"):
            dismiss_duplicate("no-such-pair", actor=bureau.actor)
        [candidate] = open_duplicates()
        merge_duplicate(candidate.id, first.id, actor=bureau.actor)
        with pytest.raises(NotFound, match="未找到待处理的重复人员"):
            dismiss_duplicate(candidate.id, actor=bureau.actor)  # merged already: stays merged
        assert DuplicateCandidate.get_by_id(candidate.id).status == "merged"
