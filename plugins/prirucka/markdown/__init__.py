"""Python-Markdown extensions: the same syntax for the web and for print."""
