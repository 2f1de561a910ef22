from mkdocs.config import base
from mkdocs.config import config_options as c


class ChecksConfig(base.Config):
    # The organisation's own phone numbers and e-mail domains: not personal data
    # (used by `prirucka check`; `contact` blocks add their numbers too).
    own_phones = c.Type(list, default=[])
    own_domains = c.Type(list, default=[])
    # Exact texts accepted on purpose by `prirucka check` (e.g. a published court case).
    allow = c.Type(list, default=[])
