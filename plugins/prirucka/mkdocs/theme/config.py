from mkdocs.config import base
from mkdocs.config import config_options as c

from ...core.webfonts import DEFAULT_RENAMES

# Text settings take one text, or one per language: `organisation: {cs: …, en: …}`.
Text = (str, dict)


class QuickExitConfig(base.Config):
    # The "leave now" button of sites for families facing violence.
    enabled = c.Type(bool, default=True)
    # Where it leads: a neutral site (the page replaces ours in the history).
    url = c.Type(Text, default="https://www.google.com/")
    # On pages for these audiences (front matter `audience:`) …
    audiences = c.Type(list, default=["parents", "children"])
    # … and on the home page.
    home = c.Type(bool, default=True)


class EmergencyConfig(base.Config):
    # The emergency numbers (helplines with `emergency: true`) at the top of the page.
    home = c.Type(bool, default=True)
    audiences = c.Type(list, default=["parents", "children"])
    # The footer of these pages lists every helpline.
    footer_helplines = c.Type(bool, default=True)


class ThemeConfig(base.Config):
    # Rendered web fonts are kept here between builds (relative to mkdocs.yml).
    cache_dir = c.Type(str, default=".cache/prirucka")
    # Family of a bundled font -> the name its web subset is served under. The
    # OFL forbids Reserved Font Names ("Charis", "SIL") on modified fonts.
    web_families = c.Type(dict, default=dict(DEFAULT_RENAMES))

    # --- site identity ---------------------------------------------------------
    # Who publishes the site: named in the footer (default: prirucka-documents'
    # `publisher`, else the site name).
    organisation = c.Type(Text, default="")
    # The logo's text for screen readers (default: the organisation's name).
    logo_alt = c.Type(Text, default="")
    # Colours as "#rrggbb": {primary: …, accent: …}; text colours keep their contrast.
    colors = c.Type(dict, default={})
    # Footer: {email: …, phone: …, web: …, address: …}, each a text or one per language.
    contact = c.Type(dict, default={})
    # Footer: {name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}.
    licence = c.Type(dict, default={})
    # The editor guide's folder: out of the readers' navigation and search, with
    # its own navigation and a link in the footer ("" keeps it among the readers' pages).
    editors = c.Type(str, default="pro-editory")

    # --- safety ----------------------------------------------------------------
    quick_exit = c.SubConfig(QuickExitConfig)
    emergency = c.SubConfig(EmergencyConfig)
    # Helplines and the organisation's own numbers in page text become `tel:` links.
    tel_links = c.Type(bool, default=True)
