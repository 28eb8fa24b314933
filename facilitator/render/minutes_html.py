"""A meeting's minutes (or any page the app writes as Markdown, such as the agenda) as
one standalone HTML5 file that reads on screen and prints well.

The Markdown is rendered by markdown-it-py's CommonMark parser with raw HTML turned off,
so even if user text escaped its Markdown escaping, no tag of its own could reach the
page: the only markup is what the Markdown's structure makes, and the page's own head.
"""

from __future__ import annotations

import html
from datetime import tzinfo

from markdown_it import MarkdownIt

from facilitator.domain.minutes import Minutes
from facilitator.render.minutes_markdown import minutes_markdown
from facilitator.render.user_text import inline

STYLE = """\
:root { color-scheme: light; }
body {
  max-width: 44rem;
  margin: 2rem auto;
  padding: 0 1rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: #1b1b1b;
  background: #fff;
}
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; padding-bottom: 0.2rem;
  border-bottom: 1px solid #ccc; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
p, ul, ol { margin: 0.4rem 0; }
ul, ol { padding-left: 1.5rem; }
li > ul { margin: 0.1rem 0; }
blockquote { margin: 0.5rem 0 1rem; padding-left: 0.8rem; border-left: 3px solid #ccc;
  color: #444; }
hr { border: 0; border-top: 1px solid #ccc; margin: 2rem 0 1rem; }
@media print {
  @page { margin: 2cm 1.8cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000;
    background: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  li, blockquote, p { break-inside: avoid; page-break-inside: avoid; orphans: 3;
    widows: 3; }
  h2 { border-bottom-color: #999; }
}
"""


def minutes_html(minutes: Minutes, tz: tzinfo | None) -> str:
    """The minutes as a standalone HTML page (the Markdown minutes, rendered)."""
    title = f"Minutes: {inline(minutes.title) or 'untitled meeting'}"
    return markdown_page(minutes_markdown(minutes, tz), title)


def markdown_page(markdown: str, title: str) -> str:
    """`markdown` rendered as CommonMark (raw HTML shown as text, never passed through)
    in an HTML5 page titled `title`, with a style sheet for screen and print."""
    body = MarkdownIt("commonmark", {"html": False}).render(markdown)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="facilitator">\n'
        f"<title>{html.escape(inline(title))}</title>\n"
        f"<style>\n{STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        f"{body}"
        "</body>\n"
        "</html>\n"
    )
