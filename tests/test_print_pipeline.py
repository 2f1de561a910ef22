"""`prirucka pdf`: cache, reproducibility, the URL fetcher, errors in manifests."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pypdf
import pytest
from conftest import make_project, run_prirucka
from prirucka.core.errors import AuthorError
from prirucka.print.render import RenderRequest, render

PT_PER_MM = 72 / 25.4


@pytest.fixture
def project(tmp_path, font_cache) -> Path:
    return make_project(tmp_path / "project", "print")


def states(output: str) -> dict[str, str]:
    """Progress lines: PDF name -> 'rendered' | 'cached'."""
    return dict(
        re.findall(r"^(\S+\.pdf)\s+\d+ pages\s+[\d.]+ s\s+(rendered|cached)$", output, re.M)
    )


def all_stream_bytes(path: Path) -> bytes:
    """Every object of the PDF, streams decompressed: what a reader of the file could extract."""
    pdf = pypdf.PdfReader(path)
    chunks = []
    for number in range(1, int(pdf.trailer["/Size"])):
        try:
            obj = pdf.get_object(number)
        except Exception:
            continue
        if isinstance(obj, pypdf.generic.StreamObject):
            chunks.append(obj.get_data())
        else:
            chunks.append(repr(obj).encode())
    return b"\n".join(chunks)


def test_same_inputs_give_byte_identical_pdfs(project):
    first = run_prirucka("pdf", "prirucka", "--lang", "cs", "-o", "out1", cwd=project)
    assert first.returncode == 0, first.stderr
    shutil.rmtree(project / ".cache" / "prirucka" / "pdf")
    second = run_prirucka("pdf", "prirucka", "--lang", "cs", "-o", "out2", cwd=project)
    assert states(second.stdout) == {"prirucka.cs.pdf": "rendered"}  # really rendered again
    assert (project / "out1" / "prirucka.cs.pdf").read_bytes() == (
        project / "out2" / "prirucka.cs.pdf"
    ).read_bytes()


def test_cache_renders_only_what_changed(project):
    cold = run_prirucka("pdf", cwd=project)
    assert cold.returncode == 0, cold.stderr
    assert states(cold.stdout) == {
        "letak.cs-en.pdf": "rendered",
        "prirucka.cs.pdf": "rendered",
        "prirucka.en.pdf": "rendered",
    }
    warm = run_prirucka("pdf", cwd=project)
    assert set(states(warm.stdout).values()) == {"cached"}
    assert (project / "site" / "pdf" / "prirucka.cs.pdf").is_file()

    # One Czech page edited: only the Czech handbook is rendered again.
    page = project / "docs" / "cs" / "prirucka" / "postup.md"
    page.write_text(page.read_text() + "\nNová věta na konci.\n")
    edited = run_prirucka("pdf", cwd=project)
    assert states(edited.stdout) == {
        "letak.cs-en.pdf": "cached",
        "prirucka.cs.pdf": "rendered",
        "prirucka.en.pdf": "cached",
    }

    # An image both handbooks show: both are rendered again, the leaflet is not.
    image = project / "docs" / "assets" / "graf.png"
    from PIL import Image

    Image.new("RGB", (60, 30), "red").save(image)
    changed_image = run_prirucka("pdf", cwd=project)
    assert states(changed_image.stdout) == {
        "letak.cs-en.pdf": "cached",
        "prirucka.cs.pdf": "rendered",
        "prirucka.en.pdf": "rendered",
    }


class _Recorder(SimpleHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        _Recorder.requests.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server(tmp_path):
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "tracker.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    _Recorder.requests = []
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Recorder, directory=str(tmp_path / "www"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


ATTACKS = """
---
title: Útoky
order: 9
---

# Útoky

<link rel="attachment" href="file:///etc/passwd" title="passwd">

<p><img src="file:///etc/group" alt="obrázek"></p>

<div style="background: url('file:///etc/hosts')">pozadí</div>

<style>@import url("file:///etc/os-release");</style>

<svg width="10" height="10"><image href="file:///etc/shells" width="10" height="10"/></svg>

![únik](../../../../../../../../../../etc/hostname)

<p><img src="{server}/tracker.png" alt="sledovač"></p>

<p><span style="color: no-such-colour">Neplatné CSS</span></p>
"""


def test_url_fetcher_refuses_everything_outside_the_project(project, local_server):
    attack = project / "docs" / "cs" / "prirucka" / "utok.md"
    attack.write_text(ATTACKS.replace("{server}", local_server).lstrip())
    strict = run_prirucka("pdf", "prirucka", "--lang", "cs", "--strict", cwd=project)
    assert strict.returncode == 1  # refusals are errors under --strict
    # The page's file: addresses, <link>, <style> and CSS url() never reach WeasyPrint:
    # they are unsafe HTML, removed from the chapter and reported (core/sanitize.py).
    unsafe = [line for line in strict.stderr.splitlines() if "html-unsafe" in line]
    for number in (8, 10, 12, 14, 16):
        assert any(f"docs/cs/prirucka/utok.md:{number}:" in line for line in unsafe), number
    refusals = [line for line in strict.stderr.splitlines() if "refused to embed" in line]
    assert all(
        line.startswith("WARNING  -  docs/cs/prirucka/utok.md: prirucka (cs):") for line in refusals
    )
    # What a page may still ask for, a path out of the project or a web image, is refused.
    for target in ["file:///etc/hostname", f"{local_server}/tracker.png"]:
        assert any(f"refused to embed {target};" in line for line in refusals), target
    # And the fetcher refuses every kind of reference on its own, whatever the HTML.
    html = "<!DOCTYPE html><html><body>" + ATTACKS.split("# Útoky", 1)[1] + "</body></html>"
    html = html.replace("{server}", local_server)
    result = render(
        RenderRequest("x.pdf", html, (project / "docs").as_uri() + "/", [project / "docs"], [])
    )
    targets = ["passwd", "group", "hosts", "os-release", "shells"]
    for target in [f"file:///etc/{name}" for name in targets] + [f"{local_server}/tracker.png"]:
        assert target in result.refused, target
    assert _Recorder.requests == []  # no network request was made
    assert (
        "WeasyPrint:" in strict.stderr and "no-such-colour" in strict.stderr
    )  # its warnings surface

    lenient = run_prirucka("pdf", "prirucka", "--lang", "cs", cwd=project)
    assert lenient.returncode == 1  # the unsafe HTML is an error, its PDF is still made
    pdf_path = project / "site" / "pdf" / "prirucka.cs.pdf"
    assert pypdf.PdfReader(pdf_path).attachments == {}
    content = all_stream_bytes(pdf_path)
    assert b"root:x:0:0" not in content and b"/bin/" not in content


def test_missing_page_and_broken_manifest_are_reported(project):
    (project / "handbook" / "chybi.yml").write_text(
        "title: Chybí\nkind: report\nformat: A4\npages:\n  - prirucka/index.md\n  - neexistuje.md\n"
        "publisher: Někdo\nlicense: CC-BY-4.0\n"
    )
    (project / "handbook" / "rozbity.yml").write_text(
        "titel: Překlep\nkind: report\nformat: A4\npages: [prirucka/]\npublisher: Někdo\nlicense: CC-BY-4.0\n"
    )
    result = run_prirucka("pdf", cwd=project)
    assert result.returncode == 1
    assert "handbook/chybi.yml:6: page `neexistuje.md` does not exist in docs/cs/" in result.stderr
    assert "handbook/rozbity.yml:1: unknown key `titel`; did you mean `title`?" in result.stderr
    assert "Traceback" not in result.stderr
    # The other publications are unaffected.
    assert states(result.stdout)["prirucka.cs.pdf"] in ("rendered", "cached")
    assert (project / "site" / "pdf" / "letak.cs-en.pdf").is_file()
    # The site build fails on them.
    build = run_prirucka("build", cwd=project)
    assert build.returncode == 1
    assert "handbook/rozbity.yml:1: unknown key `titel`" in build.stderr


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (
            "title: X\nkind: book\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC-BY-4.0\n",
            "x.yml:2: `kind: book` is not allowed; use one of: handbook, manual, leaflet, methodology, report",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC-BY-4.0\nfunders: [nikdo]\n",
            "x.yml:7: unknown funder `nikdo`; handbook/funders.yml defines: fond",
        ),
        (
            "title: {cs: X}\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC-BY-4.0\n",
            "x.yml:1: `title` has no en text",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: GPL\n",
            "x.yml:6: `license: GPL` is not allowed",
        ),
        (
            "title: X\nkind: manual\npages: [a/]\npublisher: P\nlicense: CC0-1.0\n",
            "x.yml:1: `format` is missing; it is required",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/\npublisher: P\n",
            "x.yml:5: not valid YAML",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [../tajne.md]\npublisher: P\nlicense: CC0-1.0\n",
            "x.yml:4: `../tajne.md` must be relative to the language folder",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC0-1.0\nedition: {date: 15. 9. 2025}\n",
            "x.yml:7: `date` must be a date written as YYYY-MM-DD",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a]\npublisher: P\nlicense: CC0-1.0\n",
            "x.yml:4: `a`: a page ends in .md, a folder in /",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: {cs: Spolek, z. s., en: Association}\nlicense: CC0-1.0\n",
            "put text that has commas in quotes",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC0-1.0\nbinding: stapled\n",
            "x.yml:7: `binding: stapled` is not allowed; use one of: saddle-stitch, perfect, spiral, none",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC0-1.0\ncovr: {image: a.svg}\n",
            "x.yml:7: unknown key `covr`; did you mean `cover`?",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC0-1.0\ncover:\n  image: chybi.svg\n  alt: Obrázek\n",
            "x.yml:8: image `chybi.svg` not found (paths are relative to handbook/)",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC0-1.0\ncover:\n  image: logo.svg\n  atl: Obrázek\n",
            "x.yml:9: unknown key `atl`; did you mean `alt`?",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC0-1.0\ncover:\n  image: logo.svg\n  alt: {cs: Obrázek}\n",
            "x.yml:9: `alt` has no en text; add `en: …`",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: P\nlicense: CC0-1.0\nback_cover:\n  cs: linky/\n  en: linky.md\n",
            "x.yml:8: `linky/`: give a page relative to the language folder",
        ),
        (
            "title: X\nkind: manual\nformat: A5\npages: [a/]\npublisher: {name: P, adress: Praha 1}\nlicense: CC0-1.0\n",
            "x.yml:5: unknown key `adress`; did you mean `address`?",
        ),
    ],
)
def test_manifest_errors_name_file_line_and_key(tmp_path, manifest, message):
    from prirucka.core.manifest import load_funders, load_publication

    handbook = make_project(tmp_path / "p", "print") / "handbook"
    (handbook / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (handbook / "x.yml").write_text(manifest)
    with pytest.raises(AuthorError) as raised:
        load_publication(handbook / "x.yml", load_funders(handbook), ["cs", "en"])
    assert message in str(raised.value)


def test_funder_that_requires_the_project_number(tmp_path):
    from prirucka.core.manifest import load_funders, load_publication

    handbook = make_project(tmp_path / "p", "print") / "handbook"
    funders = handbook / "funders.yml"
    funders.write_text(funders.read_text() + "  show_project_number: true\n")
    manifest = handbook / "prirucka.yml"
    manifest.write_text(manifest.read_text().replace("project_number: CZ-0001\n", ""))
    with pytest.raises(AuthorError) as raised:
        load_publication(manifest, load_funders(handbook), ["cs", "en"])
    assert "prirucka.yml:11: funder `fond` requires the project's registration number" in str(
        raised.value
    )


def test_print_shop_adds_bleed_and_crop_marks(project):
    result = run_prirucka("pdf", "letak", "--print-shop", "-o", "tiskarna", cwd=project)
    assert result.returncode == 0, result.stderr
    page = pypdf.PdfReader(project / "tiskarna" / "letak.cs-en.print.pdf").pages[0]
    bleed = 3 * PT_PER_MM
    assert round(float(page.trimbox.width), 1) == round(99 * PT_PER_MM, 1)
    assert round(float(page.mediabox.width), 1) > round(99 * PT_PER_MM + 2 * bleed, 1) - 0.2
    assert round(float(page.bleedbox.width), 1) == round(99 * PT_PER_MM + 2 * bleed, 1)


def test_archival_variant(project):
    result = run_prirucka("pdf", "letak", "--variant", "pdf/a-3b", "-o", "archiv", cwd=project)
    assert result.returncode == 0, result.stderr
    pdf = pypdf.PdfReader(project / "archiv" / "letak.cs-en.pdf")
    metadata = pdf.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in metadata or b"<pdfaid:part>3</pdfaid:part>" in metadata
    assert "/OutputIntents" in pdf.trailer["/Root"]


def test_a_chapter_that_reaches_no_page_fails(tmp_path):
    html = '<html lang="cs"><body><article id="ch-a"><h1>A</h1></article></body></html>'
    ok = render(RenderRequest("x.pdf", html, tmp_path.as_uri() + "/", [tmp_path], ["ch-a"]))
    assert ok.error is None and ok.pages == 1
    lost = render(
        RenderRequest("x.pdf", html, tmp_path.as_uri() + "/", [tmp_path], ["ch-a", "ch-b"])
    )
    assert "did not reach a page" in lost.error


def test_no_pdf_builds_the_site_alone(project):
    result = run_prirucka("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "pdf").exists()
    assert not (project / "site" / "publikace").exists()
    assert "prirucka-download" not in (project / "site" / "prirucka" / "index.html").read_text()


def test_unknown_publication_is_a_usage_error(project):
    result = run_prirucka("pdf", "nic", cwd=project)
    assert result.returncode == 2
    assert "unknown publication nic; available: letak, prirucka" in result.stderr


def test_cover_back_cover_address_and_saddle_stitch(project):
    """The manifest's cover image, back cover section, address and binding reach the PDF."""
    handbook = project / "handbook"
    (handbook / "obalka.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">'
        '<rect width="40" height="30" fill="#fc0"/></svg>'
    )
    manifest = handbook / "prirucka.yml"
    text = manifest.read_text()
    text = text.replace(
        'publisher: {name: {cs: "Spolek Příklad, z. s.", en: Příklad Association}, seat: Praha}',
        'publisher:\n  name: {cs: "Spolek Příklad, z. s.", en: Příklad Association}\n'
        "  seat: Praha\n  address: Příkladová 1, 110 00 Praha 1\n",
    )
    text += (
        "binding: saddle-stitch\n"
        "cover: {image: obalka.svg, alt: {cs: Žlutý obdélník, en: A yellow rectangle}}\n"
        "back_cover: {cs: prirucka/postup.md#prvni-krok, en: prirucka/postup.md#first-step}\n"
    )
    manifest.write_text(text)
    result = run_prirucka("pdf", "prirucka", "--lang", "cs", cwd=project)
    assert result.returncode == 0, result.stderr
    pdf = pypdf.PdfReader(project / "site" / "pdf" / "prirucka.cs.pdf")
    assert len(pdf.pages) % 4 == 0
    imprint = " ".join(pdf.pages[1].extract_text().split()).replace("\xa0", " ")
    assert "Příkladová 1, 110 00 Praha 1" in imprint and "ISBN 978-80-7000-000-0" in imprint
    back = " ".join(pdf.pages[-1].extract_text().split())
    assert back.startswith("První krok")
    import pikepdf

    with pikepdf.open(project / "site" / "pdf" / "prirucka.cs.pdf") as doc:
        alts = {
            str(obj.Alt)
            for obj in doc.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure" and "/Alt" in obj
        }
    assert "Žlutý obdélník" in alts


def test_back_cover_section_that_does_not_exist(project):
    manifest = project / "handbook" / "prirucka.yml"
    text = manifest.read_text()
    manifest.write_text(text + "back_cover: prirucka/postup.md#neni\n")
    line = text.count("\n") + 1
    result = run_prirucka("pdf", "prirucka", "--lang", "cs", cwd=project)
    assert result.returncode == 1
    assert (
        f"prirucka.yml:{line}: `back_cover`: no section `#neni`; the page's sections:"
        in result.stderr
    )


def test_author_errors_reach_the_pdf_workers_whole():
    """The build context travels pickled to the PDF workers, errors it holds included."""
    import pickle

    error = AuthorError(Path("docs/cs/a.md"), 3, "the title is missing; add `title:`")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is AuthorError
    assert (copy.path, copy.line, copy.message) == (error.path, 3, error.message)
    assert str(copy) == str(error)


def test_a_build_started_from_standard_input_renders_its_pdfs(project):
    """PDF workers do not import the caller's script again: a build run from stdin (or a
    script without a `__main__` guard, or a notebook) still gets its PDFs."""
    import subprocess
    import sys

    script = "import sys\nfrom prirucka.cli import main\nsys.argv = ['prirucka', 'pdf']\nmain()\n"
    done = subprocess.run(
        [sys.executable, "-"],
        input=script,
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "stopped unexpectedly" not in done.stdout + done.stderr
    rendered = states(done.stdout + done.stderr)
    assert len(rendered) >= 2 and set(rendered.values()) == {"rendered"}
