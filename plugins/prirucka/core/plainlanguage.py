"""Plain-language checks for pages written for parents and for children.

Pages with `audience: [parents]` or `[children]` are read sentence by
sentence. The thresholds (documented in the editor guide, "Plain language")
follow the plain-language practice of ČSN 01 0508 (ISO 24495-1): short
sentences, everyday words, the active voice. Children's pages are held to
stricter limits than parents' pages; Czech sentences get fewer words than
English ones because Czech has no articles and packs more into a word.

Readability is LIX (Björnsson): words per sentence + 100 × share of words
longer than six letters. It needs no syllable counting, so it works the same
way for Czech and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .findings import Finding
from .mdtext import position, prose


@dataclass(frozen=True)
class Limits:
    sentence_words: int  # more words in one sentence: warning
    word_letters: int  # a longer word: note
    lix: int  # a page above this readability score: warning
    passive_level: str  # how a passive construction is reported


# (audience, language) -> limits. Children's pages are the stricter ones.
LIMITS: dict[tuple[str, str], Limits] = {
    ("parents", "cs"): Limits(sentence_words=20, word_letters=15, lix=50, passive_level="info"),
    ("parents", "en"): Limits(sentence_words=25, word_letters=14, lix=45, passive_level="info"),
    ("children", "cs"): Limits(sentence_words=12, word_letters=12, lix=40, passive_level="warning"),
    ("children", "en"): Limits(sentence_words=15, word_letters=11, lix=35, passive_level="warning"),
}
LONG_WORD = 6  # LIX counts words longer than this many letters

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ABBREVIATIONS = {
    "cs": {
        "č",
        "čj",
        "tzv",
        "např",
        "atd",
        "apod",
        "odst",
        "písm",
        "sb",
        "tj",
        "mj",
        "resp",
        "str",
        "s",
        "o",
        "p",
        "r",
        "z",
        "ul",
        "tel",
        "vč",
        "min",
        "max",
        "cca",
        "př",
        "pozn",
        "mgr",
        "ing",
        "bc",
        "phdr",
        "judr",
        "mudr",
        "doc",
        "prof",
        "dr",
    },
    "en": {
        "no",
        "coll",
        "e",
        "g",
        "i",
        "etc",
        "vs",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "approx",
        "tel",
        "art",
        "sec",
        "para",
    },
}
_PASSIVE = {
    # a form of "být" followed (at most one word later) by a passive participle;
    # short forms in -it/-yt/-ut ("zabit") are left out: they look like infinitives
    "cs": re.compile(
        r"\b(?:je|jsou|byl[aoiy]?|bude|budou|být|bývá|bývají|není|nejsou|nebyl[aoiy]?|nebude|nebudou)"
        r"\s+(?:[^\W\d_]+\s+)?"
        r"((?:[^\W\d_]{2,})(?:en|ena|eno|eni|eny|án|ána|áno|áni|ány|ita|ito|ity|yta|yto|yty))\b",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't)"
        r"\s+(?:[a-z]+ly\s+|not\s+)?"
        r"([a-z]{2,}ed|done|made|given|taken|seen|told|found|kept|held|known|shown|left|put|set|paid|sent|built|brought|taught|written|spoken|heard|hurt|born|beaten|hidden|forgotten|chosen|caught)\b",
        re.I,
    ),
}
# Words that look like participles but are not (after "je"/"is").
_NOT_PASSIVE = {
    "ten",
    "jeden",
    "týden",
    "den",
    "sen",
    "orgán",
    "plán",
    "pán",
    "need",
    "worried",
    "interested",
    "limited",
    "married",
    "divorced",
    "used",
    "tired",
    "scared",
}

_LINE_MARKUP = re.compile(
    r"^(?P<indent>[ \t]*)(?:#{1,6}[ \t].*$|(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|>[ \t]*|:[ \t]+)"
)
_SKIP_LINE = re.compile(
    r"^[ \t]*(?:///.*|!!!.*|\?\?\?.*|\|?[ \t]*:?-{3,}.*|\[\^[^\]]+\]:.*|[ \t]*\{.*\}[ \t]*)$"
)
_BLOCK_OPTION = re.compile(r"^ {4}[A-Za-z_]+:\s")
_INLINE_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|\[\^[^\]]+\]|[\[\]]")


@dataclass(frozen=True)
class Sentence:
    start: int  # offset in the page body
    text: str  # the sentence with markup blanked out

    @property
    def words(self) -> list[re.Match]:
        return list(_WORD.finditer(self.text))


def limits_for(audience: list[str], lang: str) -> Limits | None:
    """The stricter limits of the page's audiences; None when plain language is not required."""
    for group in ("children", "parents"):
        if group in audience and (group, lang) in LIMITS:
            return LIMITS[(group, lang)]
    return None


def _masked(markdown: str) -> str:
    """The body with everything but running text replaced by spaces (offsets kept)."""
    lines = prose(markdown).split("\n")
    in_options = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith("///") and line.strip() != "///":
            in_options = True
            lines[index] = " " * len(line)
            continue
        if in_options and _BLOCK_OPTION.match(line):
            lines[index] = " " * len(line)
            continue
        in_options = False
        if _SKIP_LINE.match(line):
            lines[index] = " " * len(line)
            continue
        match = _LINE_MARKUP.match(line)
        if match:
            if line.lstrip().startswith("#"):
                lines[index] = " " * len(line)  # headings are titles, not sentences
                continue
            # A list item, quote or definition starts a new block: keep a boundary mark.
            marker = match.end() - len(match.group("indent"))
            lines[index] = match.group("indent") + "\x00" + " " * (marker - 1) + line[match.end() :]
        lines[index] = _INLINE_MARKUP.sub(lambda m: " " * len(m.group(0)), lines[index])
        # Table cells are blocks of their own.
        lines[index] = lines[index].replace("|", "\x00")
    return "\n".join(lines)


def sentences(markdown: str, lang: str) -> list[Sentence]:
    """The sentences of a Markdown body (paragraphs, list items, table cells)."""
    text = _masked(markdown)
    abbreviations = _ABBREVIATIONS.get(lang, set())
    found: list[Sentence] = []
    # Blocks: separated by blank lines and by the boundary marks set above.
    for block in re.finditer(r"(?:[^\n\x00]|\n(?![ \t]*\n))+", text):
        body = block.group(0)
        start = 0
        for end_mark in re.finditer(r"[.!?…]+[\"'“”»)]*(?=\s+[„\"“‚(A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])", body):
            before = re.search(r"([^\W\d_]+|\d+)$", body[: end_mark.start()])
            token = before.group(1) if before else ""
            if token.lower() in abbreviations or token.isdigit() or len(token) == 1:
                continue
            _add(found, block.start() + start, body[start : end_mark.end()])
            start = end_mark.end()
        _add(found, block.start() + start, body[start:])
    return found


def _add(found: list[Sentence], offset: int, text: str) -> None:
    stripped = text.strip()
    if not _WORD.search(stripped):
        return
    lead = len(text) - len(text.lstrip())
    found.append(Sentence(offset + lead, stripped))


def lix(items: list[Sentence]) -> float:
    """LIX readability: words per sentence + 100 × share of words longer than six letters."""
    words = [w.group(0) for s in items for w in s.words]
    if not items or not words:
        return 0.0
    long_words = sum(1 for w in words if len(w) > LONG_WORD)
    return len(words) / len(items) + 100 * long_words / len(words)


def check(
    shown: str, markdown: str, lang: str, first_line: int, audience: list[str]
) -> list[Finding]:
    """Findings for sentences, words and passives beyond the audience's limits."""
    limits = limits_for(audience, lang)
    if limits is None:
        return []
    who = "children" if "children" in audience else "parents"
    findings: list[Finding] = []

    def at(offset: int) -> tuple[int, int]:
        line, col = position(markdown, offset)
        return line + first_line - 1, col

    items = sentences(markdown, lang)
    for sentence in items:
        words = sentence.words
        if len(words) > limits.sentence_words:
            line, col = at(sentence.start)
            findings.append(
                Finding(
                    shown,
                    line,
                    col,
                    "warning",
                    "plain-sentence",
                    f"a sentence of {len(words)} words; pages for {who} keep to {limits.sentence_words}",
                    "split it in two, or leave out what the reader does not need",
                )
            )
        for word in words:
            letters = max(len(part) for part in word.group(0).split("-"))
            if letters > limits.word_letters and not word.group(0).isupper():
                line, col = at(sentence.start + word.start())
                findings.append(
                    Finding(
                        shown,
                        line,
                        col,
                        "info",
                        "plain-long-word",
                        f"“{word.group(0)}” has {letters} letters (limit for {who}: {limits.word_letters})",
                        "use a shorter, everyday word if there is one, or explain it",
                    )
                )
        for match in _PASSIVE[lang].finditer(sentence.text):
            if match.group(1).lower() in _NOT_PASSIVE:
                continue
            line, col = at(sentence.start + match.start())
            findings.append(
                Finding(
                    shown,
                    line,
                    col,
                    limits.passive_level,
                    "plain-passive",
                    f"passive “{match.group(0)}”",
                    "say who does it: “the court decides” rather than “it is decided”",
                )
            )
    score = lix(items)
    if len(items) >= 5 and score > limits.lix:
        findings.append(
            Finding(
                shown,
                first_line,
                1,
                "warning",
                "plain-readability",
                f"readability LIX {score:.0f}; pages for {who} keep to {limits.lix}",
                "shorter sentences and shorter words lower it",
            )
        )
    return findings
