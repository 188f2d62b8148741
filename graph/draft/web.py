"""A saved web page as an article: its main text, title, date, author, outlet and URL (trafilatura).

:func:`read_web_page` reads a page saved from the browser (``.html``), in whatever encoding it
declares, and extracts its main text and metadata with ``trafilatura`` (a maintained extractor
of web articles; install it with ``pip install 'actorgraph[web]'``). :func:`article_text` lays
them out as the text file ``actorgraph draft`` reads: the headline, a byline and date line, then
the paragraphs. A page that is not HTML, is empty or too large, or has no article text in it is
refused with a :class:`~graph.draft.DraftError` saying why.

>>> page = b'''<html><head><title>Beijing urges talks | Example News</title>
... <meta property="og:site_name" content="Example News"></head><body><nav>Home | World</nav>
... <article><h1>Beijing urges talks</h1><p>BEIJING: China on Monday urged Pakistan and Afghanistan
... to settle their differences through talks, a foreign ministry spokesperson said in a briefing.</p>
... <p>The two neighbours have traded accusations for months over attacks near the border crossings.</p>
... </article></body></html>'''
>>> a = read_web_page(page, "saved.html")
>>> a["title"], a["outlet"]
('Beijing urges talks', 'Example News')
>>> print(article_text(a).splitlines()[0])
Beijing urges talks
"""

from __future__ import annotations

import json
import re

__all__ = ["read_web_page", "article_text", "MAX_PAGE_BYTES", "looks_like_html"]

MAX_PAGE_BYTES = 20_000_000
_MIN_WORDS = 30
_HTML = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|article|p|div)\b", re.I)


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes are an HTML page (a tag such as ``<html>`` or ``<p>`` near the start)."""
    return bool(_HTML.search(data[:20_000]))


def read_web_page(data: bytes, path="page") -> dict:
    """``{"title", "text", "date", "author", "outlet", "url"}`` of the saved page *data* (bytes)."""
    from . import DraftError

    if not data.strip():
        raise DraftError(f"{path}: the page is empty")
    if len(data) > MAX_PAGE_BYTES:
        raise DraftError(f"{path}: the page is larger than the limit of {MAX_PAGE_BYTES:,} bytes")
    if not looks_like_html(data):
        raise DraftError(
            f"{path}: this is not an HTML page (no <html>, <body> or <p> tag); for a plain text, "
            "save it as a UTF-8 .txt file"
        )
    try:
        import trafilatura
    except ImportError:
        raise DraftError(
            "reading a web page needs trafilatura: pip install 'actorgraph[web]' "
            "(or save the article's text as a UTF-8 .txt file)"
        ) from None
    try:
        raw = trafilatura.extract(
            data,
            output_format="json",
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            deduplicate=True,
        )
    except Exception as exc:  # noqa: BLE001 - a page the extractor cannot parse: say so, no traceback
        raise DraftError(f"{path}: the page could not be read ({type(exc).__name__}: {exc})") from None
    meta = json.loads(raw) if raw else {}
    text = (meta.get("text") or "").strip()
    if len(text.split()) < _MIN_WORDS:
        raise DraftError(
            f"{path}: no article text found in the page (is it an article? a page of links, a "
            "search result or a login page has none); save the article's own page, or its text "
            "as a .txt file"
        )
    return {
        "title": (meta.get("title") or "").strip() or None,
        "text": text,
        "date": meta.get("date") or None,
        "author": (meta.get("author") or "").strip() or None,
        "outlet": (meta.get("source-hostname") or meta.get("hostname") or "").strip() or None,
        "url": meta.get("source") or None,
    }


def article_text(article: dict) -> str:
    """The text file of an article: headline, byline and date lines, a blank line, the paragraphs."""
    lines = [ln.strip() for ln in article["text"].splitlines() if ln.strip()]
    title = article.get("title")
    if title and lines and lines[0].lower() == title.lower():
        lines = lines[1:]
    head = [title] if title else []
    if article.get("author"):
        head.append(f"By {article['author']}")
    if article.get("date"):
        head.append(f"Published {article['date']}")
    return "\n".join(head) + ("\n\n" if head else "") + "\n\n".join(lines) + "\n"
