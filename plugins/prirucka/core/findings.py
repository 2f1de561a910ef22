"""Findings about sources, reported as `path:line:col: level: code: message`."""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    level: str  # error | warning | info
    code: str  # stable identifier, e.g. "term-variant"
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.level}: {self.code}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def short(self) -> str:
        """`path:line: message` as build errors are written (no column, level or code)."""
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text
