"""The bilingual term base (handbook/glossary.yml): reading, matching, checking.

Each entry is one concept with a side per language:

    - id: ospod
      cs:
        term: orgán sociálně-právní ochrany dětí
        abbr: OSPOD
        definition: Úřad obce s rozšířenou působností, který …
      en:
        term: social and legal protection of children authority
        abbr: OSPOD
        avoid: [organ of social-legal protection, {text: child witness, when: aligned}]
        definition: The municipal authority that …
      note: 'orgán' is a false friend (not 'organ').

Czech inflects, so Czech terms match on word stems (`match: exact` turns that
off; `forms:` lists extra forms); English terms match with their plurals.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from . import yamlfile
from .cache import file_digest
from .findings import Finding
from .mdtext import position, prose

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SIDE_KEYS = {"term", "abbr", "forms", "avoid", "definition", "match"}
_ENTRY_KEYS = {"id", "cs", "en", "note"}
# Czech endings stripped to find a stem; longest first.
_CS_ENDINGS = sorted(
    "ovému ového ovými ových ovou ová ové ový ovi ech ách ích ými ami emi ům ou em ím ho mu "
    "ých ým é á í ý ě e a i o u y ů".split(),
    key=len,
    reverse=True,
)
_EN_IRREGULAR = {
    "child": "child(?:ren)?",
    "person": "(?:person|persons|people)",
    "woman": "wom[ae]n",
    "man": "m[ae]n",
}
# Words of a term are separated by spaces or one line break, never by a blank line
# (a heading and the paragraph after it are not one phrase).
SPACE = r"(?:[ \t\u00a0]|\n(?![ \t\u00a0]*\n))+"
# Every term and variant starts after this: not inside a word or a hyphenated compound.
_BOUNDARY_BEFORE = r"(?<![\w-])"


@dataclass(frozen=True)
class Variant:
    text: str
    aligned_only: bool = False  # flag only where the source page uses the entry's term


@dataclass(frozen=True)
class Side:
    term: str
    definition: str
    abbr: str | None = None
    forms: tuple[str, ...] = ()
    avoid: tuple[Variant, ...] = ()
    exact: bool = False


@dataclass(frozen=True)
class Entry:
    id: str
    sides: dict[str, Side]
    note: str = ""
    line: int = 1


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int
    end: int
    text: str
    is_abbr: bool = False


def _cs_word(word: str) -> str:
    if not word.isalpha() or word.isupper() or len(word) <= 3:
        return re.escape(word)
    for ending in _CS_ENDINGS:
        if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
            return re.escape(word[: -len(ending)]) + r"\w*"
    return re.escape(word) + r"\w*"


def _en_word(word: str) -> str:
    lower = word.lower()
    if lower in _EN_IRREGULAR:
        return _EN_IRREGULAR[lower]
    if not word.isalpha() or word.isupper():
        return re.escape(word).replace("'", "['’]")
    if lower.endswith("y") and len(lower) > 3 and lower[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies)"
    return re.escape(word) + "(?:s|es)?"


def _phrase(text: str, lang: str, exact: bool) -> str:
    words = text.split()
    if exact:
        parts = [re.escape(word) for word in words]
    elif lang == "cs":
        parts = ["-".join(_cs_word(p) for p in word.split("-")) for word in words]
    else:
        parts = ["-".join(_en_word(p) for p in word.split("-")) for word in words]
    return SPACE.join(parts)


def _bounded(pattern: str) -> str:
    return rf"{_BOUNDARY_BEFORE}{pattern}(?![\w-])"


class _Matcher:
    """Every match of many patterns in one pass, as if each ran `finditer` on its own.

    All patterns start with the same word boundary, so one combined pattern,
    a look-ahead over all of them, finds the places where any can start; only
    there, and only the patterns whose first letter is the one found there,
    are tried. Each pattern skips places inside its own previous match, as
    `finditer` does, so matches of different patterns may overlap.
    """

    def __init__(self, patterns: list[tuple[re.Pattern, set[str]]]) -> None:
        self.patterns = [pattern for pattern, _ in patterns]
        self._by_first: dict[str, list[int]] = {}
        for index, (_, firsts) in enumerate(patterns):
            for first in firsts:
                self._by_first.setdefault(first, []).append(index)
        alternatives = []
        for pattern in self.patterns:
            body = pattern.pattern.removeprefix(_BOUNDARY_BEFORE)
            flags = "i" if pattern.flags & re.I else "-i"
            alternatives.append(f"(?{flags}:{body})")
        self._starts = (
            re.compile(rf"{_BOUNDARY_BEFORE}(?=(?:{'|'.join(alternatives)}))")
            if alternatives
            else None
        )

    def find(self, text: str) -> list[tuple[int, re.Match]]:
        """(pattern index, match) for every match, ordered by pattern, then position."""
        if self._starts is None:
            return []
        every = range(len(self.patterns))
        ends = [0] * len(self.patterns)
        found: list[tuple[int, re.Match]] = []
        for start in self._starts.finditer(text):
            position = start.start()
            # Unusual case folding (ſ, K): try every pattern rather than guess.
            for index in self._by_first.get(text[position].lower(), every):
                if position < ends[index]:
                    continue
                match = self.patterns[index].match(text, position)
                if match:
                    found.append((index, match))
                    ends[index] = match.end()
        found.sort(key=lambda item: (item[0], item[1].start()))
        return found


_CACHE_SIZE = 16  # texts whose terms are kept


class Glossary:
    def __init__(self, entries: list[Entry], path: Path | None = None) -> None:
        self.entries = entries
        self.path = path
        # (lang, text) -> all_terms(): a page asks several times (marking up, checking,
        # the terms a translation needs), so each text is matched once.
        self._terms_cache: OrderedDict[tuple[str, str], tuple[Match, ...]] = OrderedDict()

    # --- matching -------------------------------------------------------------------

    @cached_property
    def _term_patterns(self) -> dict[str, list[tuple[re.Pattern, Entry, bool]]]:
        result: dict[str, list[tuple[re.Pattern, Entry, bool]]] = {}
        for lang in ("cs", "en"):
            patterns = []
            for entry in self.entries:
                side = entry.sides.get(lang)
                if side is None:
                    continue
                texts = [side.term, *side.forms]
                alternatives = "|".join(_phrase(t, lang, side.exact) for t in texts)
                patterns.append((re.compile(_bounded(f"(?:{alternatives})"), re.I), entry, False))
                if side.abbr:
                    # Czech inflects abbreviations too (OSPODu, OSPODem); English adds 's.
                    suffix = "(?:[a-záčďéěíňóřšťúůýž]{1,3})?" if lang == "cs" else "(?:['’]s)?"
                    patterns.append(
                        (re.compile(_bounded(re.escape(side.abbr) + suffix)), entry, True)
                    )
            result[lang] = patterns
        return result

    @cached_property
    def _term_matchers(self) -> dict[str, _Matcher]:
        """One compiled matcher per language for every term, form and abbreviation."""
        result = {}
        for lang, patterns in self._term_patterns.items():
            firsts = []
            for _, entry, is_abbr in patterns:
                side = entry.sides[lang]
                texts = [side.abbr or ""] if is_abbr else [side.term, *side.forms]
                firsts.append({text[:1].lower() for text in texts})
            result[lang] = _Matcher([(p, f) for (p, _, _), f in zip(patterns, firsts, strict=True)])
        return result

    def all_terms(self, text: str, lang: str) -> list[Match]:
        """Every use of every term, overlapping ones too ("contact with the child at risk"
        uses two); a term inside a longer one ("sociálně-právní ochrana dětí" inside
        "orgán sociálně-právní ochrany dětí") is part of that one, not a use of its own."""
        key = (lang, text)
        cached = self._terms_cache.get(key)
        if cached is None:
            cached = tuple(self._all_terms(text, lang))
            self._terms_cache[key] = cached
            if len(self._terms_cache) > _CACHE_SIZE:
                self._terms_cache.popitem(last=False)
        else:
            self._terms_cache.move_to_end(key)
        return list(cached)

    def _all_terms(self, text: str, lang: str) -> list[Match]:
        matcher = self._term_matchers.get(lang)
        if matcher is None:
            return []
        patterns = self._term_patterns[lang]
        found = [
            Match(patterns[index][1], m.start(), m.end(), m.group(0), patterns[index][2])
            for index, m in matcher.find(text)
        ]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        # Drop every match inside a longer one. In this order a longer match that
        # contains m comes before it: it starts earlier and ends no sooner, or starts
        # at the same place and ends later (the first of its start is the longest).
        kept = []
        reach = -1  # the furthest end of the matches that start before this one
        group_start, group_end, group_reach = -1, -1, -1
        for m in found:
            if m.start != group_start:
                reach = max(reach, group_reach)
                group_start, group_end = m.start, m.end
                group_reach = m.end
            else:
                group_reach = max(group_reach, m.end)
            if reach >= m.end or group_end > m.end:
                continue
            kept.append(m)
        return kept

    def find_terms(self, text: str, lang: str) -> list[Match]:
        """The uses of glossary terms to mark up in `text`: where two overlap, the longer wins."""
        return _without_overlaps(self.all_terms(text, lang))

    def used_entries(self, text: str, lang: str) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for match in self.all_terms(text, lang):
            seen.setdefault(match.entry.id, match.entry)
        return list(seen.values())

    @cached_property
    def _variant_patterns(self) -> dict[str, list[tuple[re.Pattern, Entry, Variant]]]:
        result: dict[str, list] = {"cs": [], "en": []}
        for entry in self.entries:
            for lang, side in entry.sides.items():
                for variant in side.avoid:
                    flags = 0 if variant.text.isupper() else re.I
                    pattern = re.compile(
                        _bounded(SPACE.join(re.escape(w) for w in variant.text.split())), flags
                    )
                    result[lang].append((pattern, entry, variant))
        return result

    @cached_property
    def _variant_matchers(self) -> dict[str, _Matcher]:
        return {
            lang: _Matcher([(p, {v.text[:1].lower()}) for p, _, v in patterns])
            for lang, patterns in self._variant_patterns.items()
        }

    def find_variants(self, text: str, lang: str) -> list[tuple[Match, Variant]]:
        found = []
        matcher = self._variant_matchers.get(lang)
        patterns = self._variant_patterns.get(lang, [])
        for index, match in matcher.find(text) if matcher else ():
            _, entry, variant = patterns[index]
            found.append((Match(entry, match.start(), match.end(), match.group(0)), variant))
        kept = _without_overlaps([m for m, _ in found])
        # A variant inside a preferred term ("curator" in "social curator for
        # children and youth") is the preferred term, not the variant.
        terms = [m for m in self.find_terms(text, lang) if not m.is_abbr]
        kept = [
            m
            for m in kept
            if not any(
                t.start <= m.start and m.end <= t.end and (t.end - t.start) > (m.end - m.start)
                for t in terms
            )
        ]
        return [(m, v) for m, v in found if m in kept]

    def search_terms(self, text: str, lang: str) -> list[str]:
        """Words a search index should also know this page by: the variants and
        abbreviations of the glossary terms it uses."""
        words: list[str] = []
        for entry in self.used_entries(text, lang):
            side = entry.sides.get(lang)
            if side is None:
                continue
            words.extend(
                [side.term, *([side.abbr] if side.abbr else []), *(v.text for v in side.avoid)]
            )
        return list(dict.fromkeys(words))

    # --- checking ---------------------------------------------------------------------

    def check(
        self,
        path: str,
        markdown: str,
        lang: str,
        first_line: int = 1,
        source: tuple[str, str, str, int] | None = None,
    ) -> list[Finding]:
        """Terminology findings for a page (`markdown` is its body, starting at `first_line`).

        `source` is (language, body, path, first line) of the page it was
        translated from, if any.
        """
        text = prose(markdown)
        source_entries = (
            {e.id for e in self.used_entries(prose(source[1]), source[0])} if source else set()
        )
        findings = []
        for match, variant in self.find_variants(text, lang):
            if variant.aligned_only and match.entry.id not in source_entries:
                continue
            line, col = position(text, match.start)
            side = match.entry.sides[lang]
            others = [f"{code}: {s.term}" for code, s in match.entry.sides.items() if code != lang]
            message = f"“{match.text}” is a variant to avoid; use “{side.term}”" + (
                f" ({', '.join(others)})" if others else ""
            )
            note = f"note: {match.entry.note}" if match.entry.note else ""
            findings.append(
                Finding(path, line + first_line - 1, col, "warning", "term-variant", message, note)
            )
        if source is not None and source[0] == "cs" and lang == "en":
            source_lang, source_body, source_path, source_first = source
            used_here = {e.id for e in self.used_entries(text, lang)}
            source_text = prose(source_body)
            # Reported at the first line of text: there is no single place the term is missing from.
            start = len(markdown) - len(markdown.lstrip())
            line = position(markdown, start)[0] + first_line - 1
            for entry in self.used_entries(source_text, source_lang):
                if entry.id in used_here or "en" not in entry.sides:
                    continue
                first = next(
                    m for m in self.all_terms(source_text, source_lang) if m.entry.id == entry.id
                )
                source_line = position(source_text, first.start)[0] + source_first - 1
                findings.append(
                    Finding(
                        path,
                        line,
                        1,
                        "warning",
                        "term-missing",
                        f"{source_path}:{source_line} uses “{first.text}”; this translation should use "
                        f"“{entry.sides['en'].term}” and uses none of its forms",
                        f"note: {entry.note}" if entry.note else "",
                    )
                )
        return sorted(findings, key=lambda f: (f.line, f.col))


def _without_overlaps(matches: list[Match]) -> list[Match]:
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


# --- reading and validating ------------------------------------------------------------


def _variants(located: yamlfile.Located, key: tuple, value) -> tuple[Variant, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise located.error(
            key,
            "`avoid` must be a list, e.g. [intervention center, {text: offender, when: aligned}]",
        )
    result = []
    for index, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            result.append(Variant(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            when = item.get("when")
            if when not in (None, "aligned") or set(item) - {"text", "when"}:
                raise located.error((*key, index), "a variant is text, or {text: …, when: aligned}")
            result.append(Variant(item["text"].strip(), when == "aligned"))
        else:
            raise located.error((*key, index), "a variant is text, or {text: …, when: aligned}")
    return tuple(result)


def _side(located: yamlfile.Located, key: tuple, value) -> Side:
    if not isinstance(value, dict):
        raise located.error(key, f"`{key[-1]}` must be a block with `term:` and `definition:`")
    unknown = sorted(set(value) - _SIDE_KEYS)
    if unknown:
        raise located.error(
            (*key, unknown[0]),
            f"unknown key `{unknown[0]}`; known keys: {', '.join(sorted(_SIDE_KEYS))}",
        )
    for required in ("term", "definition"):
        if not isinstance(value.get(required), str) or not value[required].strip():
            raise located.error(
                key,
                f"`{key[-1]}.{required}` is missing; every language needs a term and a short definition",
            )
    forms = value.get("forms") or []
    if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        raise located.error((*key, "forms"), "`forms` must be a list of the term's other forms")
    match = value.get("match", "stem")
    if match not in ("stem", "exact"):
        raise located.error((*key, "match"), "`match` is `stem` (default) or `exact`")
    abbr = value.get("abbr")
    if abbr is not None and (not isinstance(abbr, str) or not abbr.strip()):
        raise located.error((*key, "abbr"), "`abbr` must be text, e.g. OSPOD")
    return Side(
        term=value["term"].strip(),
        definition=" ".join(value["definition"].split()),
        abbr=abbr.strip() if abbr else None,
        forms=tuple(f.strip() for f in forms),
        avoid=_variants(located, (*key, "avoid"), value.get("avoid")),
        exact=match == "exact",
    )


def load(path: str | Path) -> Glossary:
    """Read and validate a glossary file; raise AuthorError naming the line."""
    path = Path(path)
    located = yamlfile.load(path)
    data = located.data or []
    if not isinstance(data, list):
        raise located.error((), "the glossary is a list of entries, each starting with `- id: …`")
    entries: list[Entry] = []
    ids: dict[str, int] = {}
    terms: dict[tuple[str, str], str] = {}
    for index, raw in enumerate(data):
        key = (index,)
        if not isinstance(raw, dict):
            raise located.error(key, "each entry is a block with `id`, `cs` and `en`")
        unknown = sorted(set(raw) - _ENTRY_KEYS)
        if unknown:
            raise located.error(
                (*key, unknown[0]),
                f"unknown key `{unknown[0]}`; known keys: {', '.join(sorted(_ENTRY_KEYS))}",
            )
        entry_id = raw.get("id")
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            raise located.error(
                (*key, "id"), "`id` must be lowercase ASCII letters, digits and hyphens, e.g. ospod"
            )
        if entry_id in ids:
            raise located.error(
                (*key, "id"), f"duplicate id `{entry_id}` (first on line {ids[entry_id]})"
            )
        ids[entry_id] = located.line(*key, "id")
        missing = [lang for lang in ("cs", "en") if lang not in raw]
        if missing:
            raise located.error(
                key,
                f"entry `{entry_id}` has no {' and '.join(missing)} side; every term needs both languages",
            )
        sides = {lang: _side(located, (*key, lang), raw[lang]) for lang in ("cs", "en")}
        for lang, side in sides.items():
            for text in (side.term, *side.forms):
                normal = " ".join(text.casefold().split())
                if (lang, normal) in terms:
                    raise located.error(
                        (*key, lang, "term"),
                        f"duplicate {lang} term “{text}” (also in entry `{terms[(lang, normal)]}`)",
                    )
                terms[(lang, normal)] = entry_id
        note = raw.get("note") or ""
        entries.append(
            Entry(entry_id, sides, " ".join(str(note).split()), located.line(*key, "id") or 1)
        )
    # A variant to avoid must never be somebody's preferred term.
    for index, entry in enumerate(entries):
        for lang, side in entry.sides.items():
            for number, variant in enumerate(side.avoid):
                owner = terms.get((lang, " ".join(variant.text.casefold().split())))
                if owner:
                    raise located.error(
                        (index, lang, "avoid", number),
                        f"“{variant.text}” is listed to avoid but is the preferred {lang} term of `{owner}`",
                    )
    return Glossary(entries, path)


# --- presenting ------------------------------------------------------------------------


@lru_cache(maxsize=4)
def load_exactly(path: str, digest: str) -> Glossary:
    """The glossary at `path` as it was when its `digest` was taken, loaded once per
    process (a helper process checks many pages with it); a changed file is an error."""
    glossary = load(path)
    if file_digest(Path(path)) != digest:
        raise RuntimeError(f"{path} changed during the build")
    return glossary


def page_findings(
    glossary_path: str,
    digest: str,
    path: str,
    markdown: str,
    lang: str,
    first_line: int,
    source: tuple[str, str, str, int] | None,
) -> list[str]:
    """`Glossary.check`'s findings for a page, as text: what a helper process returns."""
    glossary = load_exactly(glossary_path, digest)
    return [str(f) for f in glossary.check(path, markdown, lang, first_line, source)]


def sorted_entries(entries: list[Entry], lang: str) -> list[Entry]:
    """Entries in the alphabetical order of `lang` (Czech: ch after h)."""
    from .collation import sort_key

    key = sort_key(lang)
    return sorted((e for e in entries if lang in e.sides), key=lambda e: key(e.sides[lang].term))


def initial(term: str, lang: str) -> str:
    """The letter an entry is listed under: 'Ch' is a letter of its own in Czech."""
    if lang == "cs" and term[:2].casefold() == "ch":
        return "Ch"
    letter = term[:1].upper()
    if lang == "cs":
        return (
            letter
            if letter in "ČŘŠŽ"
            else {
                "Á": "A",
                "É": "E",
                "Í": "I",
                "Ó": "O",
                "Ú": "U",
                "Ý": "Y",
                "Ď": "D",
                "Ť": "T",
                "Ň": "N",
            }.get(letter, letter)
        )
    import unicodedata

    return unicodedata.normalize("NFKD", letter)[0]
