from mkdocs.config import base
from mkdocs.config import config_options as c


class BlocksConfig(base.Config):
    # Check the `///` blocks of each page before MkDocs renders it, so that a
    # mistake stops the build with `path:line: message` instead of a traceback.
    check = c.Type(bool, default=True)
