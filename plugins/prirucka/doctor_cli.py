"""`prirucka doctor`: is this computer ready for `prirucka build`, and if not, what to install.

Each check says what it found; for anything missing it says exactly what to
install on Debian/Ubuntu, macOS (Homebrew) and Windows. The exit code is 0
when everything `prirucka build` needs is there; what is only recommended
(HarfBuzz-Subset, system fonts) or needed only for Příručka's own tests
(chromium) is reported without failing.
"""

from __future__ import annotations

import contextlib
import io
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click

REQUIRED = "required"  # `prirucka build` fails without it
RECOMMENDED = "recommended"  # the build works, slower or with fewer glyphs
TESTS = "tests"  # only Příručka's own browser tests need it

PLATFORMS = ("Debian/Ubuntu", "macOS", "Windows")
MINIMUM_PYTHON = (3, 11)
MINIMUM_PANGO = (1, 44, 0)  # WeasyPrint's requirement
MSYS2 = "install MSYS2 (https://www.msys2.org/), then in its UCRT64 shell: pacman -S "

# What to install, per check and platform.
INSTALL: dict[str, dict[str, str]] = {
    "python": {
        "Debian/Ubuntu": "sudo apt install python3 python3-venv",
        "macOS": "brew install python@3.12",
        "Windows": "winget install Python.Python.3.12",
    },
    "pango": {
        "Debian/Ubuntu": "sudo apt install libpango-1.0-0 libpangoft2-1.0-0",
        "macOS": "brew install pango",
        "Windows": MSYS2 + "mingw-w64-ucrt-x86_64-pango",
    },
    "harfbuzz-subset": {
        "Debian/Ubuntu": "sudo apt install libharfbuzz-subset0",
        "macOS": "brew install harfbuzz",
        "Windows": MSYS2 + "mingw-w64-ucrt-x86_64-harfbuzz",
    },
    "fonts": {
        "Debian/Ubuntu": "sudo apt install fontconfig fonts-dejavu-core",
        "macOS": "brew install fontconfig",
        "Windows": MSYS2 + "mingw-w64-ucrt-x86_64-fontconfig",
    },
    "pagefind": {
        "Debian/Ubuntu": 'pip install "pagefind[bin]>=1.5,<2"',
        "macOS": 'pip install "pagefind[bin]>=1.5,<2"',
        "Windows": 'pip install "pagefind[bin]>=1.5,<2"',
    },
    "chromium": {
        "Debian/Ubuntu": "sudo apt install chromium",
        "macOS": "brew install --cask chromium",
        "Windows": "run the tests in WSL (Debian or Ubuntu) with: sudo apt install chromium",
    },
}


@dataclass
class Result:
    name: str
    level: str  # REQUIRED, RECOMMENDED or TESTS
    ok: bool
    found: str  # what was found, or what is wrong
    install: str = ""  # key of INSTALL for what to do when not ok
    notes: list[str] = field(default_factory=list)


def _python() -> Result:
    current = sys.version_info[:3]
    shown = ".".join(map(str, current))
    if current >= MINIMUM_PYTHON:
        return Result("Python", REQUIRED, True, shown)
    wanted = ".".join(map(str, MINIMUM_PYTHON))
    return Result("Python", REQUIRED, False, f"{shown}; Příručka needs {wanted} or newer", "python")


def _weasyprint_ffi():
    """WeasyPrint's handles on the system libraries; its loading banner kept off the screen."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        from weasyprint.text import ffi
    return ffi


def _pango() -> Result:
    try:
        ffi = _weasyprint_ffi()
    except OSError as error:  # a library WeasyPrint needs could not be loaded
        return Result("Pango", REQUIRED, False, f"not found ({error})", "pango")
    number = ffi.pango.pango_version()
    found = (number // 10000, number // 100 % 100, number % 100)
    shown = ".".join(map(str, found))
    if found < MINIMUM_PANGO:
        wanted = ".".join(map(str, MINIMUM_PANGO))
        return Result("Pango", REQUIRED, False, f"{shown}; WeasyPrint needs {wanted}", "pango")
    return Result("Pango", REQUIRED, True, f"{shown} (WeasyPrint {version('weasyprint')})")


def _harfbuzz_subset() -> Result:
    name = "HarfBuzz-Subset"
    try:
        ffi = _weasyprint_ffi()
    except OSError:
        return Result(name, RECOMMENDED, False, "not checked: WeasyPrint cannot load", "pango")
    if ffi.harfbuzz_subset is None:
        return Result(
            name,
            RECOMMENDED,
            False,
            "not found: fonts in PDFs are subset with the slower fontTools",
            "harfbuzz-subset",
        )
    if not ffi.harfbuzz.hb_version_atleast(4, 1, 0):
        return Result(name, RECOMMENDED, False, "HarfBuzz is older than 4.1.0", "harfbuzz-subset")
    return Result(name, RECOMMENDED, True, "found")


def _fonts() -> Result:
    name = "Fonts (fontconfig)"
    try:
        ffi = _weasyprint_ffi()
    except OSError:
        return Result(name, RECOMMENDED, False, "not checked: WeasyPrint cannot load", "pango")
    config = ffi.fontconfig.FcInitLoadConfigAndFonts()
    try:
        fonts = ffi.fontconfig.FcConfigGetFonts(config, ffi.fontconfig.FcSetSystem)
        count = fonts.nfont if fonts != ffi.ffi.NULL else 0
    finally:
        ffi.fontconfig.FcConfigDestroy(config)
    if count == 0:
        return Result(
            name,
            RECOMMENDED,
            False,
            "no system fonts: characters missing from the bundled fonts cannot be printed",
            "fonts",
        )
    return Result(name, RECOMMENDED, True, f"{count} system fonts")


def _weasyprint_pdf() -> Result:
    name = "WeasyPrint PDF"
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import weasyprint
    except OSError as error:
        return Result(name, REQUIRED, False, f"cannot load ({error})", "pango")
    from .core.theme import PACKAGE_THEME

    font = (PACKAGE_THEME / "fonts" / "CharisSIL-Regular.ttf").as_uri()
    html = (
        f"<style>@font-face {{ font-family: Test; src: url({font}); }}"
        "body { font-family: Test; }</style><p>Příliš žluťoučký kůň úpěl ďábelské ódy.</p>"
    )
    started = time.perf_counter()
    try:
        pdf = weasyprint.HTML(string=html).write_pdf()
    except Exception as error:  # any failure here is what the check is for
        return Result(name, REQUIRED, False, f"{type(error).__name__}: {error}", "pango")
    seconds = time.perf_counter() - started
    if not pdf.startswith(b"%PDF"):
        return Result(name, REQUIRED, False, "WeasyPrint wrote no PDF", "pango")
    return Result(name, REQUIRED, True, f"a one-line PDF in {seconds:.1f} s")


def _pagefind() -> Result:
    name = "Pagefind"
    try:
        import pagefind_bin

        binary = pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as error:
        found = shutil.which("pagefind")
        if found is None:
            return Result(name, REQUIRED, False, f"not installed ({error})", "pagefind")
        binary = Path(found)
    try:
        run = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60)
    except OSError as error:
        return Result(name, REQUIRED, False, f"{binary} does not run ({error})", "pagefind")
    if run.returncode != 0:
        return Result(name, REQUIRED, False, f"{binary} failed: {run.stderr.strip()}", "pagefind")
    return Result(name, REQUIRED, True, run.stdout.strip() or str(binary))


def _chromium() -> Result:
    name = "chromium"
    for command in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(command)
        if found:
            return Result(name, TESTS, True, f"{found} (for Příručka's own tests only)")
    return Result(
        name, TESTS, False, "not found; only Příručka's own browser tests need it", "chromium"
    )


CHECKS: tuple[Callable[[], Result], ...] = (
    _python,
    _pango,
    _harfbuzz_subset,
    _fonts,
    _weasyprint_pdf,
    _pagefind,
    _chromium,
)


def _system() -> str:
    return {"Darwin": "macOS", "Windows": "Windows"}.get(platform.system(), "Debian/Ubuntu")


def run() -> int:
    """Run every check, print what to do; 0 when `prirucka build` can run here."""
    try:
        own = version("prirucka")
    except PackageNotFoundError:
        own = "(not installed)"
    click.echo(f"Příručka {own}, Python at {sys.executable}, {platform.platform()}")
    results = [check() for check in CHECKS]
    here = _system()
    for result in results:
        state = "ok" if result.ok else ("MISSING" if result.level == REQUIRED else "missing")
        click.echo(f"  {state:<8} {result.name}: {result.found}")
        if result.ok or not result.install:
            continue
        commands = INSTALL[result.install]
        # This computer's platform first.
        for system in sorted(PLATFORMS, key=lambda s: s != here):
            click.echo(f"           {system + ':':<15} {commands[system]}")
    failed = [r for r in results if not r.ok and r.level == REQUIRED]
    optional = [r for r in results if not r.ok and r.level != REQUIRED]
    if failed:
        names = ", ".join(r.name for r in failed)
        click.echo(f"`prirucka build` cannot run here: install {names} (see above).")
        return 1
    if optional:
        click.echo(
            "Everything `prirucka build` needs is here; the rest above is recommended "
            "or for Příručka's own tests."
        )
    else:
        click.echo("Everything is here.")
    return 0
