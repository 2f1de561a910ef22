"""The helper process for pure page work (core/offload.py): same results, in another
process, kept in the memo, and made in the caller when the helper fails."""

from __future__ import annotations

import os
from pathlib import Path

from prirucka.core.cache import Memo
from prirucka.core.offload import Helper


def process_id(label: str) -> list:
    return [label, os.getpid()]


def refuse(label: str) -> list:
    raise RuntimeError(f"no {label} here")


def test_a_helper_makes_the_result_in_another_process_and_the_memo_keeps_it(tmp_path: Path):
    memo = Memo(tmp_path / "memo", "salt")
    helper = Helper(1)
    try:
        pending = helper.remember(memo, ("a",), lambda: ["here", os.getpid()], process_id, "there")
        label, pid = pending.result()
        assert label == "there" and pid != os.getpid()
        assert memo.lookup(("a",)) == (True, ["there", pid])
        # Known now: the memo answers, neither function runs.
        again = helper.remember(memo, ("a",), lambda: ["here", 0], refuse, "x")
        assert again.result() == ["there", pid]
    finally:
        helper.close()


def test_without_a_worker_the_caller_makes_the_result(tmp_path: Path):
    memo = Memo(tmp_path / "memo", "salt")
    pending = Helper(0).remember(memo, ("b",), lambda: ["here", os.getpid()], refuse, "x")
    assert pending.result() == ["here", os.getpid()]
    assert memo.lookup(("b",)) == (True, ["here", os.getpid()])


def test_when_the_helper_fails_the_caller_makes_the_result(tmp_path: Path):
    memo = Memo(tmp_path / "memo", "salt")
    helper = Helper(1)
    try:
        pending = helper.remember(memo, ("c",), lambda: ["here", os.getpid()], refuse, "x")
        assert pending.result() == ["here", os.getpid()]
        assert memo.lookup(("c",)) == (True, ["here", os.getpid()])
    finally:
        helper.close()


def test_different_inputs_are_different_entries(tmp_path: Path):
    memo = Memo(tmp_path / "memo", "salt")
    helper = Helper(1)
    try:
        first = helper.remember(memo, ("d", "1"), lambda: [], process_id, "one")
        second = helper.remember(memo, ("d", "2"), lambda: [], process_id, "two")
        assert first.result()[0] == "one" and second.result()[0] == "two"
        assert Memo(tmp_path / "memo", "other salt").lookup(("d", "1")) == (False, None)
    finally:
        helper.close()


def test_results_handed_over_together_come_back_each_to_its_own_page(tmp_path: Path):
    """Jobs go to the helper a few at a time; each result is its own, one failing job
    is made by the caller alone, and a batch not yet full is handed over when asked."""
    memo = Memo(tmp_path / "memo", "salt")
    helper = Helper(1)
    try:
        labels = [f"page {index}" for index in range(11)]
        pending = [
            helper.remember(memo, (label,), lambda: ["here", os.getpid()], process_id, label)
            for label in labels
        ]
        failing = helper.remember(memo, ("bad",), lambda: ["here", os.getpid()], refuse, "x")
        assert [p.result()[0] for p in pending] == labels
        assert {p.result()[1] for p in pending} != {os.getpid()}
        assert failing.result() == ["here", os.getpid()]
    finally:
        helper.close()


def test_jobs_left_when_the_helper_closes_are_made_by_the_caller(tmp_path: Path):
    memo = Memo(tmp_path / "memo", "salt")
    helper = Helper(1)
    pending = helper.remember(memo, ("e",), lambda: ["here", os.getpid()], process_id, "there")
    helper.close()
    assert pending.result() == ["here", os.getpid()]


def test_a_shelf_reads_the_disk_only_where_entries_can_be(tmp_path: Path):
    """A fresh cache answers "missing" without opening a file per page; an entry there
    before the first look, one stored since, and one a helper was asked for are found."""
    from prirucka.core.cache import Shelf, load, store

    folder = tmp_path / "pages"
    store(folder / "ab" / "ab12.json", b"before")
    shelf = Shelf(folder)
    assert shelf.load("ab12") == b"before"
    assert shelf.load("cd34") is None
    store(folder / "cd" / "cd34.json", b"by another process")
    assert shelf.load("cd34") is None  # unknown to this shelf: made again, never wrong
    shelf.expect("cd34")
    assert shelf.load("cd34") == b"by another process"
    shelf.store("ef56", b"here")
    assert shelf.load("ef56") == b"here" == load(shelf.path("ef56"))
