from mkdocs.config import base
from mkdocs.config import config_options as c


class SearchConfig(base.Config):
    # The term base whose variants and abbreviations pages are also found by
    # (relative to mkdocs.yml); without the file, pages get no extra terms.
    glossary = c.Type(str, default="handbook/glossary.yml")
    # Add the dictionary forms (lemmas) of a page's words to the index, so a
    # search for `matka` finds a page that only says `matky`.
    lemmas = c.Type(bool, default=True)
    # Run Pagefind after the build. Off: the search box is there, the index is not.
    index = c.Type(bool, default=True)
