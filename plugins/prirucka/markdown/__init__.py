"""Python-Markdown extensions: the same syntax for the web and for print."""

# Extensions that render differently per language take a `lang` option; the
# site (prirucka-languages) and print (print/chapter.py) set it to the
# language each page is written in.
LANGUAGE_AWARE = (
    "prirucka_admonitions",
    "prirucka_typography",
    "prirucka_glossary",
    "prirucka_blocks",
)

# Extensions that report authors' mistakes as `path:line: message` take the
# options `path` (the page's source file) and `line` (the line of that file
# where the Markdown text starts, after the front matter); the site
# (prirucka-blocks) and print (print/chapter.py) set them per page.
SOURCE_AWARE = ("prirucka_blocks",)
