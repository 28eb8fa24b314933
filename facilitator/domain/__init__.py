"""Pure rules of the product: no Textual, no database, no Rich.

Everything here is plain data and functions of it (and of an injected `now`), so it is
cheap to import and easy to test.
"""
