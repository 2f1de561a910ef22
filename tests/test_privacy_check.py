"""`prirucka check` end to end on a generated knowledge base: no false alarms, nothing missed.

The corpus is bench/make_corpus.py's: tables of public services, contact lists
and blocks, case studies with pseudonyms, law citations, ISBNs, project
numbers, dates of events, and planted personal data in both languages with
their places in bench-truth.json. The real command runs on it once.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, run_prirucka

sys.path.insert(0, str(REPO / "bench"))

import make_corpus  # noqa: E402
import privacy_precision  # noqa: E402


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[dict, list[dict]]:
    root = tmp_path_factory.mktemp("corpus")
    make_corpus.generate(root, 18, 2)
    truth = json.loads((root / make_corpus.TRUTH).read_text(encoding="utf-8"))
    result = run_prirucka("check", "--format", "json", cwd=root)
    assert result.returncode == 1, result.stderr  # the planted items are errors
    return json.loads(result.stdout), truth


def test_every_kind_of_planted_item_in_both_languages(checked):
    _, truth = checked
    kinds = Counter((t["path"].split("/")[1], t["code"]) for t in truth)
    codes = {code for code, *_ in make_corpus.PLANTED}
    assert set(kinds) == {(lang, code) for lang in ("cs", "en") for code in codes}


def test_no_false_alarms_and_every_planted_item_found_once_at_its_line(checked):
    report, truth = checked
    result = privacy_precision.compare(report, truth)
    assert result["false_alarms"] == []
    assert result["misses"] == []
    assert len(result["hits"]) == len(truth)
    privacy = [f for f in report["findings"] if f["code"].startswith("privacy-")]
    assert sorted((f["path"], f["line"], f["code"]) for f in privacy) == sorted(
        (t["path"], t["line"], t["code"]) for t in truth
    )


def test_the_corpus_is_otherwise_clean(checked):
    """Public services, pseudonyms, citations and glossary terms raise nothing else."""
    report, _ = checked
    others = [f for f in report["findings"] if not f["code"].startswith("privacy-")]
    assert others == []


def test_a_broken_helplines_file_is_reported(tmp_path):
    root = tmp_path / "corpus"
    make_corpus.generate(root, 2, 2)
    (root / "handbook" / "helplines.yml").write_text(
        '- id: linka\n  number: "116 111"\n  name: {cs: Linka, en: Line}\n', encoding="utf-8"
    )
    result = run_prirucka("check", "--format", "json", "docs/cs/index.md", cwd=root)
    found = [(f["path"], f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]]
    assert ("handbook/helplines.yml", 1, "helplines") in found


def test_sample_corpus_page_sizes(tmp_path):
    """Pages of realistic length: 2–4 KB for most."""
    root = tmp_path / "corpus"
    make_corpus.generate(root, 40, 2)
    sizes = sorted(
        p.stat().st_size for p in (root / "docs").glob("*/sekce-*/*.md") if p.name != "index.md"
    )
    assert 2000 <= sizes[0] and sizes[len(sizes) // 2] <= 4096
    assert Path(root / make_corpus.TRUTH).is_file()
