"""Personal data in a page's text: whatever identifies a person, above all a child.

Publishing anything that identifies a child victim is forbidden (Criminal
Procedure Code § 8b(2)), and removing names alone is not anonymisation.
`scan()` reads a page body and reports what it finds as `Finding`s with the
line and column in the file. The codes are stable:

| code                   | level   | what                                                        |
| ---------------------- | ------- | ----------------------------------------------------------- |
| `privacy-birth-number` | error   | a rodné číslo that passes the checksum and month rules      |
| `privacy-birth-date`   | error   | a date after "nar.", "narozen/a", "narodila", "born",       |
|                        |         | "datum narození", "date of birth", "DOB"; no other date     |
| `privacy-court-file`   | error   | a court file number: senate, register, number/year          |
|                        |         | ("12 P 345/2022", "15 P a Nc 12/2023", "sp. zn. P 5/2021")  |
| `privacy-bank-account` | error   | a Czech account number (checksum and bank code), an IBAN    |
| `privacy-address`      | error   | a street and house number ("Nádražní 12", "ul. Krátká 7",   |
|                        |         | "Na Příkopě 3,", "12 Station Road"), "č. p. 45"             |
| `privacy-phone`        | error   | a Czech phone number (+420, 00420, nine digits)             |
| `privacy-child-name`   | error   | a Czech first name (diminutives, inflected forms) in a      |
|                        |         | `/// case` block, a few words from "syn", "dcera",          |
|                        |         | "chlapec", "osmiletý", "boy", "daughter"…, or with an age   |
|                        |         | in brackets ("Anna (5 let)")                                |
| `privacy-email`        | warning | an e-mail address outside the organisation's domains        |
| `privacy-postcode`     | warning | a postcode with a town ("110 00 Praha"), or after "PSČ"     |

Never reported: helplines (116 xxx), emergency numbers (112, 150, 155, 156,
158), free and shared-cost lines (8xx) and premium lines (90x), all shorter
than a private number or outside its ranges; the organisation's own numbers
(`own_phones`, compared by digits) and domains (`own_domains`; example.org,
example.com, example.net and the reserved test domains always); code blocks
and code spans, which show syntax. Everything else is read, link targets
(tel:, mailto:) and HTML comments included: they are published too. Digits
inside web addresses are not personal data and are skipped.

Accepting a finding on purpose, for one line: a marker on that line or on
the line just above, e.g. `<!-- prirucka: allow privacy-phone -->` (codes
separated by spaces or commas; `privacy` accepts every privacy code). For a
whole site: the `allow` strings (a public organisation's number, a published
court case), never reported wherever they occur. There is no off switch.

Speed (bench/privacy_scan.py): everything is compiled at import. Patterns
start with a digit or a letter class rather than a look-behind, so the regex
engine can skip ahead; detectors whose trigger (an "@", "420", "narozen",
digit/digit, a capitalised name) is absent from a page do not run; names and
child words are looked up in sets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from stdnum import iban
from stdnum.cz import bankaccount, rc

from .blocksyntax import OptionsError, parse_options
from .blocksyntax import scan as block_openers
from .findings import Finding
from .helplines import public_lines
from .mdtext import ALLOW_MARKER, allow_markers, code_masked, position
from .numbers import national_digits

CODES = {
    "privacy-birth-number": "error",
    "privacy-birth-date": "error",
    "privacy-court-file": "error",
    "privacy-bank-account": "error",
    "privacy-address": "error",
    "privacy-phone": "error",
    "privacy-child-name": "error",
    "privacy-email": "warning",
    "privacy-postcode": "warning",
}

# Spaces an author (or a typography step) may put between digit groups or words.
_SP = r"[ \u00a0\u2009\u202f]"
_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_LO = "a-záčďéěíňóřšťúůýž"
# The first digit of a number that does not continue something longer (a
# decimal, a range, a path, a code like CZ.1.04/5.1.01/77.00448). Written as
# "a digit, then look back past it" so the pattern starts with a digit and the
# regex engine can jump from digit to digit.
_FIRST_DIGIT = r"\d(?<![\w/.,+\-–]\d)"
# ... and the end of one.
_NUMBER_END = r"(?![\w/\-–]|[.,]\d)"


# --- markers and masking ----------------------------------------------------------------

# `<!-- prirucka: allow privacy-phone, privacy-email -->`: the codes it accepts,
# for its own line and the next one.
_MARKER = ALLOW_MARKER
# Web addresses: their digits are IDs and dates, not personal data. E-mail
# addresses are looked for before this mask, and tel:/mailto: links stay.
_URL = re.compile(r"https?://[^\s)>\]\"']+|www\.[^\s)>\]\"']+")


_NOT_NEWLINE = re.compile(r"[^\n]")
_NON_DIGIT = re.compile(r"\D")


def _blank(match: re.Match) -> str:
    return _NOT_NEWLINE.sub(" ", match.group(0))


def _markers(text: str) -> dict[int, set[str]]:
    """Codes accepted per line (0-based in `text`), from the one marker parser."""
    accepted = {}
    for line, codes in allow_markers(text).items():
        accepted[line - 1] = codes | set(CODES) if "privacy" in codes else codes
    return accepted


# --- what a detector reports ------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    code: str  # "" when the match is known and harmless: it claims its span, reports nothing
    shown: str  # what the message quotes
    context: str = ""  # for names: the word that makes it a child's name


def _digits(text: str) -> str:
    return _NON_DIGIT.sub("", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- e-mail addresses ------------------------------------------------------------------

# The local part and domain as mail programs link them; only the domain matters here.
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@([\w\-]+(?:\.[\w\-]+)+)")
# RFC 2606 / 6761: documentation and test domains never belong to a person.
_NEVER_PERSONAL = ("example.org", "example.com", "example.net", "example", "test", "invalid")


def _emails(text: str, own_domains: frozenset[str]) -> Iterator[_Hit]:
    if "@" not in text:
        return
    for match in _EMAIL.finditer(text):
        domain = match.group(1).lower()
        own = any(domain == d or domain.endswith("." + d) for d in (*own_domains, *_NEVER_PERSONAL))
        yield _Hit(match.start(), match.end(), "" if own else "privacy-email", match.group(0))


# --- bank accounts -------------------------------------------------------------------------

# Two letters, two check digits, then groups of four as printed (or run
# together); the checksum decides, so nothing else can pass.
_IBAN = re.compile(
    rf"[A-Z](?<![\w][A-Z])[A-Z]\d\d(?:{_SP}?[A-Z0-9]{{4}}){{2,7}}(?:{_SP}?[A-Z0-9]{{1,3}})?(?!\w)"
)
_LAST_GROUP = re.compile(rf"{_SP}?[A-Z0-9]{{1,4}}$")
# Prefix-number/bank code. Law citations have the same shape ("359/1999 Sb."):
# the mod-11 checksum, the list of bank codes and the minimum length tell them apart.
_ACCOUNT = re.compile(rf"{_FIRST_DIGIT}(?:\d{{0,5}}-\d{{2,10}}|\d{{1,9}})/\d{{4}}{_NUMBER_END}")
_LAW_AFTER = re.compile(rf"{_SP}*(?:Sb|Coll)\b")
# Accounts, birth numbers with a slash and court files all have digit/digit.
_SLASHED = re.compile(rf"\d{_SP}?/{_SP}?\d")


def _ibans(text: str) -> Iterator[_Hit]:
    for match in _IBAN.finditer(text):
        # The last group may belong to the next word ("… 5399 2015"): shorten until valid.
        candidate = match.group(0)
        while len(_digits(candidate)) >= 12:
            if iban.is_valid(candidate):
                end = match.start() + len(candidate)
                yield _Hit(match.start(), end, "privacy-bank-account", candidate)
                break
            candidate = _LAST_GROUP.sub("", candidate)


def _accounts(text: str) -> Iterator[_Hit]:
    for match in _ACCOUNT.finditer(text):
        number = match.group(0)
        prefix, _, root = number.split("/")[0].rpartition("-")
        if not prefix and len(root) < 5:
            continue  # "12/2010", "108/2006": dates and citations, never a real account
        if _LAW_AFTER.match(text, match.end()):
            continue
        if bankaccount.is_valid(number):
            yield _Hit(match.start(), match.end(), "privacy-bank-account", number)


# --- birth numbers -------------------------------------------------------------------------

# YYMMDD/XXXX, or /XXX before 1954; spaces around the slash as people type them.
_RC_SLASH = re.compile(rf"{_FIRST_DIGIT}\d{{5}}{_SP}?/{_SP}?\d{{3,4}}{_NUMBER_END}")
# Without the slash: ten digits always; nine only after "rodné číslo"/"RČ",
# because a nine-digit number is far more often a phone number.
_RC_PLAIN = re.compile(rf"{_FIRST_DIGIT}\d\d\d\d\d\d\d\d\d?{_NUMBER_END}")  # 9 or 10 digits
_RC_KEYWORD = re.compile(r"(?:rodn\w*\s+čísl\w*|(?-i:RČ)|r\.\s?č\.|birth\s+number)[\s:.]*$", re.I)


def is_birth_number(number: str) -> bool:
    """A Czech birth number that could really have been issued.

    python-stdnum checks the length, the date in it (month +50 for women,
    +20/+70 when a day's serial numbers ran out) and the mod-11 checksum; on
    top of that +20/+70 exist only since 2004 and nobody is born in the future.
    """
    digits = _digits(number)
    if not rc.is_valid(digits):
        return False
    born = rc.get_birth_date(digits)
    if int(digits[2:4]) % 50 > 20 and born.year < 2004:
        return False
    return born <= date.today()


def _birth_numbers(text: str, slashed: bool) -> Iterator[_Hit]:
    if slashed:
        for match in _RC_SLASH.finditer(text):
            if is_birth_number(match.group(0)):
                yield _Hit(match.start(), match.end(), "privacy-birth-number", match.group(0))
    for match in _RC_PLAIN.finditer(text):
        number = match.group(0)
        keyword = _RC_KEYWORD.search(text, max(0, match.start() - 40), match.start())
        if len(number) == 9 and not keyword:
            continue
        if is_birth_number(number):
            yield _Hit(match.start(), match.end(), "privacy-birth-number", number)


# --- court file numbers ---------------------------------------------------------------------

# Spisová značka: senate, register mark, number/year, optionally -list. The
# registers of first-instance and appeal cases about families and crimes
# (P a Nc and Nc guardianship, P, C/Co civil, T/Tm/Tmo/To/Nt/Ntm/Rt criminal
# and youth, E/EXE enforcement, L detention, D probate, Rod family, Om the
# child-protection office's register). Supreme and Constitutional Court marks
# (Cdo, Tdo, ÚS…) are left out: their decisions are published anonymised.
_COURT_MARKS = ("P a Nc", "Ntm", "Tmo", "EXE", "Rod", "Nc", "Co", "Cm", "Tm", "To", "Nt", "Rt")
_COURT_MARKS += ("Om", "P", "C", "T", "E", "L", "D")
# The senate number before the mark is looked for separately, so the pattern
# starts with the mark's letter.
_COURT = re.compile(
    rf"(?P<mark>{'|'.join(m.replace(' ', _SP) for m in _COURT_MARKS)}){_SP}+"
    rf"\d{{1,6}}/(?:\d{{4}}|\d{{2}})(?:-\d{{1,4}})?(?![\w/])"
)
_SENATE = re.compile(rf"(?<![\w/.§])\d{{1,3}}{_SP}+$")
# Without the senate number only where the text says it is a file number.
_FILE_KEYWORD = re.compile(
    r"(?:sp\.\s?zn\.|spisov\w+\s+značk\w+|č\.\s?j\.|čj\.|file\s+(?:no\.|number))[\s:]*$", re.I
)


def _court_files(text: str) -> Iterator[_Hit]:
    for match in _COURT.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_/.§"):
            continue  # the mark is the end of a word or a code
        senate = _SENATE.search(text, max(0, start - 8), start)
        if senate:
            start = senate.start()
        elif match.group("mark") != "Om" and not _FILE_KEYWORD.search(
            text, max(0, start - 30), start
        ):
            continue
        yield _Hit(start, match.end(), "privacy-court-file", _one_line(text[start : match.end()]))


# --- dates of birth ------------------------------------------------------------------------

_MONTHS_CS = "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
_MONTHS_EN = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_DATE = "|".join(
    (
        rf"\d{{1,2}}\.{_SP}?\d{{1,2}}\.{_SP}?\d{{4}}",  # 3. 5. 2015, 3.5.2015
        r"\d{4}-\d{2}-\d{2}",  # 2015-05-03
        r"\d{1,2}/\d{1,2}/\d{4}",  # 03/05/2015
        rf"\d{{1,2}}\.{_SP}*(?:{_MONTHS_CS}){_SP}+\d{{4}}",  # 3. května 2015
        rf"\d{{1,2}}(?:st|nd|rd|th)?{_SP}+(?:{_MONTHS_EN})\.?,?{_SP}+\d{{4}}",  # 3 May 2015
        rf"(?:{_MONTHS_EN})\.?{_SP}+\d{{1,2}}(?:st|nd|rd|th)?,?{_SP}+\d{{4}}",  # May 3, 2015
    )
)
# The keyword, then up to three words ("narozena v Táboře dne", "born on"),
# then the date. A year alone ("narozen 2015") is an age, not a birth date.
_BIRTH_DATE = re.compile(
    r"(?:\bnar\.|\bnarozen(?:[aáéý]|/a|\(a\))?|\bnarodil[aoiy]?|\bdat(?:um|a|em|\.)\s*(?:narození|nar\.)"
    r"|\bborn|\bdate\s+of\s+birth|(?-i:\bDOB\b|\bD\.O\.B\.))(?!\w)"
    rf"[\s:,]*(?:[^\W\d]+\.?,?{_SP}+){{0,3}}?(?:{_DATE})(?!\d)",
    re.I,
)
# Where a keyword can start, as plain letters: fast to find in the lower-cased
# text. The full pattern is tried only there, and only at the start of a word
# ("born", not "odborník").
_BIRTH_TRIGGER = re.compile(r"nar(?:\.|ozen|odil)|dat(?:um|a|em|\.)|born|date|dob|d\.o\.b")


def _birth_dates(text: str, lower: str) -> Iterator[_Hit]:
    if len(lower) != len(text):  # lower-casing changed offsets (rare scripts): scan it all
        for match in _BIRTH_DATE.finditer(text):
            yield _Hit(match.start(), match.end(), "privacy-birth-date", _one_line(match.group(0)))
        return
    end = 0
    for trigger in _BIRTH_TRIGGER.finditer(lower):
        start = trigger.start()
        if start < end or (start and lower[start - 1].isalpha()):
            continue
        match = _BIRTH_DATE.match(text, start)
        if match:
            end = match.end()
            yield _Hit(start, end, "privacy-birth-date", _one_line(match.group(0)))


# --- phone numbers -------------------------------------------------------------------------

# With the country code any grouping of the nine digits is a phone number.
_PHONE_INTL = re.compile(
    rf"(?<![\w+])(?:\+|00){_SP}?420{_SP}?(?:\d[ \u00a0\u2009\u202f.\-]?){{8}}\d(?!\d)"
)
# Without it only the printed forms, 603 123 456 or 603123456, and only the
# ranges of landlines (2–5), mobiles (6, 7) and VoIP (91–99): 8xx are free and
# shared-cost lines, 90x premium ones. Helplines (116 xxx) and emergency
# numbers are too short to match. A fourth digit group before or after means
# an amount or a longer number (1 234 567 890).
_PHONE_NATIONAL = re.compile(
    rf"[2-79](?<![\w/.,+\-–][2-79])(?<!\d{_SP}[2-79])\d\d"
    rf"(?:{_SP}\d{{3}}{_SP}\d{{3}}|\d{{6}}){_NUMBER_END}(?!{_SP}\d)"
)
# Amounts and identifiers of the same shape.
_MONEY_AFTER = re.compile(rf"{_SP}*(?:Kč|Kčs|CZK|EUR|euro|eur|€|USD|\$|korun|,-|mil\.|tis\.)", re.I)
_NOT_A_PHONE_BEFORE = re.compile(
    r"(?:€|\$|EUR|CZK|USD|ISBN|ISSN|IČO?|DIČ|(?-i:ID)|č\.\s?j\.|čj\.|reg\.\s?č\.|registrační\w*\s+čísl\w*"
    r"|sp\.\s?zn\.|číslo\s+projektu|project\s+(?:no\.|number))[\s:#.]*$",
    re.I,
)
_SERVICE_PREFIXES = ("116", "8", "90")


def _phones(text: str, own: frozenset[str]) -> Iterator[_Hit]:
    if "420" in text:
        for match in _PHONE_INTL.finditer(text):
            national = national_digits(match.group(0))
            harmless = national in own or national.startswith(_SERVICE_PREFIXES)
            yield _Hit(
                match.start(), match.end(), "" if harmless else "privacy-phone", match.group(0)
            )
    for match in _PHONE_NATIONAL.finditer(text):
        number = match.group(0)
        national = _digits(number)
        harmless = (
            national in own
            or national.startswith("90")
            or national.endswith("000000")  # a round amount: 250 000 000
            or _MONEY_AFTER.match(text, match.end())
            or _NOT_A_PHONE_BEFORE.search(text, max(0, match.start() - 30), match.start())
        )
        yield _Hit(match.start(), match.end(), "" if harmless else "privacy-phone", number)


# --- street addresses and postcodes --------------------------------------------------------

# A house number: číslo popisné, optionally /číslo orientační, letters for parts (12a).
_HOUSE = r"(?P<house>\d{1,4})[a-zA-Z]?(?:/\d{1,4}[a-zA-Z]?)?(?![\w/]|[.,]\d)"
# Not an address when the number counts something.
_UNIT_AFTER = (
    rf"(?!{_SP}*(?:%|let\b|roky?\b|rok\b|dn[íy]\b|hodin|minut|km\b|Kč|osob|dět|krát|x\b|years?\b))"
)
# What follows an address written in prose: a comma, the end of the sentence
# or line, a postcode or "v Táboře". Without it "Hlavní 3" may be anything.
_ADDRESS_END = (
    rf"(?={_SP}*(?:[,;)|]|$|\.{_SP}*(?:$|[{_UP}])|\d{{3}}{_SP}?\d{{2}}\b|(?:v|ve|in){_SP}+[{_UP}]))"
)
_STREET = r"(?i:ul\.|ulice|ulici|ulicí|nám\.|náměstí|tř\.|třída|třídě|třídu|nábř\.|nábřeží|sídl\.|sídliště)"
_STREET_TRIGGER = re.compile(r"ul\.|ulic|nám\.|náměstí|tř\.|tříd[aěu]|nábř|sídl\.|sídliště")
# "ul. Krátká 7", "náměstí Míru 1", "ulice Karla Čapka 5", "nám. Jiřího z Poděbrad 3":
# the word ulice/náměstí makes it an address whatever the name looks like.
_ADDRESS_NAMED = re.compile(
    rf"(?<!\w){_STREET}{_SP}*(?:(?:[{_UP}][\w.]*|z|ze|nad|pod|u|na|a){_SP}+){{0,4}}?"
    rf"[{_UP}][\w.]*{_SP}+{_HOUSE}{_UNIT_AFTER}"
)
# "Na Příkopě 12", "U Nemocnice 2", "K Lesu 5,": a preposition starting a street
# name ("V Praze 5" is a district, so not v/ve). The character before is
# checked in Python, so the pattern starts with a letter.
_ADDRESS_PREPOSITION = re.compile(
    rf"(?:Na|U|Pod|Nad|Za|K|Ke|Před|Mezi|Při){_SP}+[{_UP}][{_LO}]+(?:{_SP}+[{_LO}{_UP}][{_LO}]+)?"
    rf"{_SP}+{_HOUSE}{_UNIT_AFTER}{_ADDRESS_END}",
    re.M,
)
# Most street names are adjectives or possessives: Nádražní, Pražská, Olomoucká,
# Husova, Palackého. -ní only after a consonant: after a vowel it is a verbal
# noun (Doporučení 3, Vydání 2, Setkání 4). Not -ová: that is a surname.
_ADDRESS_ADJECTIVE = re.compile(
    rf"[{_UP}](?<![\w.][{_UP}])[{_LO}]*(?:[bcčdďfghjklmnňpqrřsštťvwxzž]ní|[sc]ká|ova|ého){_SP}+"
    rf"{_HOUSE}{_UNIT_AFTER}{_ADDRESS_END}",
    re.M,
)
# Číslo popisné / evidenční in a village without streets: "Horní Lhota č. p. 45".
_HOUSE_REGISTRY = re.compile(rf"č(?<!\wč)(?:\.{_SP}?p\.|p\.|\.{_SP}?ev\.){_SP}?\d{{1,5}}(?!\d)")
_ADDRESS_ENGLISH = re.compile(
    rf"(?P<house>{_FIRST_DIGIT}\d{{0,3}})[A-Za-z]?,?{_SP}+(?:[A-Z][a-z]+{_SP}+){{1,3}}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Way|Place|Square|Crescent|Terrace|Gardens|Grove|Close"
    r"|Drive|Boulevard|Row|Mews)\b"
)
# A year after a name is a citation ("Nováková 2019,", "Husova 2015)"), not a house.
_YEAR = re.compile(r"(?:19|20)\d\d")


def _addresses(text: str, lower: str) -> Iterator[_Hit]:
    patterns = [_ADDRESS_PREPOSITION, _ADDRESS_ADJECTIVE, _ADDRESS_ENGLISH]
    if _STREET_TRIGGER.search(lower):
        patterns.insert(0, _ADDRESS_NAMED)
    for pattern in patterns:
        for match in pattern.finditer(text):
            start = match.start()
            if (
                pattern is _ADDRESS_PREPOSITION
                and start
                and (text[start - 1].isalnum() or text[start - 1] in "._")
            ):
                continue
            if _YEAR.fullmatch(match.group("house")):
                continue
            yield _Hit(start, match.end(), "privacy-address", _one_line(match.group(0)))
    if "č" in text:
        for match in _HOUSE_REGISTRY.finditer(text):
            yield _Hit(match.start(), match.end(), "privacy-address", _one_line(match.group(0)))


# Czech postcodes are 1xx xx–7xx xx, printed "110 00" or "11000", before the town.
_POSTCODE = re.compile(
    rf"[1-7](?<![\w/.,+\-–][1-7])(?<!\d{_SP}[1-7])\d\d{_SP}?\d\d{_NUMBER_END}(?!{_SP}\d)"
    rf"(?P<town>{_SP}+[{_UP}][{_LO}]+(?:(?:{_SP}|-)+(?:nad|pod|u|v|ve|[{_UP}][{_LO}]+)){{0,3}}"
    rf"(?:{_SP}+\d{{1,2}}(?!\d))?)?"
)
_PSC_BEFORE = re.compile(rf"PSČ{_SP}*:?{_SP}*$", re.I)
# Capitalised words after a number that are not towns.
_NOT_A_TOWN = {"Kč", "Kčs", "Sk", "Sb", "Coll"}


def _postcodes(text: str) -> Iterator[_Hit]:
    for match in _POSTCODE.finditer(text):
        start = match.start()
        town = match.group("town")
        if town and town.split()[0] in _NOT_A_TOWN:
            town = None
        psc = _PSC_BEFORE.search(text, max(0, start - 8), start)
        if psc:
            start = psc.start()
        if town or psc:
            yield _Hit(start, match.end(), "privacy-postcode", _one_line(text[start : match.end()]))


# --- children's names ----------------------------------------------------------------------

_NAMES_FILE = Path(__file__).with_name("data") / "czech_first_names.txt"

# Czech declension, enough to recognise a name in any case. Over-generating
# is harmless (the forms are only looked up), missing a form is not.
_SOFT = set("žščřcjďťň")
_PLAIN = {"ď": "d", "ť": "t", "ň": "n"}  # Péťa → Péti, Máňa → Máně
_SOFTENED = {"n": "ň", "d": "ď", "t": "ť"}  # Zdeněk → Zdeňka
_E_WITH_CARON = set("dtnbpvfm")  # Janě, Květě, Evě; but Ele, Míle


def _dative(stem: str) -> str:
    """Dative/locative of an -a name: Anička → Aničce, Olga → Olze, Věra → Věře."""
    for hard, soft in (("ch", "še"), ("k", "ce"), ("h", "ze"), ("g", "ze"), ("r", "ře")):
        if stem.endswith(hard):
            return stem[: -len(hard)] + soft
    return stem + ("ě" if stem[-1] in _E_WITH_CARON else "e")


def _stem_without_fleeting_e(name: str) -> str:
    """Marek → mark, Zdeněk → zdeňk, Pavel → pavl: the e that drops when declined."""
    if name.endswith("ěk") and len(name) > 3:
        return name[:-3] + _SOFTENED.get(name[-3], name[-3]) + "k"
    if name.endswith("ek") and len(name) > 3:
        return name[:-2] + "k"
    if name in ("pavel", "karel"):
        return name[:-2] + "l"
    return name


def inflections(name: str) -> set[str]:
    """The forms (lower case) a Czech given name takes in a sentence."""
    n = name.lower()
    forms = {n}
    if n.endswith("a"):  # Jana, Anička, Honza, Péťa, Dáša, Andrea
        stem = n[:-1]
        forms |= {stem + "u", stem + "ou", stem + "o", stem + "ovi"}
        end = stem[-1]
        if end in _PLAIN:
            plain = stem[:-1] + _PLAIN[end]
            forms |= {plain + "i", plain + "ě"}
        elif end in _SOFT:
            forms |= {stem + "i", stem + "e"}
        elif end in "aeiouyáéíóúůý":
            forms |= {stem + "y", stem + "i", stem + "e", stem + "ji"}
        else:
            forms |= {stem + "y", _dative(stem)}
    elif n.endswith(("e", "ě")):  # Marie, Alice, Libuše
        forms |= {n[:-1] + "i", n[:-1] + "í"}
    elif n.endswith("o"):  # Ivo, Hugo, Oto
        stem = n[:-1]
        forms |= {stem + "a", stem + "ovi", stem + "u", stem + "em"}
    elif n.endswith(("í", "ý", "é")):  # Jiří, René
        forms |= {n + "ho", n + "mu", n + "m"}
    else:  # Petr, Honzík, Marek, Tomáš (and a few women's names, harmlessly)
        stem = _stem_without_fleeting_e(n)
        if stem[-1] in _SOFT or stem[-1] in "sxz":  # Tomáše, Tomáši, Tomášovi, Tomášem
            forms |= {stem + "e", stem + "i", stem + "ovi", stem + "em"}
        if stem[-1] not in _SOFT:  # Petra, Petrovi, Petru, Petrem, Jane, Petře
            forms |= {stem + "a", stem + "ovi", stem + "u", stem + "em", stem + "e"}
            if stem.endswith("r"):
                forms.add(stem[:-1] + "ře")
    return forms


def _read_names(path: Path) -> tuple[str, ...]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


NAMES: tuple[str, ...] = _read_names(_NAMES_FILE)
# Capitalised form as written in a sentence -> the name: "Honzíka" -> "Honzík".
_NAME_FORMS: dict[str, str] = {}
for _name in NAMES:
    for _form in inflections(_name):
        _NAME_FORMS.setdefault(_form[0].upper() + _form[1:], _name)

# Forms that are also ordinary words: at the start of a sentence, where every
# word is capitalised, they are the word ("Míra rizika…", "Víte, že…", "Daně
# a odvody…"). Inside a sentence a capital still means the name.
_ORDINARY_WORDS = frozenset(
    """
    Míra Míry Míře Míru Mírou Míro Míše Kuba Kubě Kubu Kačka Kačky Kačce Kačku Kačkou Kačenka
    Kačenky Kačence Kačenku Kačenkou Kubík Kubíka Vít Víte Marka Marku Markem Max Maxi Daně Danou
    Dane Ruda Rudy Rudu Rudou Rudě Rudo Zlata Zlato Zlatou Zlatu Zlatě Zlaty Anděla Anděle Andělu
    Anděly Andělovi Andulka Andulky Andulku Madla Madle Madlo Madlu Madly Stela Stele Stelu Vládě
    Věře Viktorie Viktorii Marina Emu Emo Ivy Lucky Dance Mates
    """.split()
)

# Words that make a nearby name a child's, in the forms a sentence uses.
_CHILD_WORDS_CS = """
    chlapec chlapce chlapci chlapcem chlapcovi chlapče chlapců chlapcům chlapcích
    chlapeček chlapečka chlapečkovi chlapečkem chlapečku chlapečky
    kluk kluka klukovi klukem kluku kluci kluky klouček kloučka kloučkovi kloučkem
    klučina klučiny klučinu
    dívka dívky dívce dívku dívko dívkou dívek dívkám dívkami
    holčička holčičky holčičce holčičku holčičko holčičkou holka holky holce holku holkou
    syn syna synovi synu synem synové synů synům syny synáček synáčka synáčkovi
    synek synka synkovi
    dcera dcery dceři dceru dcero dcerou dcer dcerám dcerami dcerka dcerky dcerce dcerku
    dcerkou dceruška dcerušky dcerušce dcerušku dceruškou
    dítě dítěte dítěti dítětem děťátko děťátka miminko miminka miminku batole batolete
    vnuk vnuka vnukovi vnukem vnuku vnuci vnouček vnoučka vnoučkovi
    vnučka vnučky vnučce vnučku vnučkou
    nezletilý nezletilá nezletilé nezletilého nezletilému nezletilou nezletilým nezletilém
    nezletilí
    žák žáka žákovi žákem žáku žákyně žákyni žákyní školák školáka školačka školačky
    předškolák předškoláka novorozenec novorozence kojenec kojence nemluvně puberťák puberťačka
    dospívající sourozenec sourozence sourozenci sourozencem sourozenců bratříček bratříčka
    bratříčkovi sestřička sestřičky sestřičce sestřičku sestřičkou
""".split()
_CHILD_WORDS_EN = """
    boy boys girl girls son sons daughter daughters child kid grandson granddaughter toddler baby
    infant newborn teenager pupil schoolboy schoolgirl
""".split()
# Ages: "osmiletý Honzík", "8letá", "8-letá" (the last as two words), "tříměsíční".
_AGE_NUMERALS = (
    (
        "jedno dvou tří čtyř pěti šesti sedmi osmi devíti deseti jedenácti dvanácti třinácti "
        "čtrnácti patnácti šestnácti sedmnácti osmnácti"
    ).split()
    + [str(number) for number in range(1, 19)]
    + [""]
)
_AGE_ENDINGS = "ý á é ého ému ém ým ou í ých ými".split()
_AGE_WORDS = [
    numeral + unit + ending
    for numeral in _AGE_NUMERALS
    for unit in ("let", "měsíčn")
    for ending in _AGE_ENDINGS
    if numeral or unit == "let"
]
_CHILD_WORDS = frozenset(
    variant
    for word in (*_CHILD_WORDS_CS, *_CHILD_WORDS_EN, *_AGE_WORDS)
    for variant in (word, word[0].upper() + word[1:], word.upper())
)
_YEAR_OLD = re.compile(r"-(?:year|month)s?-old\b", re.I)  # "eight-year-old"
# The case-study notation right after a name: "Anna (5 let)", "Anna (5)", "Petr (14 years)".
_AGE_AFTER = re.compile(
    rf"{_SP}*\((\d{{1,2}})(?:{_SP}*(?:let|roky|rok|roků|měsíců|měsíce|years?|yrs?|months?))?\)"
)
_WINDOW = 5  # words either side: "syn Honzík", "Honzík, náš osmiletý syn"
# Before a name: an adult ("Mgr. Jana", "paní Věra", "Mr Novák"), a saint or
# a street named after someone ("ulice Karla Čapka", "náměstí Míru").
_NOT_A_CHILD_BEFORE = frozenset(
    """
    mgr mudr mvdr phdr judr rndr paeddr bc ing doc prof dr mr mrs ms miss pan paní pana panu panem
    sv svatý svatá svatého svaté st ulice ulici ulicí ul náměstí náměstím nám třída třídy třídě
    třídu tř nábřeží sídliště street
    """.split()
)
# Schools are named after people: "ZŠ Jana Wericha", "škola Karla Čapka". Only
# with the honoured person's surname right after the name, so that "ve škole
# Honzík…" is still a child.
_NAMED_AFTER = frozenset(
    """
    zš mš zuš sš voš škola školy škole školu školou gymnázium gymnázia gymnáziu nadace nadaci
    nadací school foundation
    """.split()
)
_SURNAME_AFTER = re.compile(rf"{_SP}[{_UP}][{_LO}]+")
_ABBREVIATIONS = frozenset(
    "mgr mudr mvdr phdr judr rndr paeddr bc ing doc prof dr mr mrs ms sv st ul nám tř".split()
)
_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(rf"[{_UP}](?<!\w[{_UP}])[{_LO}]+(?!\w)")
_BLOCK_OPEN = re.compile(r"[ ]{0,3}(/{3,})[ ]*([\w-]+)")
_BLOCK_CLOSE = re.compile(r"[ ]{0,3}(/{3,})[ ]*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Nothing but Markdown markers (heading, quote, list, table) and quotes before it on its line.
_LINE_START = re.compile(r"[ \t]*(?:(?:[#>|*+\-]+|\d+[.)])[ \t]*)*[\"'„“”‚‘’(\[«»*_ \t]*")
_SENTENCE_END = re.compile(r"[.!?…][\"'„“”‚‘’)\]«»*_ \t]*$")
_SENTENCE_BREAK = re.compile(r"[.!?]|\n[ \t]*\n")
_MONTH_AFTER = re.compile(r"\.?[ \u00a0]*\d")


def _case_blocks(text: str) -> list[tuple[int, int]]:
    """Where `/// case` blocks are (start and end offsets), nested blocks included."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, bool, int]] = []  # slashes, is a case block, start offset
    offset = 0
    for line in text.split("\n"):
        close = _BLOCK_CLOSE.fullmatch(line)
        opener = _BLOCK_OPEN.match(line)
        if close and stack:
            slashes = len(close.group(1))
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == slashes:
                    end = offset + len(line)
                    spans.extend((start, end) for _, case, start in stack[depth:] if case)
                    del stack[depth:]
                    break
        elif opener:
            stack.append((len(opener.group(1)), opener.group(2).lower() == "case", offset))
        offset += len(line) + 1
    spans.extend((start, len(text)) for _, case, start in stack if case)
    return spans


def _sentence_start(text: str, start: int) -> bool:
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return bool(_LINE_START.fullmatch(before) or _SENTENCE_END.search(before))


# "Anička (jméno změněno)", "Anna (name has been changed)", "Honza (8 let, jméno bylo
# změněno)", "(pseudonym)": the author says the name before it is not the child's.
_PSEUDONYM_NOTE = re.compile(
    rf"{_SP}*\((?=[^()\n]*?(?:jmén\w*{_SP}+(?:(?:bylo|byla|byl|je|jsou|byla){_SP}+)?změněn"
    rf"|names?{_SP}+(?:(?:has|have|was|were){_SP}+)?(?:been{_SP}+)?changed|pseudonym"
    rf"|smyšlen\w*{_SP}+jmén|jmén\w*{_SP}+(?:je{_SP}+)?smyšlen))[^()\n]*\)",
    re.I,
)


def _capitalised_forms(name: str) -> set[str]:
    return {form[0].upper() + form[1:] for form in inflections(name)} | {name}


def _pseudonyms(text: str) -> frozenset[str]:
    """Every form of the names the page declares as pseudonyms: in a case block's
    `pseudonyms: [Anička, Honza]`, or by a note after the name ("Anička (jméno změněno)").
    A pseudonym counts on the whole page."""
    forms: set[str] = set()
    if "pseudonyms" in text:
        for opener in block_openers(text.split("\n")):
            if opener.name != "case" or "pseudonyms" not in opener.options_text:
                continue
            try:
                declared = parse_options(opener).get("pseudonyms")
            except OptionsError:
                continue  # the build reports it
            for name in declared if isinstance(declared, list) else [declared]:
                if isinstance(name, str) and name.strip():
                    forms |= _capitalised_forms(name.strip())
    if "(" in text:
        for match in _CAPITALISED.finditer(text):
            if _PSEUDONYM_NOTE.match(text, match.end()):
                name = match.group(0)
                forms |= _capitalised_forms(_NAME_FORMS.get(name, name))
    return frozenset(forms)


def _children(text: str, pseudonyms: frozenset[str] = frozenset()) -> Iterator[_Hit]:
    if _NAME_FORMS.keys().isdisjoint(_CAPITALISED.findall(text)):
        return
    words = _WORD.findall(text)
    candidates = [index for index, word in enumerate(words) if word in _NAME_FORMS]
    cases = _case_blocks(text) if "///" in text else []
    keywords = [index for index, word in enumerate(words) if word in _CHILD_WORDS]
    starts = [match.start() for match in _WORD.finditer(text)]
    for match in _YEAR_OLD.finditer(text):
        keywords.append(bisect_right(starts, match.start()) - 1)
    if not cases and not keywords and "(" not in text:
        return
    breaks = [match.start() for match in _PARAGRAPH_BREAK.finditer(text)]
    for index in candidates:
        if words[index] in pseudonyms:
            continue
        start = starts[index]
        in_case = any(begin <= start < end for begin, end in cases)
        paragraph = bisect_right(breaks, start)
        near = [
            k
            for k in keywords
            if abs(k - index) <= _WINDOW and bisect_right(breaks, starts[k]) == paragraph
        ]
        token = words[index]
        age = _AGE_AFTER.match(text, start + len(token))
        young = age is not None and int(age.group(1)) < 18
        if not in_case and not near and not young:
            continue
        if token in _ORDINARY_WORDS and _sentence_start(text, start):
            continue
        if _not_a_child(text, words, starts, index):
            continue
        if near:
            context = words[min(near, key=lambda k: abs(k - index))]
        elif in_case:
            context = ""
        else:
            context = _one_line(age.group(0))
        yield _Hit(start, start + len(token), "privacy-child-name", token, context)


def _not_a_child(text: str, words: list[str], starts: list[int], index: int) -> bool:
    token, start = words[index], starts[index]
    # "Jan 2015", "Jan. 3": the month in English.
    if token == "Jan" and _MONTH_AFTER.match(text, start + 3):
        return True
    for back in range(max(0, index - 3), index):
        title = words[back].lower()
        if title in _NOT_A_CHILD_BEFORE:
            between = text[starts[back] + len(words[back]) : start]
            if title in _ABBREVIATIONS:
                between = between.removeprefix(".")
            if not _SENTENCE_BREAK.search(between):  # in the same sentence
                return True
    if index:
        before = words[index - 1]
        if before.lower() in _NAMED_AFTER and _SURNAME_AFTER.match(text, start + len(token)):
            return True
        between = text[starts[index - 1] + len(before) : start]
        # The second of two names is a surname: "Petr Pavel", "Karel Marek".
        if between == " " and before in _NAME_FORMS:
            return True
        # A citation: "NOVÁKOVÁ, Jana."
        if between.strip() == "," and len(before) > 1 and before.isupper():
            return True
    return False


# --- never personal data ------------------------------------------------------------------

# Identifiers with their keyword: ISBN/ISSN, IČO, registration and project numbers.
# "č. j." stays out: court files are written after it.
_IDENTIFIER = re.compile(
    r"(?<!\w)(?:ISBN(?:-1[03])?|ISSN|IČO|IČ|DIČ"
    r"|(?i:reg\.\s?(?:č|no)\.|registra\w*\s+(?:čísl\w*|no\.|number)|evidenční\w*\s+čísl\w*"
    r"|čísl\w*\s+projektu|projekt\w*\s+(?:č\.|čísl\w*)|č\.\s?projektu"
    r"|project\s+(?:no\.|number|code|id)|grant(?:\s+agreement)?\s+(?:no\.|number)))"
    rf"[\s:#.]*(?=[\w./\-]*\d)[\w./\-]*\w(?:{_SP}\d[\w./\-]*)*"
)
# Law citations: "č. 359/1999 Sb.", "No. 359/1999 Coll.", "§ 6".
_LAW = re.compile(rf"{_FIRST_DIGIT}\d{{0,3}}/\d{{2,4}}{_SP}*(?:Sb|Coll)\b\.?|§{_SP}*\d+[a-z]?")
# Project and registration codes as printed, without a keyword:
# CZ.03.2.63/0.0/0.0/15_007/0000123, CZ.1.07/1.1.00/14.0143, LP-HRMGSB-007.
_CODE = re.compile(
    r"(?<![\w.])CZ\.\d{1,2}(?:\.[\dX]{1,3})+/[\w./]*\w"
    r"|(?<![\w\-])(?=[A-Z\d\-]*[A-Z]{2})(?=[A-Z\d\-]*\d)[A-Z]{2}[A-Z\d]*(?:-[A-Z\d]+)+(?![\w\-])"
)
_NEVER_TRIGGER = re.compile(
    r"IS[BS]N|IČ|DIČ|reg\.|registra|evidenční|projekt|project|grant|Sb|Coll|§|CZ\.|[A-Z]{2}[A-Z\d]*-",
    re.I,
)


def _never_personal(text: str) -> str:
    """`text` with citations, ISBNs and project or registration numbers blanked."""
    if not _NEVER_TRIGGER.search(text):
        return text
    for pattern in (_IDENTIFIER, _LAW, _CODE):
        text = pattern.sub(_blank, text)
    return text


# --- public services ------------------------------------------------------------------------

# A service's name: a number in the same table row or sentence is the service's.
_SERVICE = re.compile(
    r"(?<!\w)(?:"
    r"(?i:link[auyoe]|lince|linek|linkou|centr(?:um|a|u|em|ech|ům)|poradn\w*|služb\w*|úřad\w*"
    r"|polici\w*|nemocnic\w*|intervenční\w*|krizov\w*|ambulanc\w*|klinik\w*|ordinac\w*"
    r"|pohotovost\w*|záchrann\w*|hasič\w*|azylov\w*|magistrát\w*|odbor\w*|ústav\w*|soud\w*"
    r"|probační\w*|organizac\w*|nadac\w*|spol(?:ek|ku)|podateln\w*|recepc\w*|sekretariát\w*"
    r"|ministerstv\w*|kancelář\w*|dispečink\w*|helplines?|hotlines?|lines?|cent(?:re|er)s?"
    r"|services?|offices?|authorit(?:y|ies)|hospitals?|counsell?ing|clinics?|shelters?"
    r"|courts?|department|charit(?:y|ies)|foundation|organi[sz]ations?|emergency|reception"
    r"|switchboard)"
    r"|OSPOD\w*|SPOD|z\.\s?s\.|o\.\s?p\.\s?s\.|z\.\s?ú\.)(?!\w)"
)
_DAY = r"(?:po|út|ut|st|čt|ct|pá|pa|so|ne|mon|tue|wed|thu|fri|sat|sun)\w{0,7}\.?"
_TIME = r"\d{1,2}(?:[:.]\d{2})?"
# Opening hours: "Po–Pá 8–16", "Mon–Fri 9–17", "8:00–16:30", "nonstop", "24/7", "denně".
_HOURS = re.compile(
    rf"(?<!\w)(?:{_DAY}{_SP}*[–\-]{_SP}*{_DAY}|{_DAY}{_SP}+{_TIME}{_SP}*[–\-]{_SP}*{_TIME}"
    rf"|\d{{1,2}}:\d{{2}}{_SP}*[–\-]{_SP}*{_TIME}|{_TIME}{_SP}*[–\-]{_SP}*{_TIME}{_SP}*(?:h|hod)\b"
    r"|non-?stop|24/7|24\s+(?:hodin|hours)|denně|daily|provozní\s+dob\w*|opening\s+hours"
    r"|úřední\s+(?:hodiny|dny)|pracovní\s+dny|weekdays)(?!\w)",
    re.I,
)
# A person's number, whatever service the sentence names: "matka volala na linku z čísla…".
_PERSON = re.compile(
    r"(?<!\w)(?i:matk\w*|matc\w*|otc\w*|otec|babičk\w*|dědeč\w*|dědečk\w*|tet[auyoě]|tetou"
    r"|strýc\w*|soused\w*|manžel\w*|druh|druha|družk\w*|přítel\w*|kamarád\w*|partner\w{0,3}"
    r"|její|jeho|jejich|svůj|svého|svém|soukrom\w*|osobní\w*|mother\w*|father\w*|grand\w+"
    r"|aunt\w*|uncle\w*|neighbou?r\w*|husband\w*|wife|wives|boyfriend\w*|girlfriend\w*|her|his"
    r"|private\w*|personal\w*)(?!\w)"
)
_TABLE_DELIMITER = re.compile(r"[ \t>]*\|?[ \t]*:?-{3,}")
_SENTENCE_SPLIT = re.compile(rf"[.!?…][\"'”“»)]*{_SP}+(?=[\"„“«(]?[{_UP}])")


def _table_row(line: str) -> bool:
    stripped = line.lstrip(" \t>")
    return stripped.startswith("|") or line.count("|") >= 2


def _table_header(text: str, line_start: int) -> str:
    """The first row of the table the line at `line_start` belongs to."""
    header = ""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not _table_row(line):
            break
        if not _TABLE_DELIMITER.match(line):
            header = line
        end = start - 1
    return header


def _public_service(text: str, start: int, end: int, hours: bool = True) -> bool:
    """A number (or address) of a public service: in a table row or sentence that names
    a service or its opening hours, or in a table whose header does, and no person."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    # The item itself does not count, nor any e-mail address ("poradna@…" names no service).
    line = line[: start - line_start] + " " * (end - start) + line[end - line_start :]
    if "@" in line:
        line = _EMAIL.sub(_blank, line)
    if _table_row(line):
        context = line
    else:
        begin, finish = 0, len(line)
        for match in _SENTENCE_SPLIT.finditer(line):
            if match.end() <= start - line_start:
                begin = match.end()
            elif match.start() >= end - line_start:
                finish = match.start()
                break
        context = line[begin:finish]
    if _PERSON.search(context):
        return False
    if _SERVICE.search(context) or (hours and _HOURS.search(context)):
        return True
    if _table_row(line):
        header = _table_header(text, line_start)
        return bool(_SERVICE.search(header) or (hours and _HOURS.search(header)))
    return False


# --- the scan ------------------------------------------------------------------------------

_LOOKS_LIKE_PHONE = re.compile(r"\+?[\d \u00a0()./\-]+")


@lru_cache(maxsize=64)
def _allow_patterns(allow: frozenset[str]) -> tuple[re.Pattern, ...]:
    """The allow-list strings as patterns that accept any spacing between their words."""
    return tuple(
        re.compile(r"\s+".join(map(re.escape, s.split()))) for s in sorted(allow) if s.split()
    )


def scan(
    path: str,
    markdown: str,
    lang: str,
    first_line: int = 1,
    *,
    own_phones: Iterable[str] = frozenset(),
    own_domains: Iterable[str] = frozenset(),
    allow: Iterable[str] = frozenset(),
    public_numbers: Iterable[str] = (),
) -> list[Finding]:
    """Personal data in a page body (front matter removed; it starts at file line `first_line`).

    `public_numbers` are the project's public services (handbook/helplines.yml);
    the shipped nationwide lines are always added.
    """
    text = code_masked(markdown)
    accepted = _markers(text) if "<!--" in text else {}
    if accepted:
        text = _MARKER.sub(_blank, text)
    numbers = _URL.sub(_blank, text) if "http" in text or "www." in text else text
    numbers = _never_personal(numbers)
    lower = numbers.lower()
    slashed = bool(_SLASHED.search(numbers))
    allow = frozenset(allow)
    phones = (*own_phones, *(s for s in allow if _LOOKS_LIKE_PHONE.fullmatch(s.strip())))
    own = frozenset(national_digits(p) for p in phones if len(national_digits(p)) == 9)
    own |= public_lines().numbers() | {national_digits(str(p)) for p in public_numbers}
    domains = frozenset(d.strip().lstrip("@").lower() for d in own_domains if d.strip())

    # Earlier detectors claim their text: an IBAN's digits are not a phone, a
    # street named after someone is not a child's name.
    claimed: list[tuple[int, int]] = []
    hits: list[_Hit] = []
    for found in (
        _emails(text, domains),
        _ibans(numbers),
        _birth_numbers(numbers, slashed),
        _accounts(numbers) if slashed else (),
        _court_files(numbers) if slashed else (),
        _birth_dates(numbers, lower),
        _phones(numbers, own),
        _addresses(numbers, lower),
        _postcodes(numbers),
        _children(numbers, _pseudonyms(numbers)),
    ):
        for hit in found:
            if any(hit.start < end and start < hit.end for start, end in claimed):
                continue
            if hit.code in ("privacy-phone", "privacy-email") and _public_service(
                numbers, hit.start, hit.end, hours=hit.code == "privacy-phone"
            ):
                hit = _Hit(hit.start, hit.end, "", hit.shown)
            claimed.append((hit.start, hit.end))
            if hit.code:
                hits.append(hit)
    if not hits:
        return []

    allowed = [(m.start(), m.end()) for p in _allow_patterns(allow) for m in p.finditer(text)]
    findings = []
    for hit in hits:
        line, col = position(text, hit.start)
        if hit.code in accepted.get(line - 1, ()):
            continue
        if any(start <= hit.start and hit.end <= end for start, end in allowed):
            continue
        message, hint = _describe(hit, lang)
        level = CODES[hit.code]
        findings.append(Finding(path, line + first_line - 1, col, level, hit.code, message, hint))
    return sorted(findings, key=lambda f: (f.line, f.col))


# --- what the author reads -----------------------------------------------------------------

_ACCEPT = (
    "if it is public on purpose, add <!-- prirucka: allow {code} --> on the line or the line above"
)
_REGION = {"cs": "„v Jihočeském kraji“", "en": "“in South Bohemia”"}
_AGE_RANGE = {"cs": "„ve věku 6–8 let“", "en": "“aged 6–8”"}
_NOTE = {
    "cs": "„jména a některé okolnosti byly změněny“",
    "en": "“names and some details have been changed” („jména a některé okolnosti byly změněny“)",
}


def _describe(hit: _Hit, lang: str) -> tuple[str, str]:
    """The message (what was found and why it matters) and the hint (how to anonymise)."""
    lang = lang if lang in _REGION else "en"
    shown, code = hit.shown, hit.code
    accept = _ACCEPT.format(code=code)
    if code == "privacy-birth-number":
        return (
            f"birth number (rodné číslo) “{_digits(shown)[:4]}…”: it encodes the date of birth "
            "and sex and identifies the person",
            "remove it; a published text never needs a birth number",
        )
    if code == "privacy-birth-date":
        return (
            f"date of birth “{shown}”: with a first name or a place it identifies the child",
            f"give an age range instead ({_AGE_RANGE[lang]})",
        )
    if code == "privacy-court-file":
        return (
            f"court file number “{shown}”: anyone can look the case up and find the family",
            f"remove it and write only that the court decided; {accept}",
        )
    if code == "privacy-bank-account":
        return (f"bank account number “{shown}”: it names its holder", f"remove it; {accept}")
    if code == "privacy-address":
        return (
            f"street address “{shown}”: it leads to the family's home",
            "leave out the street and house number and name the region instead of the town "
            f"({_REGION[lang]})",
        )
    if code == "privacy-postcode":
        return (
            f"postcode with town “{shown}”: it narrows the place down to a few streets",
            f"name the region instead ({_REGION[lang]}); for an organisation's own address, "
            f"add <!-- prirucka: allow {code} --> on the line or the line above",
        )
    if code == "privacy-phone":
        return (
            f"private phone number “{shown}”: it leads straight to a person",
            "remove it, or give a helpline (116 111) or the organisation's own number "
            f"(numbers in a contact block count as its own); {accept}",
        )
    if code == "privacy-email":
        return (
            f"e-mail address “{shown}” outside the organisation's domains: it may name a person",
            f"remove it or give the organisation's address; {accept}",
        )
    where = f"next to “{hit.context}”" if hit.context else "in a case study"
    return (
        f"first name “{shown}” {where}: with the other details of a case it can identify the child",
        f"use a pseudonym and the note {_NOTE[lang]} (the case block adds it); if it already is "
        "a pseudonym, add <!-- prirucka: allow privacy-child-name --> on the line or the line above",
    )
