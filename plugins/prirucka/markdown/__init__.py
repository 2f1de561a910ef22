"""Python-Markdown extensions: the same syntax for the web and for print."""

# Extensions that render differently per language take a `lang` option; the
# site (prirucka-languages) and print (print/chapter.py) set it to the
# language each page is written in.
LANGUAGE_AWARE = ("prirucka_admonitions", "prirucka_typography", "prirucka_glossary")
