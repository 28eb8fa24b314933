"""Everything the `facilitator` command prints goes through here.

A database may hold text from before facilitator cleaned what comes in, or from another
program, so the command line cleans again on the way out (see `facilitator.domain.clean`):
a message or table loses every control character, a document (an export) keeps only the
ones its format needs. Nothing a file holds can then drive the terminal it is printed on.
"""

from __future__ import annotations

import sys

from facilitator.domain.clean import for_document, for_terminal


def say(text: str) -> None:
    """Print a message or a table on stdout, cleaned for the terminal."""
    print(for_terminal(text))


def complain(text: str) -> None:
    """Print a problem on stderr, cleaned for the terminal."""
    print(for_terminal(text), file=sys.stderr)


def document_bytes(data: bytes) -> bytes:
    """An exported document (UTF-8) without the control characters its format does not
    need; see `for_document`. JSON already writes every control character as an escape."""
    return for_document(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")


def write_document(data: bytes) -> None:
    """Print an exported document on stdout, cleaned as `document_bytes` says."""
    sys.stdout.flush()
    sys.stdout.buffer.write(document_bytes(data))
    sys.stdout.buffer.flush()
