"""Renderings shared by the app and the CLI (plain text, JSON; later minutes exports)."""
