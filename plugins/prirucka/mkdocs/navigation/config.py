from mkdocs.config import base
from mkdocs.config import config_options as c


class NavigationConfig(base.Config):
    # Name each folder's section after the title of its index.md, in the page's language.
    section_titles_from_index = c.Type(bool, default=True)
    # Sort pages and sections by the `order:` in their front matter.
    order_from_front_matter = c.Type(bool, default=True)
