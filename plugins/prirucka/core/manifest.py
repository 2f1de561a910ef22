"""Publication manifests (handbook/<id>.yml) and the funders' rules (handbook/funders.yml)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlfile
from .documents import HANDBOOK_DATA
from .errors import AuthorError, did_you_mean

KINDS = ("handbook", "manual", "leaflet", "methodology", "report")
# Trimmed page sizes in millimetres.
FORMATS = {"A4": (210, 297), "A5": (148, 210), "A6": (105, 148), "DL": (99, 210)}
LICENSES = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC-BY-NC-4.0": ("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
    "CC-BY-NC-SA-4.0": ("CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    "CC-BY-ND-4.0": ("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
    "CC-BY-NC-ND-4.0": ("CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "all-rights-reserved": ("", ""),
}
PLACES = ("front-cover", "back-cover", "imprint")
# How a publication is bound. A saddle-stitched booklet has a page count divisible by 4
# (sheets folded in the middle); a perfect-bound one an even count.
BINDINGS = ("saddle-stitch", "perfect", "spiral", "none")
DEFAULT_BINDING = {"A5": "saddle-stitch", "A6": "saddle-stitch"}
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")
RESERVED_FILES = HANDBOOK_DATA
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

Localized = dict[str, str]


@dataclass(frozen=True)
class PageRef:
    path: str  # relative to a language folder; a folder ends with "/"
    line: int | None


@dataclass(frozen=True)
class Edition:
    number: int | None
    date: dt.date | None
    isbn: Localized


@dataclass(frozen=True)
class Funder:
    id: str
    name: Localized
    logo: Path | None
    logo_on: tuple[str, ...]
    statement: Localized
    statement_on: tuple[str, ...]
    order: int
    show_project_number: bool
    # A wordmark per language (`logo: {cs: …, en: …}`); `logo` is the first of them.
    logos: dict[str, Path] = field(default_factory=dict)

    def logo_for(self, lang: str) -> Path | None:
        """The logo in `lang`'s version when there is one, else the only one."""
        return self.logos.get(lang) or self.logo


@dataclass(frozen=True)
class PageSection:
    """A page, or one section of it (`path.md#anchor`), printed somewhere of its own.

    The path `helplines` (HELPLINES) stands for the project's list of public services,
    handbook/helplines.yml, the same list the site shows.
    """

    path: str
    anchor: str | None
    line: int | None


@dataclass(frozen=True)
class FundingSource:
    """The document that says this publication was funded (grant decision, programme page)."""

    title: Localized
    url: str | None


@dataclass
class Publication:
    id: str
    source: Path
    title: Localized
    kind: str
    format: str
    pages: list[PageRef]
    publisher: Localized
    license: str
    subtitle: Localized = field(default_factory=dict)
    languages: list[str] = field(default_factory=lambda: ["cs", "en"])
    bilingual: bool = False
    authors: list[Localized] = field(default_factory=list)
    publisher_seat: str | None = None
    edition: Edition | None = None
    funders: list[Funder] = field(default_factory=list)
    project_number: str | None = None
    funding_source: FundingSource | None = None
    subject: Localized = field(default_factory=dict)
    keywords: dict[str, list[str]] = field(default_factory=dict)
    toc: bool = True
    binding: str = "none"
    publisher_address: Localized = field(default_factory=dict)
    cover_image: Path | None = None
    cover_alt: Localized = field(default_factory=dict)
    back_cover: dict[str, PageSection] = field(default_factory=dict)  # per language

    @property
    def pages_multiple(self) -> int:
        """The page count must be a multiple of this (4 for a saddle-stitched booklet)."""
        return {"saddle-stitch": 4, "perfect": 2}.get(self.binding, 1)

    def outputs(self) -> list[str]:
        """The language keys of its PDFs: ['cs', 'en'] or ['cs-en'] when bilingual."""
        return ["-".join(self.languages)] if self.bilingual else list(self.languages)


class _Reader:
    """Validation helpers that report `file:line: message`."""

    def __init__(self, located: yamlfile.Located, languages: list[str]) -> None:
        self.located = located
        self.languages = languages

    def error(self, key: tuple, message: str) -> AuthorError:
        return self.located.error(key, message)

    def mapping(self, value: Any, key: tuple, allowed: dict[str, bool]) -> dict:
        """Check a mapping's keys: `allowed` maps each key to whether it is required."""
        if not isinstance(value, dict):
            raise self.error(
                key,
                f"`{'.'.join(map(str, key)) or 'the file'}` must be a set of `key: value` lines",
            )
        for name in value:
            if name not in allowed:
                hint = did_you_mean(name, allowed, f"known keys: {', '.join(allowed)}")
                raise self.error((*key, name), f"unknown key `{name}`{hint}")
        for name, required in allowed.items():
            if required and name not in value:
                raise self.error(key, f"`{name}` is missing; it is required")
        return value

    def text(self, value: Any, key: tuple, languages: list[str] | None = None) -> Localized:
        """Text in every language: one string for all, or {cs: …, en: …}."""
        languages = languages or self.languages
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return {lang: str(value) for lang in languages}
        if isinstance(value, dict):
            for lang in value:
                if lang not in ("cs", "en"):
                    hint = (
                        " (a comma inside {…} starts a new entry: put text that has commas in quotes)"
                        if " " in str(lang) or "." in str(lang)
                        else ""
                    )
                    raise self.error((*key, lang), f"unknown language `{lang}`; use cs or en{hint}")
            missing = [lang for lang in languages if not value.get(lang)]
            if missing:
                raise self.error(
                    key, f"`{key[-1]}` has no {' and '.join(missing)} text; add `{missing[0]}: …`"
                )
            return {lang: str(text) for lang, text in value.items()}
        raise self.error(key, f"`{key[-1]}` must be text or {{cs: …, en: …}}")

    def choice(self, value: Any, key: tuple, options) -> str:
        if value not in options:
            raise self.error(
                key, f"`{key[-1]}: {value}` is not allowed; use one of: {', '.join(options)}"
            )
        return value

    def boolean(self, value: Any, key: tuple) -> bool:
        if not isinstance(value, bool):
            raise self.error(key, f"`{key[-1]}` must be true or false")
        return value

    def names(self, value: Any, key: tuple) -> list[Localized]:
        """A list of names; an organisation's name may differ per language ({cs: …, en: …})."""
        if isinstance(value, (str, dict)):
            value = [value]
        if not isinstance(value, list) or not value:
            raise self.error(key, f"`{key[-1]}` must be a list of names, e.g. [Jana Příkladová]")
        return [self.text(name, (*key, index)) for index, name in enumerate(value)]


def load_funders(handbook_dir: Path) -> dict[str, Funder]:
    path = handbook_dir / "funders.yml"
    if not path.exists():
        return {}
    located = yamlfile.load(path)
    reader = _Reader(located, ["cs", "en"])
    data = located.data or {}
    if not isinstance(data, dict):
        raise reader.error((), "funders.yml must map funder ids to their rules")
    funders = {}
    allowed = {
        "name": True,
        "logo": False,
        "logo_on": False,
        "statement": False,
        "statement_on": False,
        "order": False,
        "show_project_number": False,
    }
    for fid, spec in data.items():
        reader.mapping(spec, (fid,), allowed)
        places = {}
        for name in ("logo_on", "statement_on"):
            value = spec.get(name, [])
            if not isinstance(value, list):
                raise reader.error((fid, name), f"`{name}` must be a list, e.g. [front-cover]")
            for index, place in enumerate(value):
                reader.choice(place, (fid, name, index), PLACES)
            places[name] = tuple(value)
        logo = None
        logos: dict[str, Path] = {}
        if spec.get("logo"):
            raw = spec["logo"]
            if isinstance(raw, dict):
                written = reader.text(raw, (fid, "logo"), [])
            elif isinstance(raw, str):
                written = {"": raw}
            else:
                raise reader.error((fid, "logo"), "`logo` is a file path or {cs: …, en: …}")
            for lang, name in written.items():
                path = (handbook_dir / name).resolve()
                if not path.is_file():
                    key = (fid, "logo", lang) if isinstance(spec["logo"], dict) else (fid, "logo")
                    raise reader.error(
                        key, f"logo file `{name}` not found (paths are relative to handbook/)"
                    )
                logos[lang] = path
            logo = next(iter(logos.values()))
            if not isinstance(spec["logo"], dict):
                logos = {}
        order = spec.get("order", 100)
        if isinstance(order, bool) or not isinstance(order, int):
            raise reader.error((fid, "order"), "`order` must be a whole number (1 is placed first)")
        funders[fid] = Funder(
            id=fid,
            name=reader.text(spec["name"], (fid, "name")),
            logo=logo,
            logo_on=places["logo_on"],
            statement=reader.text(spec["statement"], (fid, "statement"))
            if spec.get("statement")
            else {},
            statement_on=places["statement_on"],
            order=order,
            show_project_number=reader.boolean(
                spec.get("show_project_number", False), (fid, "show_project_number")
            ),
            logos=logos,
        )
    return funders


_KEYS = {
    "title": True,
    "subtitle": False,
    "kind": True,
    "format": True,
    "languages": False,
    "bilingual": False,
    "pages": True,
    "authors": False,
    "publisher": True,
    "edition": False,
    "funders": False,
    "project_number": False,
    "funding_source": False,
    "license": True,
    "subject": False,
    "keywords": False,
    "toc": False,
    "binding": False,
    "cover": False,
    "back_cover": False,
}


def load_publication(
    path: Path, funders: dict[str, Funder], site_languages: list[str]
) -> Publication:
    """Read and validate one manifest; raise AuthorError naming the file, line and key."""
    located = yamlfile.load(path)
    reader = _Reader(located, site_languages)
    data = located.data
    if data is None:
        raise reader.error((), "the manifest is empty; see the editor guide for an example")
    reader.mapping(data, (), _KEYS)
    pid = path.stem
    if not _ID.match(pid):
        raise AuthorError(
            path,
            None,
            "the file name is the publication's id: use lowercase ASCII letters, digits and hyphens",
        )

    languages = data.get("languages", list(site_languages))
    if not isinstance(languages, list) or not languages:
        raise reader.error(("languages",), "`languages` must be a list, e.g. [cs, en]")
    for index, lang in enumerate(languages):
        reader.choice(lang, ("languages", index), site_languages)
    languages = [lang for lang in site_languages if lang in languages]  # default language first
    reader.languages = languages
    bilingual = reader.boolean(data.get("bilingual", False), ("bilingual",))
    if bilingual and len(languages) < 2:
        raise reader.error(("bilingual",), "a bilingual publication needs two `languages`")

    pages_value = data["pages"]
    if not isinstance(pages_value, list) or not pages_value:
        raise reader.error(
            ("pages",), "`pages` must list at least one page or folder, e.g. [prirucka/]"
        )
    pages = []
    for index, entry in enumerate(pages_value):
        if not isinstance(entry, str) or not entry.strip():
            raise reader.error(
                ("pages", index),
                "each entry of `pages` is a path like prirucka/index.md or a folder like prirucka/",
            )
        entry = entry.strip().lstrip("./") if entry.startswith("./") else entry.strip()
        if entry.startswith("/") or ".." in entry.split("/"):
            raise reader.error(
                ("pages", index),
                f"`{entry}` must be relative to the language folder (docs/cs/, docs/en/)",
            )
        if not entry.endswith("/") and not entry.endswith(".md"):
            raise reader.error(("pages", index), f"`{entry}`: a page ends in .md, a folder in /")
        pages.append(PageRef(entry, located.line("pages", index)))

    raw_publisher = data["publisher"]
    publisher_address: Localized = {}
    if isinstance(raw_publisher, dict) and (
        "name" in raw_publisher or "seat" in raw_publisher or "address" in raw_publisher
    ):
        reader.mapping(
            raw_publisher, ("publisher",), {"name": True, "seat": False, "address": False}
        )
        publisher_name = reader.text(raw_publisher["name"], ("publisher", "name"))
        publisher_seat = raw_publisher.get("seat")
        if raw_publisher.get("address"):
            publisher_address = reader.text(raw_publisher["address"], ("publisher", "address"))
    else:  # just the name, as text or {cs: …, en: …}
        publisher_name = reader.text(raw_publisher, ("publisher",))
        publisher_seat = None
    edition = None
    if "edition" in data:
        spec = reader.mapping(
            data["edition"], ("edition",), {"number": False, "date": False, "isbn": False}
        )
        number = spec.get("number")
        if number is not None and (
            isinstance(number, bool) or not isinstance(number, int) or number < 1
        ):
            raise reader.error(("edition", "number"), "`number` must be a whole number from 1")
        date = spec.get("date")
        if date is not None and not isinstance(date, dt.date):
            raise reader.error(("edition", "date"), "`date` must be a date written as YYYY-MM-DD")
        if isinstance(date, dt.datetime):
            date = date.date()
        isbn = {}
        if "isbn" in spec:
            raw = spec["isbn"]
            if isinstance(raw, dict):
                isbn = {lang: str(value) for lang, value in raw.items()}
                for lang in isbn:
                    reader.choice(lang, ("edition", "isbn", lang), languages)
            else:
                raise reader.error(
                    ("edition", "isbn"),
                    "each language version has its own ISBN: isbn: {cs: …, en: …}",
                )
        edition = Edition(number, date, isbn)

    chosen = []
    named = data.get("funders") or []
    if isinstance(named, str):
        named = [named]  # `funders: eea-norway-grants`: one funder
    if not isinstance(named, list):
        raise reader.error(
            ("funders",), "`funders` is a list of ids from handbook/funders.yml, e.g. [esf-oplzz]"
        )
    for index, fid in enumerate(named):
        if not isinstance(fid, str) or fid not in funders:
            known = ", ".join(sorted(funders)) or "none defined"
            raise reader.error(
                ("funders", index), f"unknown funder `{fid}`; handbook/funders.yml defines: {known}"
            )
        chosen.append(funders[fid])

    # A funder's logo and statement are printed only when a cited document supports them.
    funding_source = None
    if "funding_source" in data:
        spec = reader.mapping(
            data["funding_source"], ("funding_source",), {"title": True, "url": False}
        )
        url = spec.get("url")
        if url is not None and not re.match(r"^https?://\S+$", str(url)):
            raise reader.error(
                ("funding_source", "url"), "`url` must start with http:// or https://"
            )
        funding_source = FundingSource(
            reader.text(spec["title"], ("funding_source", "title")), str(url) if url else None
        )
        if not chosen:
            raise reader.error(
                ("funding_source",),
                "`funding_source` supports a funder's statement, but `funders` names none",
            )
    elif chosen:
        raise reader.error(
            ("funders",),
            "a funder's statement is printed only with its source: add `funding_source: {title: …, url: …}` naming the document (grant decision, the programme's project page) that says this publication was funded",
        )

    project_number = data.get("project_number")
    for index, funder in enumerate(chosen):
        if funder.show_project_number and not project_number:
            raise reader.error(
                ("funders", index),
                f"funder `{funder.id}` requires the project's registration number on the publication: add `project_number: …`",
            )

    keywords = {}
    if "keywords" in data:
        raw = data["keywords"]

        def words(value, key: tuple) -> list[str]:
            if isinstance(value, str):
                return [value.strip()] if value.strip() else []  # one keyword, not its letters
            if isinstance(value, list) and all(isinstance(k, (str, int, float)) for k in value):
                return [str(k) for k in value]
            raise reader.error(key, "`keywords` must be a list or {cs: […], en: […]}")

        if isinstance(raw, dict):
            keywords = {lang: words(raw.get(lang) or [], ("keywords", lang)) for lang in languages}
        else:
            keywords = {lang: words(raw, ("keywords",)) for lang in languages}

    format_ = reader.choice(data["format"], ("format",), tuple(FORMATS))
    binding = DEFAULT_BINDING.get(format_, "none")
    if "binding" in data:
        binding = reader.choice(data["binding"], ("binding",), BINDINGS)
    cover_image, cover_alt = _cover(reader, data, path.parent)
    back_cover = _back_cover(reader, data, languages)

    return Publication(
        id=pid,
        source=path,
        title=reader.text(data["title"], ("title",)),
        subtitle=reader.text(data["subtitle"], ("subtitle",)) if data.get("subtitle") else {},
        kind=reader.choice(data["kind"], ("kind",), KINDS),
        format=format_,
        languages=languages,
        bilingual=bilingual,
        pages=pages,
        authors=reader.names(data["authors"], ("authors",)) if "authors" in data else [],
        publisher=publisher_name,
        publisher_seat=str(publisher_seat) if publisher_seat else None,
        edition=edition,
        funders=sorted(chosen, key=lambda f: f.order),
        project_number=str(project_number) if project_number is not None else None,
        funding_source=funding_source,
        license=reader.choice(data["license"], ("license",), tuple(LICENSES)),
        subject=reader.text(data["subject"], ("subject",)) if data.get("subject") else {},
        keywords=keywords,
        toc=reader.boolean(data.get("toc", True), ("toc",)),
        binding=binding,
        publisher_address=publisher_address,
        cover_image=cover_image,
        cover_alt=cover_alt,
        back_cover=back_cover,
    )


def _cover(reader: _Reader, data: dict, handbook_dir: Path) -> tuple[Path | None, Localized]:
    """`cover: {image: covers/x.svg, alt: {cs: …, en: …}}`: the image and its description."""
    if "cover" not in data:
        return None, {}
    spec = reader.mapping(data["cover"], ("cover",), {"image": True, "alt": True})
    name = spec["image"]
    if not isinstance(name, str) or not name.strip():
        raise reader.error(("cover", "image"), "`image` is the path of an image file")
    image = (handbook_dir / name.strip()).resolve()
    root = handbook_dir.resolve().parent
    if not image.is_relative_to(root):
        raise reader.error(("cover", "image"), f"`{name}` is outside the project")
    if image.suffix.lower() not in IMAGE_SUFFIXES:
        raise reader.error(
            ("cover", "image"),
            f"`{name}` is not an image; use one of {', '.join(IMAGE_SUFFIXES)}",
        )
    if not image.is_file():
        raise reader.error(
            ("cover", "image"), f"image `{name}` not found (paths are relative to handbook/)"
        )
    alt = reader.text(spec["alt"], ("cover", "alt"))
    return image, alt


HELPLINES = "helplines"


def _back_cover(reader: _Reader, data: dict, languages: list[str]) -> dict[str, PageSection]:
    """`back_cover: page.md`, `page.md#section` or `helplines` (handbook/helplines.yml),
    one for all languages or {cs: …, en: …}."""
    if not data.get("back_cover"):
        return {}
    written = reader.text(data["back_cover"], ("back_cover",))
    result = {}
    for lang in languages:
        key = ("back_cover", lang) if isinstance(data["back_cover"], dict) else ("back_cover",)
        value = written[lang].strip()
        if value == HELPLINES:
            result[lang] = PageSection(HELPLINES, None, reader.located.line(*key))
            continue
        path, _, anchor = value.partition("#")
        if path.startswith("/") or ".." in path.split("/") or not path.endswith(".md"):
            raise reader.error(
                key,
                f"`{value}`: give a page relative to the language folder, e.g. "
                "prirucka-pro-rodice/kam-se-obratit.md#telefonni-linky, or `helplines`",
            )
        result[lang] = PageSection(path, anchor or None, reader.located.line(*key))
    return result


def manifest_paths(handbook_dir: Path) -> list[Path]:
    """Every publication manifest in handbook/, by file name."""
    if not handbook_dir.is_dir():
        return []
    return sorted(p for p in handbook_dir.glob("*.yml") if p.name not in RESERVED_FILES)


def load_all(
    handbook_dir: Path, site_languages: list[str]
) -> tuple[list[Publication], list[AuthorError]]:
    """All publications that are valid, and an error for each that is not."""
    errors: list[AuthorError] = []
    try:
        funders = load_funders(handbook_dir)
    except AuthorError as error:
        return [], [error]
    publications = []
    for path in manifest_paths(handbook_dir):
        try:
            publications.append(load_publication(path, funders, site_languages))
        except AuthorError as error:
            errors.append(error)
    return publications, errors
