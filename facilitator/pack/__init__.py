"""The content pack: the practice the app teaches, as validated, sourced data.

Import `facilitator.pack.loader` to load it; the schema lives in `facilitator.pack.schema`.
"""
