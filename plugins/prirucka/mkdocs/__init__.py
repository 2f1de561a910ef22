"""Thin MkDocs plugins: read config, call the core, hand results to MkDocs."""
