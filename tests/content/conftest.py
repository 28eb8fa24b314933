"""Content tests check the packaged pack against the source documents.

They use the session-wide `pack` fixture from tests/conftest.py (the packaged pack,
loaded once).
"""
