from mkdocs.config import base
from mkdocs.config import config_options as c

# Professional documents: "How to cite" belongs on these, not on parents' pages.
CITATION_TYPES = ["manual", "methodology", "project", "report"]


class DocumentsConfig(base.Config):
    # Who publishes the site, for citations when a page names no authors.
    publisher = c.Type(
        dict, default={"cs": "Příručka – redakční rada", "en": "Příručka editorial board"}
    )
    # Show "How to cite" (with BibTeX and CSL-JSON downloads) at all.
    citations = c.Type(bool, default=True)
    # The document types that get it (the others, e.g. handbooks for parents, do not).
    citation_types = c.Type(list, default=list(CITATION_TYPES))
