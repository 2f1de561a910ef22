"""Python-Markdown extensions: the same syntax for the web and for print.

Which of them take a per-page `lang`, `path` and `line` is said in
core/extensions.py, where the site and print both read it.
"""

from ..core.extensions import LANGUAGE_AWARE, SOURCE_AWARE

__all__ = ["LANGUAGE_AWARE", "SOURCE_AWARE"]
