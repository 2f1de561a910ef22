"""Typography of running text: non-breaking spaces, quotes, dashes, ellipses.

Czech follows the Internetová jazyková příručka (ÚJČ AV ČR): a non-breaking
space after one-letter prepositions and conjunctions, between a number and its
unit, inside dates, abbreviations and names, in digit groups; „…“ and ‚…‘
quotes; an en dash in number ranges. English gets curly quotes, en dash ranges,
ellipses and non-breaking spaces in "p. 5", "No. 3" and their kin.

Everything here works on plain strings and knows nothing of HTML or Markdown.
A rule is a named function that finds edits (start, end, replacement) in a
string; each language has an ordered tuple of rules, and any rule can be
switched off by name. The rules only ever replace what is written (a space by a
non-breaking space, a straight quote by a curly one, three dots by an
ellipsis); they never insert a space or a separator that was not there, so
"3% roztok", "1500", "110 00" and "2024-01-15" keep their shape.

`typeset()` applies a language's rules to a string. `typeset_pieces()` does the
same over a run of `Piece`s, which lets a caller (the Markdown extension) lock
parts of a text (code, URLs, other languages) while the rules still see them as
context, and keep every edit inside one of its text nodes.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

NBSP = "\u00a0"


class Edit(NamedTuple):
    """Replace text[start:end] by `text`; found in text[since:until], which must be
    all in the rule's language (by default the replaced span itself)."""

    start: int
    end: int
    text: str
    since: int = -1
    until: int = -1


# --- character classes -------------------------------------------------------

_UPPER = "A-ZÁÄČĎÉĚËÍĽĹŇÓÔÖŔŘŠŤÚŮÜÝŽ"
_LOWER = "a-záäčďéěëíľĺňóôöŕřšťúůüýž"
_SP = "[ \t\n]"  # a space a line may break at
_GAP = "[ \t\n\u00a0\u202f]+"  # any space between two words, breaking or not
_OBJECT = "\ufffc"  # stands for something that is not text (code, an image)
# Something glued to what follows it: no new word starts after these.
_GLUED = r"\w.\-/@&'’\u2019\ufffc"


def _gap(words: str) -> str:
    """A regex for `words` written with single spaces, matching any gap between them."""
    return _GAP.join(re.escape(word) for word in words.split(" "))


def _alternatives(items: Iterable[str]) -> str:
    return "|".join(_gap(item) for item in sorted(set(items), key=len, reverse=True))


# --- data tables -------------------------------------------------------------

# One-letter prepositions and conjunctions: never at the end of a line.
CS_PREPOSITIONS = ("k", "s", "v", "z", "o", "u", "a", "i")

CURRENCIES = ("Kč", "Kčs", "CZK", "EUR", "USD", "GBP", "CHF", "PLN", "€", "$", "£", "¥")
UNITS = (
    # percent, per mille, degrees
    "%", "‰", "°C", "°F", "°",
    # length, area, volume
    "mm", "cm", "dm", "m", "km", "m2", "m3", "m²", "m³", "km²", "cm²", "ha",
    "ml", "cl", "dl", "l", "hl",
    # mass
    "mg", "g", "dkg", "dag", "kg", "t",
    # time, speed, frequency
    "ms", "min", "h", "km/h", "m/s", "Hz", "kHz", "MHz", "GHz",
    # data, energy, power, pressure, sound
    "B", "kB", "MB", "GB", "TB", "W", "kW", "MW", "kWh", "MWh", "V", "kV",
    "J", "kJ", "kcal", "Pa", "kPa", "hPa", "dB",
)  # fmt: skip
CS_UNITS = (*UNITS, "hod.", "ks", "tis.", "mil.", "mld.", "Sb.", "odst.", "písm.")
EN_UNITS = (*UNITS, "hrs", "in.", "ft", "lb", "lbs", "oz", "mi", "mph", "sq ft")
# "5 mil. Kč": these stand between a number and its currency.
CS_MULTIPLIERS = ("tis.", "mil.", "mld.")

# Words and signs that stand before a number and must not be parted from it.
CS_NUMBERING = (
    "§", "§§", "č.", "čís.", "s.", "str.", "obr.", "tab.", "graf", "kap.", "odst.",
    "čl.", "bod", "příl.", "pozn.", "sv.", "roč.", "r.", "tel.", "mob.", "č. j.", "čj.",
    "č. p.", "č. ev.", "ev. č.", "reg. č.", "sp. zn.", "IČ", "IČO", "DIČ", "PSČ",
)  # fmt: skip
EN_NUMBERING = (
    "§", "§§", "p.", "pp.", "No.", "no.", "Nos.", "Fig.", "fig.", "Figs.", "Tab.",
    "Table", "Chapter", "ch.", "Ch.", "chap.", "vol.", "Vol.", "sec.", "Sec.", "Art.",
    "art.", "para.", "Para.", "tel.", "Tel.", "Reg.", "Ref.",
)  # fmt: skip
CS_ROMAN_NUMBERING = ("kap.", "čl.", "díl", "sv.", "roč.", "příl.", "část")
EN_ROMAN_NUMBERING = ("Chapter", "Part", "Vol.", "vol.", "Book", "Art.")

# Multi-word abbreviations: never broken inside.
CS_ABBREVIATIONS = (
    "s. r. o.", "spol. s r. o.", "a. s.", "o. p. s.", "z. s.", "z. ú.", "v. o. s.",
    "k. s.", "s. p.", "p. o.", "o. s.", "n. l.", "př. n. l.", "př. Kr.", "po Kr.",
    "t. č.", "t. r.", "t. j.", "v. r.", "v z.", "j. č.", "mn. č.", "n. m.", "m n. m.",
    "č. j.", "č. p.", "č. ev.", "ev. č.", "r. č.", "sp. zn.", "a. j.", "ú. v.",
)  # fmt: skip
# Abbreviations bound to the word that follows them.
CS_LEADING_ABBREVIATIONS = ("tj.", "tzv.", "tzn.", "např.", "resp.", "popř.", "event.", "cca")
EN_ABBREVIATIONS = ("a.m.", "p.m.", "e.g.", "i.e.")  # kept whole; no spaces inside

# Titles before a name ("Mgr. Nováková", "prof. MUDr. Jan Novák").
CS_TITLES = (
    "Bc.", "BcA.", "Mgr.", "MgA.", "Ing.", "Ing. arch.", "MUDr.", "MDDr.", "MVDr.",
    "PhDr.", "PharmDr.", "JUDr.", "RNDr.", "PaedDr.", "ThDr.", "ThLic.", "ThMgr.",
    "ICDr.", "RSDr.", "PhMr.", "Dr.", "doc.", "prof.", "akad.", "p.", "pí", "sl.", "sv.",
    "voj.", "čet.", "rtm.", "por.", "npor.", "kpt.", "mjr.", "pplk.", "plk.", "gen.",
)  # fmt: skip
# Titles after a name, after a comma ("Jan Novák, Ph.D.").
POST_TITLES = ("Ph.D.", "Th.D.", "DiS.", "CSc.", "DrSc.", "MBA", "LL.M.", "MSc.", "MPA")
EN_TITLES = ("Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "St.", "Rev.", "Hon.", "Sr.", "Fr.")

# Czech month names in every singular case (leden, ledna, lednu, lednem, ledne …).
CS_MONTHS = (
    "leden ledna lednu ledne lednem",
    "únor února únoru únore únorem",
    "březen března březnu březne březnem",
    "duben dubna dubnu dubne dubnem",
    "květen května květnu květne květnem",
    "červen června červnu červne červnem",
    "červenec července červenci červenče červencem",
    "srpen srpna srpnu srpne srpnem",
    "září zářím",
    "říjen října říjnu říjne říjnem",
    "listopad listopadu listopade listopadem",
    "prosinec prosince prosinci prosincem",
)
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
EN_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec."
)

# --- rules -------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    find: Callable[[str], Iterable[Edit]]
    # What a text must contain for `find` to find anything: most texts lack what
    # most rules look for (a digit, a quote, a dash), and one search says so.
    needs: re.Pattern[str] | None = None


_QUOTE = re.compile("[\"']")
_HYPHEN = re.compile("-")
_DASH = re.compile("[–—]")
_THREE_DOTS = re.compile(r"\.\.\.")
_DIGIT = re.compile(r"\d")
_DOT = re.compile(r"\.")


_GAPS = re.compile(_GAP)


def _bind(*patterns: str) -> Callable[[str], Iterator[Edit]]:
    """A finder that makes every space inside a match of any of `patterns` non-breaking."""
    compiled = [re.compile(pattern) for pattern in patterns]

    def find(text: str) -> Iterator[Edit]:
        for regex in compiled:
            for match in regex.finditer(text):
                start, end = match.span()
                for space in _GAPS.finditer(text, start, end):
                    yield Edit(space.start(), space.end(), NBSP, start, end)

    return find


def _all_cases(words: Iterable[str]) -> list[str]:
    forms = [form for group in words for form in group.split()]
    return forms + [form[0].upper() + form[1:] for form in forms]


_B = _GAP  # a gap that becomes non-breaking (as does every gap inside a match)
_START = rf"(?<![{_GLUED}])"  # a new word starts here
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_NUMBER = r"(?=\d)"
_ROMAN = r"(?=[IVXLC]+(?![\w]))"

_prepositions = _bind(
    # "v lese", "a v lese", "(s dětmi": the letter starts a word, a word follows.
    rf"{_START}[{''.join(CS_PREPOSITIONS)}{''.join(CS_PREPOSITIONS).upper()}]"
    rf"{_B}(?=[^\s\u00a0\-–—.,;:!?)\]}}…])"
)


def _units(
    units: Iterable[str], multipliers: Iterable[str] = ()
) -> Callable[[str], Iterator[Edit]]:
    unit = _alternatives(units)
    currency = _alternatives(CURRENCIES)
    patterns = [
        rf"(?<=\d){_B}(?:{unit}|{currency})(?![\w²³])",  # 50 %, 1 500 Kč, 5 km
        rf"(?<![\w])(?:{currency}){_B}(?=\d)",  # € 50, EUR 50
    ]
    if multipliers:
        # "5 mil. Kč": the multiplier is bound to the number above, then to the currency.
        patterns.append(rf"(?<![\w])(?:{_alternatives(multipliers)}){_B}(?:{currency})(?!\w)")
    return _bind(*patterns)


# Words before a letter item: "písm. a)".
_LETTERED = ("písm.", "let.")


def _keywords(*words: str) -> re.Pattern[str]:
    """What a text needs for a rule that binds these words (or a digit) to what follows."""
    return re.compile("|".join([r"\d", *(re.escape(word) for word in words)]))


def _numbering(words: Iterable[str], roman: Iterable[str]) -> Callable[[str], Iterator[Edit]]:
    return _bind(
        rf"(?<![\w.])(?:{_alternatives(words)}){_B}{_NUMBER}",
        rf"(?<![\w.])(?:{_alternatives(roman)}){_B}{_ROMAN}",  # kap. IV, Chapter II
        # "písm. a)", "odst. 2 písm. b)"
        rf"(?<![\w.])(?:{'|'.join(map(re.escape, _LETTERED))}){_B}(?=[a-z]\))",
    )


_cs_dates = _bind(
    # 1. 1. 2024; the year may start a new line, the day and month may not.
    rf"(?<![\d.,]){_DAY}\.{_B}{_MONTH_NUMBER}\.(?!\d)",
    # 5. května 2024, 5. V. 2024
    rf"(?<![\d.,]){_DAY}\.{_B}(?:{'|'.join(_all_cases(CS_MONTHS))}|"
    rf"(?:{'|'.join(sorted(ROMAN_MONTHS, key=len, reverse=True))})\.)(?![\w])",
)
_en_month = "|".join(re.escape(m) for m in sorted(EN_MONTHS.split(), key=len, reverse=True))
_en_dates = _bind(
    rf"(?<![\d.,]){_DAY}{_B}(?:{_en_month})(?![\w])",  # 5 May 2024
    rf"(?<![\w])(?:{_en_month}){_B}{_DAY}(?:st|nd|rd|th)?(?![\w])",  # May 5, 2024
)

_cs_abbreviations = _bind(
    rf"(?<![\w.])(?:{_alternatives(CS_ABBREVIATIONS)})(?![\w])",
    rf"(?<![\w.])(?:{_alternatives(CS_LEADING_ABBREVIATIONS)}){_B}(?=[\w„‚(\"'\ufffc])",
)


def _titles(titles: Iterable[str]) -> Callable[[str], Iterator[Edit]]:
    alternatives = _alternatives(titles)
    return _bind(
        # "Mgr. Nováková", "prof. MUDr. Jan Novák": up to the first name, chained.
        rf"(?<![\w.])(?:{alternatives}){_B}(?=[{_UPPER}]|(?:{alternatives})[ \t\n\u00a0])",
        rf"(?<=\w),{_B}(?:{_alternatives(POST_TITLES)})",  # "Jan Novák, Ph.D."
    )


_initials = _bind(
    # "T. G. Masaryk", "J. Nováková"
    rf"(?<![\w.])[{_UPPER}]\.{_B}(?=[{_UPPER}])",
)

_digit_groups = _bind(
    # 147 146 EUR, 1 500 000: groups of three after the first; never a new separator.
    r"(?<![\d,.])\d{1,3}(?:" + _GAP + r"\d{3})+(?![\d])",
)
_postcodes = _bind(
    # "110 00 Praha 1": the postcode stays whole (the space is already written).
    rf"(?<![\w,.])(?<!\d{_SP})\d{{3}}{_B}\d{{2}}(?=[ \t\n\u00a0]+[{_UPPER}])",
)

_NUM = r"\d+(?:[:,.]\d+)?"
_RANGE = re.compile(
    # 2012-2013, 10-15 %, 9:00-17:00; not ISBNs, ISO dates, phone numbers (more parts),
    # not 2024-01 (year and month), not 5-ti.
    rf"(?<![\w\-–/:.,+]){_NUM}(?P<dash>-)(?!0\d)(?:{_NUM})(?![\w\-–/:]|[.,]\d)"
)
_MONTH_YEAR = r"(?:0?[1-9]|1[0-2])/\d{4}"
_MONTH_RANGE = re.compile(
    # 12/2012-12/2013: months of years; not file numbers (34/2012-56) or longer chains.
    rf"(?<![\w\-–/:.,+]){_MONTH_YEAR}(?P<dash>-){_MONTH_YEAR}(?![\w\-–/])"
)
_SPACED_HYPHEN = re.compile(rf"(?<=[^\s\u00a0]){_SP}+(?P<dash>-){_SP}+(?=\S)")
_SPACE_BEFORE_DASH = re.compile(rf"(?<=[^\s\u00a0])(?P<space>{_SP}+)(?=[–—][ \t\n\u00a0])")


def _dashes(text: str) -> Iterator[Edit]:
    for regex in (_RANGE, _MONTH_RANGE, _SPACED_HYPHEN):
        for match in regex.finditer(text):
            yield Edit(match.start("dash"), match.end("dash"), "–", *match.span())


def _space_before_dash(text: str) -> Iterator[Edit]:
    """ "slovo – slovo": a dash does not start a line (runs after `_dashes`)."""
    for match in _SPACE_BEFORE_DASH.finditer(text):
        yield Edit(match.start("space"), match.end("space"), NBSP, match.start(), match.end() + 1)


def _ellipsis(text: str) -> Iterator[Edit]:
    for match in re.finditer(r"(?<!\.)\.\.\.(?!\.)", text):
        yield Edit(match.start(), match.end(), "…")


_OPENS_AFTER = frozenset(" \t\n\u00a0\u202f([{<–—-/")
_LETTER = re.compile(r"\w")


def _quotes(
    double: tuple[str, str], single: tuple[str, str], apostrophe: str = "’"
) -> Callable[[str], Iterator[Edit]]:
    """Straight quotes become the language's quotes: opening after a space or
    bracket, closing elsewhere; an apostrophe between letters stays an apostrophe."""
    openers = _OPENS_AFTER | {double[0], single[0]}

    def find(text: str) -> Iterator[Edit]:
        chars = list(text)
        single_open = False
        for index, char in enumerate(text):
            if char not in "\"'":
                continue
            before = chars[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            opening = before in openers
            if char == "'":
                if _LETTER.match(before) and _LETTER.match(after):
                    new = apostrophe  # don't, O'Brien, rock'n'roll
                elif opening and re.match(r"'\d\d(?!\d)", text[index:]):
                    new = apostrophe  # the '90s
                elif opening:
                    if after.isspace():
                        continue
                    new, single_open = single[0], True
                elif single_open or not _LETTER.match(before):
                    new, single_open = single[1], False
                else:
                    new = apostrophe  # the students' books
            elif opening:
                if after.isspace():
                    continue  # a lone quote between spaces: leave it
                new = double[0]
            else:
                new = double[1]
            chars[index] = new
            yield Edit(index, index + 1, new)

    return find


# --- rule sets ---------------------------------------------------------------

RULES: dict[str, tuple[Rule, ...]] = {
    "cs": (
        Rule("quotes", "„…“ and ‚…‘ from straight quotes", _quotes(("„", "“"), ("‚", "‘")), _QUOTE),
        Rule("dashes", "en dash in number ranges and for a spaced hyphen", _dashes, _HYPHEN),
        Rule("dashes", "nbsp before a dash between words", _space_before_dash, _DASH),
        Rule("ellipsis", "… from three dots", _ellipsis, _THREE_DOTS),
        Rule("prepositions", "nbsp after k, s, v, z, o, u, a, i", _prepositions),
        Rule("digit_groups", "nbsp between groups of digits", _digit_groups, _DIGIT),
        Rule("postcodes", "nbsp inside a postcode (110 00)", _postcodes, _DIGIT),
        Rule(
            "units",
            "nbsp between a number and its unit or currency",
            _units(CS_UNITS, CS_MULTIPLIERS),
            _keywords(*CS_MULTIPLIERS),  # "mil. Kč" binds without a number
        ),
        Rule(
            "numbering",
            "nbsp after §, č., s., str., obr. … before a number",
            _numbering(CS_NUMBERING, CS_ROMAN_NUMBERING),
            _keywords(*CS_ROMAN_NUMBERING, *_LETTERED),  # "kap. IV", "písm. a)"
        ),
        Rule("dates", "nbsp between day and month", _cs_dates, _DIGIT),
        Rule("abbreviations", "nbsp inside s. r. o., after tj., např. …", _cs_abbreviations),
        Rule("titles", "nbsp after academic titles (Mgr. Nováková)", _titles(CS_TITLES)),
        Rule("initials", "nbsp after initials (T. G. Masaryk)", _initials, _DOT),
    ),
    "en": (
        Rule("quotes", "“…” and ‘…’ from straight quotes", _quotes(("“", "”"), ("‘", "’")), _QUOTE),
        Rule("dashes", "en dash in number ranges and for a spaced hyphen", _dashes, _HYPHEN),
        Rule("ellipsis", "… from three dots", _ellipsis, _THREE_DOTS),
        Rule("digit_groups", "nbsp between groups of digits", _digit_groups, _DIGIT),
        Rule("units", "nbsp between a number and its unit or currency", _units(EN_UNITS), _DIGIT),
        Rule(
            "numbering",
            "nbsp after p., No., Fig., § … before a number",
            _numbering(EN_NUMBERING, EN_ROMAN_NUMBERING),
            _keywords(*EN_ROMAN_NUMBERING, *_LETTERED),
        ),
        Rule("dates", "nbsp between day and month (5 May, May 5)", _en_dates, _DIGIT),
        Rule("titles", "nbsp after Mr., Dr., Prof. …", _titles(EN_TITLES)),
        Rule("initials", "nbsp after initials (J. R. R. Tolkien)", _initials, _DOT),
    ),
}
LANGUAGES = tuple(RULES)
RULE_NAMES = frozenset(rule.name for rules in RULES.values() for rule in rules)


def language(tag: str | None) -> str:
    """The rule set for a language tag: "cs-CZ" -> "cs"; "" for a language without rules."""
    primary = (tag or "").strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in RULES else ""


def normalize_disable(
    disable: Collection[str] | Mapping[str, Collection[str]] | None,
) -> dict[str, frozenset[str]]:
    """`disable` as rule names switched off per language.

    A list applies to every language; a mapping names them per language
    (`{cs: [quotes], en: [dashes]}`). Unknown names raise ValueError.
    """
    if not disable:
        return {lang: frozenset() for lang in RULES}
    if isinstance(disable, str):
        disable = [disable]
    if isinstance(disable, Mapping):
        result = {lang: frozenset() for lang in RULES}
        for lang, names in disable.items():
            if lang not in RULES:
                raise ValueError(
                    f"typography: no rules for language {lang!r}; languages: {', '.join(LANGUAGES)}"
                )
            known = {rule.name for rule in RULES[lang]}
            names = [names] if isinstance(names, str) else list(names or ())
            _check(names, known, lang)
            result[lang] = frozenset(names)
        return result
    names = list(disable)
    _check(names, RULE_NAMES, None)
    return {lang: frozenset(names) for lang in RULES}


def _check(names: Iterable[str], known: Collection[str], lang: str | None) -> None:
    for name in names:
        if name not in known:
            where = f" for {lang!r}" if lang else ""
            raise ValueError(
                f"typography: unknown rule {name!r}{where}; rules: {', '.join(sorted(known))}"
            )


def rules(lang: str, disable: Collection[str] = ()) -> tuple[Rule, ...]:
    """The rules of `lang` in the order they run, without the ones in `disable`."""
    return _rules(language(lang), frozenset(disable))


@lru_cache(maxsize=64)
def _rules(lang: str, disable: frozenset[str]) -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES.get(lang, ()) if rule.name not in disable)


# --- applying rules ----------------------------------------------------------

_PROTECTED = re.compile(
    r"(?:\b(?:https?|ftp|file)://|\b(?:mailto|tel):|\bwww\.)[^\s\u00a0<>\"'„“”]*[^\s\u00a0<>\"'„“”.,;:!?)\]]"
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
)


def protected(text: str) -> list[tuple[int, int]]:
    """Spans of `text` no rule may touch: web addresses and e-mail addresses."""
    if "@" not in text and ":" not in text and "www." not in text:
        return []  # what every address holds: most texts hold none of it
    return [match.span() for match in _PROTECTED.finditer(text)]


class Piece(NamedTuple):
    """A part of a run of text, as the rules see it.

    `text` is what the rules see ("" for something invisible such as a tag).
    Rules of language `lang` may change it; `None` locks it (code, a URL, another
    language without rules). Next pieces of one language and `group` are one
    stretch of text to the rules: an edit never spans two stretches.
    """

    text: str
    lang: str | None
    group: int = 0


def typeset_pieces(
    pieces: Sequence[Piece], disable: Mapping[str, Collection[str]] | None = None
) -> list[str] | None:
    """The text of each piece after the rules of its language; None when nothing changed.

    The rules see the whole run, so a piece locked or in another language is still
    context (a quote opened before a code span closes after it).
    """
    disable = disable or {}
    run = _Run(pieces)
    if not run.text or run.text.isspace():
        return None  # every rule needs a letter, digit or mark (the breaks between blocks)
    for lang in sorted({piece.lang for piece in pieces if piece.lang}):
        for rule in rules(lang, disable.get(lang, ())):
            if rule.needs is None or rule.needs.search(run.text):
                run.apply(rule, lang)
    return run.pieces() if run.changed else None


class _Run:
    """The text the rules see, kept as one string and as its original characters.

    `chars[i]` is what became of the i-th character of the run: itself, its
    replacement, or "" once a longer match was replaced ("..." by "…"). Which
    language and group a character belongs to never changes, so stretches are
    kept in original positions; a position in today's `text` is mapped back only
    for the edits a rule finds, which are few.
    """

    def __init__(self, pieces: Sequence[Piece]) -> None:
        self.text = "".join(piece.text for piece in pieces)
        self.chars = list(self.text)
        self.changed = False
        self._starts: list[int] = []  # where each piece starts
        self._bounds: list[int] = []  # where each stretch of one (lang, group) starts
        self._langs: list[str | None] = []  # the language of each stretch
        position, previous = 0, None
        for piece in pieces:
            self._starts.append(position)
            if (piece.lang, piece.group) != previous or not self._bounds:
                self._bounds.append(position)
                self._langs.append(piece.lang)
                previous = (piece.lang, piece.group)
            position += len(piece.text)
        self._shifted = False  # whether positions in `text` differ from original ones
        self._owner: list[int] | None = None

    def pieces(self) -> list[str]:
        ends = [*self._starts[1:], len(self.chars)]
        return [
            "".join(self.chars[start:end]) for start, end in zip(self._starts, ends, strict=True)
        ]

    def _original(self, position: int) -> int:
        """The original position of `position` in `text` as the current rule found it
        (the map is made at the rule's first edit, before it changes anything)."""
        if not self._shifted:
            return position
        if self._owner is None:
            self._owner = [index for index, char in enumerate(self.chars) for _ in char]
        return self._owner[position]

    def _stretch(self, original: int) -> int:
        return bisect_right(self._bounds, original) - 1

    def apply(self, rule: Rule, lang: str) -> None:
        text = self.text
        shield: list[tuple[int, int]] | None = None
        touched: list[tuple[int, int]] = []
        for start, end, replacement, since, until in list(rule.find(text)):
            if start >= end or text[start:end] == replacement:
                continue
            if shield is None:
                shield = protected(text)
            if any(start < p_end and p_start < end for p_start, p_end in shield):
                continue
            first, last = self._original(start), self._original(end - 1)
            stretch = self._stretch(first)
            if stretch != self._stretch(last) or self._langs[stretch] != lang:
                continue
            if since >= 0 and not self._speaks(since, min(until, len(text)), lang):
                continue
            self.chars[first] = replacement
            for index in range(first + 1, last + 1):
                self.chars[index] = ""
            touched.append((first, last))
        if not touched:
            return
        self.changed = True
        self.text = "".join(self.chars)
        self._owner = None
        self._shifted = self._shifted or any(
            last > first or len(self.chars[first]) != 1 for first, last in touched
        )

    def _speaks(self, since: int, until: int, lang: str) -> bool:
        """Whether what a rule matched is text in `lang` (spaces and tags may be anything)."""
        if since >= until:
            return True
        first, last = self._original(since), self._original(until - 1)
        bounds = self._bounds
        for stretch in range(self._stretch(first), self._stretch(last) + 1):
            if self._langs[stretch] == lang:
                continue
            end = bounds[stretch + 1] if stretch + 1 < len(bounds) else len(self.chars)
            if "".join(self.chars[max(first, bounds[stretch]) : min(end, last + 1)]).strip():
                return False
        return True


def html_text(text: str, lang: str) -> str:
    """A plain generated string (a glossary definition, a title in a list) typeset in
    `lang` and escaped, ready to put into HTML."""
    return html.escape(typeset(text, lang), quote=False)


def typeset(text: str, lang: str, disable: Collection[str] = ()) -> str:
    """`text` with the typography rules of `lang` applied (unchanged for other languages)."""
    lang = language(lang)
    if not lang:
        return text
    new = typeset_pieces([Piece(text, lang)], {lang: frozenset(disable)})
    return text if new is None else new[0]
