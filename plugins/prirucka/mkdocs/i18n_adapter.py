"""The one place that knows mkdocs-static-i18n's internals.

mkdocs-static-i18n runs the whole build once per language. Our plugins ask this
module which language is being built and let it add the pages a language lacks;
nothing else reads or writes the i18n plugin's attributes, so a change there
(or a move to another i18n plugin) is a change here only.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel


def _i18n(config: MkDocsConfig):
    return config.plugins.get("i18n")


def current_language(config: MkDocsConfig) -> str:
    """The language this build pass is rendering (the site's only language without i18n)."""
    plugin = _i18n(config)
    if plugin is not None and plugin.current_language:
        return plugin.current_language
    return str(config.theme.get("language") or "en")


def default_language(config: MkDocsConfig) -> str:
    plugin = _i18n(config)
    return plugin.default_language if plugin is not None else current_language(config)


def build_languages(config: MkDocsConfig) -> list[str]:
    """Languages built, the default first."""
    plugin = _i18n(config)
    if plugin is None:
        return [current_language(config)]
    default = plugin.default_language
    return [default] + [lang for lang in plugin.build_languages if lang != default]


def in_nested_build(config: MkDocsConfig) -> bool:
    """True while i18n re-runs the build for a further language (not the last pass)."""
    plugin = _i18n(config)
    return bool(plugin is not None and plugin.building)


def language_prefix(config: MkDocsConfig, lang: str) -> str:
    """URL folder of a language: '' for the default language, 'en/' for English."""
    return "" if lang == default_language(config) else f"{lang}/"


def source_language(file: File, config: MkDocsConfig) -> str:
    """The language a page's text is written in (its docs/<lang>/ folder)."""
    return getattr(file, "locale", None) or current_language(config)


def norm_path(file: File) -> str:
    """A page's path without its language folder: 'projekty/index.md'."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def _copy_for(file: File, lang: str, rel_dest: str, config: MkDocsConfig) -> File:
    """A File that renders `file`'s source at `rel_dest` under `lang`'s URL folder."""
    dest = language_prefix(config, lang) + rel_dest
    return File(
        file.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls, dest_uri=dest
    )


def add_missing_pages(files: Files, all_pages: list[File], config: MkDocsConfig) -> list[File]:
    """Serve every page path in this build's language, whatever language it exists in.

    mkdocs-static-i18n falls back only to the default language; a page written
    only in English would be unreachable under the Czech site. Add a copy of it
    (marked as coming from its own language) and give every page an alternate in
    every language, since each path now exists in each language's URL space.
    Returns the copies added.
    """
    lang = current_language(config)
    languages = build_languages(config)
    present = {norm_path(f) for f in files.documentation_pages()}
    added: list[File] = []
    for original in all_pages:
        parts = PurePosixPath(original.src_uri).parts
        if len(parts) < 2 or parts[0] not in languages or parts[0] == lang:
            continue
        norm = PurePosixPath(*parts[1:]).as_posix()
        if norm in present:
            continue
        rel_dest = PurePosixPath(original.dest_uri).relative_to(parts[0]).as_posix()
        # The copy stands in this language's folder (its links resolve against this
        # language's pages, as the reader follows them here) but reads the original.
        copy = File(
            f"{lang}/{norm}",
            config.docs_dir,
            config.site_dir,
            config.use_directory_urls,
            dest_uri=language_prefix(config, lang) + rel_dest,
        )
        copy.abs_src_path = original.abs_src_path
        copy.locale = parts[0]
        copy.localization = parts[0]
        copy.locale_alternate_of = lang
        copy.norm_src_uri = norm
        copy.alternates = {lang: copy, parts[0]: _copy_for(original, parts[0], rel_dest, config)}
        files.append(copy)
        present.add(norm)
        added.append(copy)

    for page in files.documentation_pages():
        alternates = getattr(page, "alternates", None)
        if alternates is None:
            continue
        rel_dest = page.dest_uri
        prefix = language_prefix(config, lang)
        if prefix and rel_dest.startswith(prefix):
            rel_dest = rel_dest[len(prefix) :]
        for other in languages:
            if other not in alternates:
                alternates[other] = _copy_for(page, other, rel_dest, config)
    return added


def original_url(file: File, config: MkDocsConfig) -> str:
    """Site-relative URL of the page in the language its text is written in."""
    lang = source_language(file, config)
    alternates = getattr(file, "alternates", {}) or {}
    if lang in alternates:
        return alternates[lang].url
    return file.url


def add_generated_page(
    files: Files, config: MkDocsConfig, path: str, content: str, in_nav: bool = True
) -> File:
    """Add a page made at build time (e.g. 'publikace.md') to this language's site."""
    lang = current_language(config)
    probe = File(path, None, config.site_dir, config.use_directory_urls)
    page = File(
        f"{lang}/{path}",
        None,
        config.site_dir,
        config.use_directory_urls,
        dest_uri=language_prefix(config, lang) + probe.dest_uri,
        inclusion=InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV,
    )
    page.generated_by = "prirucka"
    page.content_string = content
    page.locale = lang
    page.localization = lang
    page.locale_alternate_of = lang
    page.norm_src_uri = path
    page.alternates = {
        other: File(
            path,
            None,
            config.site_dir,
            config.use_directory_urls,
            dest_uri=language_prefix(config, other) + probe.dest_uri,
        )
        for other in build_languages(config)
    }
    page.alternates[lang] = page
    files.append(page)
    return page
