"""Use cases: one user action is one transaction; results are plain values.

The UI calls these and never sees a Session. Each function takes the `Database` and
the moment it happens (`now`) explicitly.
"""
