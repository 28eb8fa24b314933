"""Repositories: keyword-only query and write functions over an explicit session.

They never commit; the service that called them owns the unit of work.
"""
