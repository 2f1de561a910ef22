"""Pure logic shared by the site, the print pipeline and the CLI. Never imports mkdocs."""
