"""Every publication of this repository passes two PDF/UA checkers: pdfua and outloud.

The PDFs are rendered once per session (`sample_pdfs` in conftest.py). A small
document rendered by WeasyPrint alone shows that the checkers do find what
`print/postprocess.py` fixes, so a clean result is not a checker that ran on nothing.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

BIN = Path(sys.executable).parent
# outloud findings the issue rules out entirely: running heads and page numbers tagged as
# content, links without the Print flag, painted order unlike the tag order, header cells
# without a scope.
FORBIDDEN = {"PAG-001", "LNK-004", "ORD-001", "TBL-002"}
BENCH = REPO / "bench" / "pdfua.md"


def pdfua(paths: list[Path]) -> list[dict]:
    run = subprocess.run(
        [str(BIN / "pdfua"), "check", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode in (0, 1, 2, 3), run.stderr  # 4 and 5: unreadable file, usage
    reports, text, decoder = [], run.stdout.strip(), json.JSONDecoder()
    while text:
        report, end = decoder.raw_decode(text)
        reports.append(report)
        text = text[end:].strip()
    return reports


def outloud(paths: list[Path], out: Path) -> list[dict]:
    run = subprocess.run(
        [str(BIN / "outloud"), "--json", str(out), "--fail-on", "never", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(out.read_text(encoding="utf-8"))["results"]


def documented_warnings() -> set[str]:
    """Rule ids in the first column of the table under "Other outloud warnings"."""
    text = BENCH.read_text(encoding="utf-8")
    section = text.split("## Other outloud warnings", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\|\s*`?([A-Z]{3,4}-\d{3})`?\s*\|", section, re.M))


def test_every_sample_publication_is_checked(sample_pdfs):
    # Both languages of every manifest in handbook/, the bilingual one once.
    assert len(sample_pdfs) >= 9, sorted(sample_pdfs)


def test_pdfua_finds_no_errors_and_no_warnings(sample_pdfs):
    reports = pdfua(list(sample_pdfs.values()))
    assert len(reports) == len(sample_pdfs)
    for report in reports:
        summary = report["summary"]
        findings = [(f["rule_id"], f["message"][:120]) for f in report["findings"]]
        assert summary["errors"] == 0 and summary["warnings"] == 0, (report["file"], findings)
        assert summary["rules_run"] >= 10


def test_outloud_finds_no_errors_and_only_documented_warnings(sample_pdfs, tmp_path):
    results = outloud(list(sample_pdfs.values()), tmp_path / "outloud.json")
    assert len(results) == len(sample_pdfs)
    documented = documented_warnings()
    for result in results:
        assert not result.get("error"), result
        assert result["counts"]["error"] == 0, (result["path"], result["findings"])
        rules = {f["rule"] for f in result["findings"]}
        assert not rules & FORBIDDEN, (result["path"], rules & FORBIDDEN)
        warnings = {f["rule"] for f in result["findings"] if f["severity"] == "warning"}
        # Any other warning is listed in bench/pdfua.md with the reason it stays.
        assert warnings <= documented, (result["path"], warnings - documented)


HTML = """<!DOCTYPE html><html lang="cs"><head><title>Zkouška</title><style>
@page { size: A5; margin: 20mm; @top-center { content: "Záhlaví stránky"; }
        @bottom-center { content: counter(page); } }
section { break-after: page; }
</style></head><body>
<section><h1>Kapitola jedna</h1><p>Odkaz na <a href="https://example.org/">web</a>.</p>
<table><thead><tr><th>Číslo</th><th>Linka</th></tr></thead>
<tbody><tr><td>112</td><td>Tísňová linka</td></tr></tbody></table></section>
<section><h1>Kapitola dvě</h1><p>Text <span lang="en">in English</span>.</p></section>
<section><h1>Kapitola tři</h1><p>Další text.</p></section>
</body></html>"""


@pytest.fixture(scope="module")
def raw_and_finished(tmp_path_factory) -> tuple[Path, Path]:
    """The same small document from WeasyPrint alone, and through our renderer."""
    import weasyprint
    from prirucka.print.render import RenderRequest, render

    folder = tmp_path_factory.mktemp("pdfua")
    raw = folder / "raw.pdf"
    weasyprint.HTML(string=HTML).write_pdf(raw, pdf_variant="pdf/ua-1")
    result = render(RenderRequest("finished.pdf", HTML, folder.as_uri() + "/", [folder], []))
    assert result.error is None, result.error
    finished = folder / "finished.pdf"
    finished.write_bytes(result.pdf)
    return raw, finished


def test_checkers_find_what_postprocessing_fixes(raw_and_finished, tmp_path):
    raw, finished = raw_and_finished
    before = {f["rule"] for f in outloud([raw], tmp_path / "raw.json")[0]["findings"]}
    assert {"PAG-001", "LNK-004"} <= before
    assert "UA-15-003" in {f["rule_id"] for f in pdfua([raw])[0]["findings"]}
    after = outloud([finished], tmp_path / "finished.json")[0]
    assert not {f["rule"] for f in after["findings"]} & FORBIDDEN
    assert pdfua([finished])[0]["summary"]["warnings"] == 0


def test_postprocessing_is_reproducible(raw_and_finished):
    from prirucka.print.postprocess import finish

    raw, _ = raw_and_finished
    data = raw.read_bytes()
    assert finish(data) == finish(data)


def test_inline_lang_span_carried_into_the_pdf(raw_and_finished):
    import pikepdf

    _, finished = raw_and_finished
    with pikepdf.open(finished) as pdf:
        assert str(pdf.Root.Lang) == "cs"
        langs = [
            str(obj.Lang)
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Dictionary)
            and obj.get("/Type") == "/StructElem"
            and "/Lang" in obj
        ]
    # Only the English span says its language; the Czech elements inherit the document's.
    assert langs == ["en"]
