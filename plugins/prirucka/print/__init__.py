"""Publications -> print HTML -> PDF. Never imports mkdocs."""
