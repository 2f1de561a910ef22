"""One page's Markdown as a chapter of a printed publication.

The same Markdown extensions as the site render the text; then the HTML is
adapted to paper: ids made unique across chapters, links between chapters
kept inside the PDF, other links given their full address as a footnote,
Markdown footnotes turned into real page-foot footnotes, lone images into
figures with captions, images pointed at their files.
"""

from __future__ import annotations

import copy
import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import tinyhtml5

from ..core import factbox, frontmatter, sanitize, schema
from ..core.errors import AuthorError
from ..core.extensions import LANGUAGE_AWARE, SOURCE_AWARE
from ..core.glossary import Glossary
from ..core.ordering import Sources
from ..core.project import Project
from .sources import Chapter
from .text import breakable_addresses, keep_last_words, typeset_tree

# A running head longer than this many words is shortened (see `running_head`).
RUNNING_HEAD_WORDS = 7

# MkDocs always adds these; print renders like the site.
_BUILTIN_EXTENSIONS = ["toc", "tables", "fenced_code"]
_EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel", "ftp")


@dataclass
class ChapterHTML:
    chapter: Chapter
    title: str
    html: str
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text)
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # local files it embeds (images)
    errors: list[str] = field(default_factory=list)  # unsafe HTML, removed from the chapter
    audience: list[str] = field(default_factory=list)  # from the page's front matter


def markdown_to_html(
    text: str,
    lang: str,
    project: Project,
    path: str | Path = "",
    line: int = 1,
    glossary: Glossary | None = None,
) -> str:
    """Render Markdown with the site's extensions, for print.

    `path` and `line` (where `text` starts in that file) let extensions name
    the place of an author's mistake.
    """
    names = list(
        dict.fromkeys(_BUILTIN_EXTENSIONS + project.markdown_extensions + ["prirucka_admonitions"])
    )
    configs = {name: dict(options) for name, options in project.extension_configs.items()}
    configs.setdefault("toc", {})["permalink"] = False  # no ¶ marks on paper
    for name in LANGUAGE_AWARE:
        if name in names:
            configs[name] = {**configs.get(name, {}), "lang": lang}
    for name in SOURCE_AWARE:
        if name in names:
            configs[name] = {**configs.get(name, {}), "path": str(path), "line": line}
    if "prirucka_glossary" in names:
        configs["prirucka_glossary"]["glossary"] = str(project.glossary_path)
        if glossary is not None:
            configs["prirucka_glossary"]["terms"] = glossary
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    return md.convert(text)


def _shown(project: Project, file: Path) -> str:
    """A chapter's file as the author knows it: relative to the project."""
    try:
        return file.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return str(file)


def _parse(html: str) -> etree.Element:
    document = tinyhtml5.parse(
        f"<!DOCTYPE html><html><body>{html}</body></html>", namespace_html_elements=False
    )
    return document.find("body")


_NAMESPACES = {
    "http://www.w3.org/2000/svg": "",
    "http://www.w3.org/1998/Math/MathML": "",
    "http://www.w3.org/1999/xlink": "xlink",
    "http://www.w3.org/XML/1998/namespace": "xml",
}


def _plain_names(body: etree.Element) -> None:
    """Inline SVG and MathML serialised as written (`<svg xmlns=…>`), not as `<ns0:svg>`."""
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            namespace, local = element.tag[1:].split("}", 1)
            element.tag = local
            if local in ("svg", "math"):
                element.set("xmlns", namespace)
                element.set("xmlns:xlink", "http://www.w3.org/1999/xlink")
        for name in [n for n in element.attrib if n.startswith("{")]:
            namespace, local = name[1:].split("}", 1)
            prefix = _NAMESPACES.get(namespace, "")
            element.set(f"{prefix}:{local}" if prefix else local, element.attrib.pop(name))


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _note(text: str) -> etree.Element:
    """A footnote WeasyPrint floats to the foot of the page."""
    span = etree.Element("span", {"class": "footnote"})
    span.text = text
    return span


def _inline_note(item: etree.Element) -> etree.Element:
    """A footnote's <li> as one inline run: paragraphs joined, the ↩ back-link dropped."""
    note = etree.Element("span", {"class": "footnote"})
    note.text = (item.text or "").strip()
    for child in list(item):
        if child.tag == "p":
            if len(note):
                last = note[-1]
                last.tail = (last.tail or "") + " " + (child.text or "")
            else:
                note.text = f"{note.text} {child.text or ''}" if note.text else child.text or ""
            for grandchild in list(child):
                note.append(grandchild)
        else:
            note.append(child)
    for backref in [a for a in note if "footnote-backref" in (a.get("class") or "")]:
        index = list(note).index(backref)
        # Keep the text after the back-link; drop the non-breaking space before it.
        if index:
            previous = note[index - 1]
            previous.tail = (
                (previous.tail or "").rstrip("\u00a0 ") + (backref.tail or "")
            ).rstrip()
        else:
            note.text = (note.text.rstrip("\u00a0 ") + (backref.tail or "")).rstrip()
        note.remove(backref)
    return note


class _Rewriter:
    def __init__(
        self, project: Project, chapter: Chapter, anchors: dict[str, str], out: ChapterHTML
    ) -> None:
        self.project = project
        self.chapter = chapter
        self.anchors = anchors  # chapter path -> chapter anchor, for this PDF part
        self.out = out
        self.prefix = chapter.anchor
        # Addresses already printed as a footnote in this part of the publication: a
        # reader finds them there, and the same note page after page would look like
        # a running footer (PDF/UA checkers take it for one).
        self.printed: set[str] = set()

    def local_id(self, value: str) -> str:
        return f"{self.prefix}--{value}"

    def ids(self, body: etree.Element) -> None:
        for element in body.iter():
            if element.get("id"):
                element.set("id", self.local_id(element.get("id")))

    def footnotes(self, body: etree.Element) -> None:
        """Markdown footnotes become WeasyPrint footnotes at the foot of the page."""
        notes: dict[str, etree.Element] = {}
        parents = {child: parent for parent in body.iter() for child in parent}
        for block in [d for d in body.iter("div") if "footnote" in (d.get("class") or "").split()]:
            for item in block.iter("li"):
                notes[item.get("id", "")] = item
            parents[block].remove(block)
        for sup in list(body.iter("sup")):
            link = sup.find("a")
            if link is None or "footnote-ref" not in (link.get("class") or ""):
                continue
            target = notes.get(self.local_id(link.get("href", "#")[1:]))
            if target is None:
                continue
            note = _inline_note(copy.deepcopy(target))
            tail = sup.tail
            sup.clear()
            sup.tag = "span"
            sup.attrib["class"] = "footnote-call-site"
            sup.append(note)
            sup.tail = tail

    def links(self, body: etree.Element) -> None:
        parents = {child: parent for parent in body.iter() for child in parent}
        for link in list(body.iter("a")):
            href = link.get("href")
            if href is None:
                continue
            parts = urlsplit(href)
            if parts.scheme in _EXTERNAL_SCHEMES:
                if parts.scheme in ("http", "https") and _text(link) != href:
                    self._print_address(link, href, parents)
                continue
            if parts.scheme or parts.netloc:
                continue  # unknown schemes stay as written; the URL fetcher guards embedding
            if not parts.path:
                if parts.fragment:
                    link.set("href", "#" + self.local_id(parts.fragment))
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(self.chapter.path), parts.path)
            )
            if target.endswith("/"):
                target += "index.md"
            if target in self.anchors:
                anchor = self.anchors[target]
                link.set("href", f"#{anchor}--{parts.fragment}" if parts.fragment else f"#{anchor}")
                continue
            if not self.project.site_url:
                link.attrib.pop("href")  # nowhere to point a paper reader to
                continue
            if target.endswith(".md"):
                url = self.project.page_url(self.chapter.reader_lang, target)
            else:
                url = self.project.site_url.rstrip("/") + "/" + target.lstrip("/")
            if parts.fragment:
                url += "#" + parts.fragment
            link.set("href", url)
            self._print_address(link, url, parents)

    def _print_address(self, link: etree.Element, url: str, parents: dict) -> None:
        if url in self.printed:
            return
        self.printed.add(url)
        note = _note(url)
        note.set("class", "footnote link-address")
        parent = parents.get(link)
        if parent is None:
            return
        index = list(parent).index(link)
        note.tail = link.tail
        link.tail = None
        parent.insert(index + 1, note)

    def images(self, body: etree.Element) -> None:
        source_dir = self.chapter.file.parent
        for image in body.iter("img"):
            src = image.get("src", "")
            parts = urlsplit(src)
            if not parts.scheme and parts.path:
                path = self._asset(source_dir / parts.path)
                image.set("src", path.as_uri())
                if path.is_file():
                    self.out.files.append(path)
                else:
                    self.out.warnings.append(f"{self.chapter.file}: image `{src}` not found")
            if not (image.get("alt") or "").strip():
                self.out.warnings.append(
                    f"{self.chapter.file}: image `{src}` has no alt text; describe it in ![…] for readers who cannot see it"
                )

    def _asset(self, written: Path) -> Path:
        """Where the site finds a file a page links to.

        As mkdocs-static-i18n does: `../assets/x.png` from docs/cs/section/ means
        docs/cs/assets/x.png if it exists, else the other languages' copy, else
        the shared docs/assets/x.png.
        """
        path = written.resolve()
        language_root = self.project.language_dir(self.chapter.text_lang).resolve()
        if path.is_file() or not path.is_relative_to(language_root):
            return path
        relative = path.relative_to(language_root)
        others = [self.project.language_dir(lang) for lang in self.project.languages]
        for root in [*others, self.project.docs_dir]:
            candidate = (root / relative).resolve()
            if candidate.is_file():
                return candidate
        return path

    def figures(self, body: etree.Element) -> None:
        for paragraph in list(body.iter("p")):
            children = list(paragraph)
            if (
                len(children) != 1
                or children[0].tag != "img"
                or (paragraph.text or "").strip()
                or (children[0].tail or "").strip()
            ):
                continue
            image = children[0]
            paragraph.tag = "figure"
            paragraph.text = None
            caption = image.attrib.pop("title", None)
            if caption:
                figcaption = etree.SubElement(paragraph, "figcaption")
                figcaption.text = caption

    def headings(self, body: etree.Element) -> None:
        first_h1 = True
        for element in body.iter():
            if element.tag in ("h1", "h2", "h3"):
                level = int(element.tag[1])
                if level == 1 and first_h1:
                    element.set("class", (element.get("class", "") + " chapter-title").strip())
                    first_h1 = False
                self.out.headings.append((level, element.get("id", ""), _text(element)))


def running_head(title: str, fallback: str) -> str:
    """A running head short enough for the top of a page (and not read as prose).

    A long title gives its part before a dash or colon when that is short, else
    the publication's title.
    """
    if len(title.split()) <= RUNNING_HEAD_WORDS:
        return title
    for separator in (" – ", " — ", ": "):
        head = title.split(separator, 1)[0]
        if head != title and len(head.split()) <= RUNNING_HEAD_WORDS:
            return head
    return fallback


def _meta(document: frontmatter.Document, lang: str) -> schema.DocumentMeta | None:
    """The page's typed front matter, or None where it has none (or the site does not check
    it: the documents plugin and `prirucka check` report the mistakes, not print)."""
    if "type" not in document.meta:
        return None
    try:
        return schema.validate(document, lang)
    except AuthorError:
        return None


def _audience(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, list) else []


def _facts(lang: str, meta: schema.DocumentMeta | None) -> etree.Element | None:
    """The page's key facts (project) or header box (methodology), as on the site."""
    if meta is None:
        return None
    if meta.type == "project":
        box = factbox.project_box(lang, meta)
    elif meta.type == "methodology":
        box = factbox.methodology_box(lang, meta)
    else:
        return None
    if not box:
        return None
    element = _parse(box)[0]
    # The results are figure and label pairs, not a list of terms: <dl> with <div>s would
    # be a list of non-items in the PDF's structure.
    for results in [e for e in element.iter("dl") if "prirucka-results" in (e.get("class") or "")]:
        results.tag = "div"
        for pair in results:
            for part in pair:
                part.set("class", (part.get("class") or "prirucka-results__label").strip())
                part.tag = "p"
    typeset_tree(element, lang)
    return element


def section(body: etree.Element, anchor: str) -> etree.Element | None:
    """The heading with id `anchor` and what follows it up to the next heading of its level."""
    children = list(body)
    for index, element in enumerate(children):
        if element.get("id") != anchor or element.tag not in ("h1", "h2", "h3", "h4"):
            continue
        level = int(element.tag[1])
        out = etree.Element("div", {"class": "back-cover-section"})
        out.append(element)
        for following in children[index + 1 :]:
            if following.tag in ("h1", "h2", "h3", "h4")[:level]:
                break
            out.append(following)
        return out
    return None


def _record_sheets(body: etree.Element) -> None:
    """A record sheet's fields share its page in proportion to their lines: each gets its
    lines as flex-grow, and the unlabelled lines join the fields as the last one."""
    for sheet in [
        e for e in body.iter("div") if "prirucka-record" in (e.get("class") or "").split()
    ]:
        fields = next(
            (e for e in sheet if "prirucka-record__fields" in (e.get("class") or "")), None
        )
        if fields is None:
            continue
        for child in list(sheet):
            if "prirucka-record__notes" in (child.get("class") or ""):
                sheet.remove(child)
                fields.append(child)
        for item in fields:
            lines = item.get("data-lines") or "1"
            item.set("style", f"flex-grow: {int(lines)}")


def render_chapter(
    project: Project,
    chapter: Chapter,
    anchors: dict[str, str],
    pages: Sources | None = None,
    glossary: Glossary | None = None,
    short_title: str = "",
    only: str | None = None,
    printed: set[str] | None = None,
) -> ChapterHTML:
    """The chapter's print HTML (body content only).

    `pages` and `glossary` come from the build context (default: read from disk);
    `short_title` stands in a running head for a long chapter title; `only`
    names a section (a heading's id) to render alone, for a back cover;
    `printed` holds the web addresses already given as footnotes in this part of
    the publication (they are not repeated; it is updated).
    """
    document = (pages.document(chapter.text_lang, chapter.path) if pages else None) or (
        frontmatter.read(chapter.file, project.root)
    )
    meta = _meta(document, chapter.text_lang)
    shown = _shown(project, chapter.file)
    html = markdown_to_html(
        document.body, chapter.text_lang, project, shown, document.body_line, glossary
    )
    # Cleaned before the links are rewritten: no javascript: link ever becomes a PDF link.
    cleaned = sanitize.clean(html)
    body = _parse(cleaned.html)
    title = str(document.meta.get("title") or "")
    audience = list(meta.audience) if meta else _audience(document.meta.get("audience"))
    out = ChapterHTML(chapter=chapter, title=title, html="", audience=audience)
    out.errors = [
        f"{f.path}:{f.line}:{f.col}: {f.code}: {f.message} ({f.hint})"
        for f in sanitize.findings(shown, cleaned.problems, document.body, document.body_line)
    ]
    rewriter = _Rewriter(project, chapter, anchors, out)
    if printed is not None:
        rewriter.printed = printed
    if only is not None:
        rewriter.prefix = f"back-{chapter.anchor}"
    rewriter.ids(body)
    rewriter.footnotes(body)  # before a section is picked: the notes sit at the page's end
    if only is not None:
        # Anchors as the author wrote them (the page's own ids) pick the section.
        part = section(body, rewriter.local_id(only))
        if part is None:
            prefix = rewriter.local_id("")
            known = [
                e.get("id")[len(prefix) :]
                for e in body
                if e.tag in ("h1", "h2", "h3") and (e.get("id") or "").startswith(prefix)
            ]
            raise ValueError(f"no section `#{only}`; the page's sections: {', '.join(known)}")
        body = _parse("")
        body.append(part)
    rewriter.links(body)
    rewriter.images(body)
    rewriter.figures(body)
    rewriter.headings(body)
    _plain_names(body)
    if not title:
        out.title = next((text for level, _, text in out.headings if level == 1), chapter.path)
    if only is None and not any(level == 1 for level, _, _ in out.headings):
        heading = etree.Element("h1", {"class": "chapter-title", "id": rewriter.local_id("title")})
        heading.text = out.title
        body.insert(0, heading)
        out.headings.insert(0, (1, heading.get("id"), out.title))
    if only is None:
        first = next(body.iter("h1"))
        first.set("data-running-head", running_head(_text(first), short_title or out.title))
        facts = _facts(chapter.text_lang, meta)
        if facts is not None:
            # Its ids (the sources' notes) are the chapter's own, as the text's are.
            rewriter.ids(facts)
            for link in facts.iter("a"):
                href = link.get("href") or ""
                if href.startswith("#"):
                    link.set("href", "#" + rewriter.local_id(href[1:]))
            body.insert(list(body).index(first) + 1 if first in list(body) else 0, facts)
    _record_sheets(body)
    breakable_addresses(body)
    keep_last_words(body)
    out.html = (body.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in body
    )
    return out
