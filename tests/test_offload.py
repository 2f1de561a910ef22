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
