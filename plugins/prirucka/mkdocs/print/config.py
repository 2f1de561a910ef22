from mkdocs.config import base
from mkdocs.config import config_options as c

from ...core import generated


class PrintConfig(base.Config):
    # Render the publications in handbook/ at the end of `prirucka build`
    # (`prirucka build --no-pdf` switches this off).
    enabled = c.Type(bool, default=True)
    # Parallel renderers; 0 = one per core.
    jobs = c.Type(int, default=0)
    # pdf/ua-1 (accessible, the default) or pdf/a-3b (archiving).
    variant = c.Choice(("pdf/ua-1", "pdf/a-3b"), default="pdf/ua-1")
    # Path of the generated list of publications in each language folder.
    publications_page = c.Type(str, default=generated.PUBLICATIONS_PAGE)
    # Its place in the navigation (`order` of the top-level pages).
    publications_order = c.Type(int, default=80)
