"""The reliability suite: probes that re-run issue 15's fault trials (see README.md).

`cases` and `injection_data` are also imported by `tests/reliability/`, so the normal
test run checks the fast parts with the same cases and the same checks.
"""
