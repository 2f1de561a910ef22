from mkdocs.config import base
from mkdocs.config import config_options as c


class DocumentsConfig(base.Config):
    # Who publishes the site, for citations when a page names no authors.
    publisher = c.Type(
        dict, default={"cs": "Příručka – redakční rada", "en": "Příručka editorial board"}
    )
    # Show "How to cite" (with BibTeX and CSL-JSON downloads) on typed documents.
    citations = c.Type(bool, default=True)
