"""Our Python-Markdown extensions by name, and the options their hosts set per page.

The site (prirucka-languages, prirucka-blocks) and print (print/chapter.py)
both configure the extensions for each page; they agree through these names.
"""

# Extensions that render differently per language take a `lang` option: the
# language each page is written in.
LANGUAGE_AWARE = (
    "prirucka_admonitions",
    "prirucka_typography",
    "prirucka_glossary",
    "prirucka_blocks",
)

# Extensions that report authors' mistakes as `path:line: message` take the
# options `path` (the page's source file) and `line` (the line of that file
# where the Markdown text starts, after the front matter).
SOURCE_AWARE = ("prirucka_blocks",)
