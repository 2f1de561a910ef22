from mkdocs.config import base


class BlocksConfig(base.Config):
    """No options: the plugin only tells the extension where each page comes from."""
