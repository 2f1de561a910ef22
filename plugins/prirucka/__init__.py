"""Příručka: bilingual handbooks as a website and print-ready PDFs."""
