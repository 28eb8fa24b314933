"""Storage: the engine and its settings, tables, repositories and migrations.

Importing this package is cheap; the engine and SQLModel are loaded by the modules that
need them, so the app can paint its first screen before the database layer is imported.
"""
