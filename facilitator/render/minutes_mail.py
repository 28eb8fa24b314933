"""A meeting's minutes as an e-mail draft (.eml): addressed to the team, with the plain
text and the HTML page as alternatives, marked unsent so that Outlook and Thunderbird
open it as a message to send.

The draft has no Date or Message-ID (the mail program adds them when it is sent) and a
MIME boundary made from its content, so the same minutes always give the same bytes.
Lines end in CRLF (RFC 5322); both parts are UTF-8, sent as 8bit so the file reads as
it will show (the mail program re-encodes as its server needs), or quoted-printable
when a line is longer than the 998 octets a message line may have.

The From, To and Subject lines are encoded here with `email.header.Header` (RFC 2047
encoded-words of at most 75 characters) and written before the MIME headers, rather
than by `EmailMessage`'s header folding: that folding (Python 3.11) can drop the space
at the point where it splits a long non-ASCII name into encoded-words, or leave a ":"
of the name unquoted, and the names here are whatever the team typed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import tzinfo
from email import policy
from email.errors import HeaderParseError
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formataddr, parseaddr

from facilitator.domain.meeting_date import meeting_day
from facilitator.domain.minutes import Minutes, Recipient
from facilitator.render.minutes_html import minutes_html
from facilitator.render.minutes_parts import short_day
from facilitator.render.minutes_text import minutes_text
from facilitator.render.user_text import inline

MAX_LINE = 998
"""The longest line a message may carry, in octets, without its CRLF (RFC 5322, 2.1.1)."""
FOLD = 74  # header lines are folded before this, so an encoded-word stays within 75
CRLF = "\r\n"


def minutes_email(minutes: Minutes, tz: tzinfo | None, *, sender: str | None = None) -> bytes:
    """The minutes as an RFC 5322 draft: To every recipient with a usable address,
    Subject "Minutes: <team>, <date>", X-Unsent: 1, and multipart/alternative text and
    HTML. `sender` ("Name <address>" or an address) becomes From; a sender that is not an
    e-mail address raises ValueError. Recipients whose addresses cannot be written are
    left out (`mail_recipients` says which); with none, there is no To line."""
    headers = []
    if sender is not None:
        headers.append(f"From: {_mailbox(_sender(sender), 'From')}")
    addresses, _ = mail_recipients(minutes.recipients)
    if addresses:
        headers.append("To: " + f",{CRLF} ".join(_mailbox(a, "To") for a in addresses))
    headers.append(f"Subject: {_unstructured(subject(minutes, tz), 'Subject')}")
    headers.append("X-Unsent: 1")
    lines = "".join(header + CRLF for header in headers)
    return lines.encode("ascii") + _body(minutes_text(minutes, tz), minutes_html(minutes, tz))


def subject(minutes: Minutes, tz: tzinfo | None) -> str:
    """E.g. "Minutes: Riverside Elementary Leadership Team, 9 November 2026"."""
    team = inline(minutes.team_name) or inline(minutes.title) or "team meeting"
    return f"Minutes: {team}, {short_day(meeting_day(minutes, tz))}"


def mail_recipients(
    recipients: Iterable[Recipient],
) -> tuple[tuple[Address, ...], tuple[Recipient, ...]]:
    """The recipients as addresses a message can carry, and those left out because their
    address is not one (a non-ASCII mailbox name, a missing domain, two addresses in one
    field). A non-ASCII domain is written in its ASCII (IDNA) form."""
    usable: list[Address] = []
    skipped: list[Recipient] = []
    for recipient in recipients:
        address = _address(inline(recipient.name), recipient.email.strip())
        if address is None:
            skipped.append(recipient)
        else:
            usable.append(address)
    return tuple(usable), tuple(skipped)


def _address(name: str, email: str) -> Address | None:
    local, at, domain = email.rpartition("@")
    if not (local and at and domain) or not local.isascii():
        return None
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
        return Address(display_name=name, addr_spec=f"{local}@{ascii_domain}")
    except (ValueError, IndexError, HeaderParseError, UnicodeError):
        return None


def _sender(sender: str) -> Address:
    name, email = parseaddr(sender)
    address = _address(inline(name), email)
    if address is None:
        raise ValueError(f'"{sender}" is not an e-mail address.')
    return address


def _mailbox(address: Address, header: str) -> str:
    """ "Name <address>": the name as it is when it is short plain ASCII (quoted when it
    has a comma or quote), else as encoded-words."""
    name = address.display_name
    plain = formataddr((name, address.addr_spec))
    if name.isascii() and "=?" not in name and len(plain) < FOLD:
        return plain
    encoded = Header(name, "utf-8", maxlinelen=FOLD, header_name=header).encode(linesep=CRLF)
    return f"{encoded} <{address.addr_spec}>"


def _unstructured(text: str, header: str) -> str:
    """A header's text folded at spaces, in encoded-words unless it is plain ASCII."""
    charset = "us-ascii" if text.isascii() and "=?" not in text else "utf-8"
    return Header(text, charset, maxlinelen=FOLD, header_name=header).encode(linesep=CRLF)


def _body(text: str, page: str) -> bytes:
    """The MIME part: multipart/alternative with the text and the page."""
    message = EmailMessage(policy=policy.SMTP)
    message.set_content(text, cte=_transfer_encoding(text))
    message.add_alternative(page, subtype="html", cte=_transfer_encoding(page))
    for part in message.iter_parts():
        del part["MIME-Version"]  # add_alternative copies it into the parts; it belongs on top
    message.set_boundary(_boundary(text, page))
    return message.as_bytes()


def _transfer_encoding(text: str) -> str:
    """8bit when every line fits in a message line, else quoted-printable."""
    fits = all(len(line.encode()) <= MAX_LINE for line in text.split("\n"))
    return "8bit" if fits else "quoted-printable"


def _boundary(*parts: str) -> str:
    """A MIME boundary made from the content: stable, and not found in it."""
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()
    boundary = f"=_minutes_{digest[:32]}"
    while any(boundary in part for part in parts):  # pragma: no cover - a hash collision
        boundary += "_"
    return boundary
