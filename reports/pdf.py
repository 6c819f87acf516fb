"""Render HTML to PDF with WeasyPrint so that the PDF's text layer is right for Thai.

The cause
---------
WeasyPrint (checked against 70.0, ``weasyprint/draw/text.py``, ``draw_first_line``) writes
one ``/ToUnicode`` CMap per font, mapping each glyph id to the text of the *first* cluster
it was seen in. That is a 1:1 glyph-to-text table, and Thai shaping is not 1:1: SARA AM
(U+0E33) is drawn as two glyphs (NIKHAHIT + SARA AA), glyphs are reused across clusters,
and a cluster that shapes to several glyphs puts all its text on the first of them. Text
extraction, copy-paste, search and screen readers therefore read "สำนักงาน" as "สานักงาน",
"งาน" as "งำน" and "น้ำ" as "นา", although the page looks right. No ToUnicode table can fix
this, because the same glyph legitimately stands for different text in different places.

The remedy
----------
The PDF standard (ISO 32000-1, 14.9.4) lets a content stream give the real text of a
marked-content sequence: ``/Span <</ActualText <FEFF…>>> BDC … EMC``. Extractors (poppler's
``pdftotext``, pdf.js, Acrobat) and assistive technology use it instead of the glyph
mapping. While :func:`render_pdf` runs, :func:`actual_text` wraps
``weasyprint.draw.text.draw_first_line`` (which emits one text box's glyph runs with
``Tj``/``TJ``, inside ``BT``/``ET``) so that its output is enclosed in such a sequence
carrying the exact text Pango laid out for that line. Nothing else in the PDF changes.
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.draw import text as draw_text_module
from weasyprint.urls import URLFetcher, URLFetcherResponse

__all__ = ["StaticURLFetcher", "actual_text", "render_pdf", "static_url_fetcher"]

_enabled: ContextVar[bool] = ContextVar("weasyprint_actual_text", default=False)
_lock = threading.Lock()
_depth = 0
_original: Callable[..., Any] | None = None


def _actual_text_operator(text: str) -> bytes:
    """Return ``/Span <</ActualText <FEFF…>>> BDC`` for ``text`` (UTF-16BE hex string)."""
    return b"/Span <</ActualText <FEFF%s>>> BDC" % text.encode("utf-16-be").hex().upper().encode()


def _draw_first_line(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
    """``draw_first_line`` that encloses the glyphs it draws in an /ActualText span."""
    assert _original is not None
    if not _enabled.get():  # Another thread/context rendering without the fix.
        return _original(stream, textbox, *args, **kwargs)
    start = len(stream.stream)
    emojis = _original(stream, textbox, *args, **kwargs)
    if len(stream.stream) > start:  # Something was drawn (not a blank box).
        # Read the text after drawing: the ellipsis code may have changed it.
        layout = textbox.pango_layout
        _line, index = layout.get_first_line()  # Byte index of the 2nd line, or None.
        text = layout.text if index is None else layout.text.encode()[:index].decode()
        stream.stream.insert(start, _actual_text_operator(text.rstrip("\r\n")))
        stream.stream.append(b"EMC")
    return emojis


@contextmanager
def actual_text() -> Iterator[None]:
    """Within this block (in this thread/context), give WeasyPrint's text runs /ActualText.

    The patch is installed on first entry and removed on last exit; renders in other
    threads or contexts that run meanwhile call the original function unchanged.
    """
    global _depth, _original
    with _lock:
        if _depth == 0:
            _original = draw_text_module.draw_first_line
            draw_text_module.draw_first_line = _draw_first_line
        _depth += 1
    token = _enabled.set(True)
    try:
        yield
    finally:
        _enabled.reset(token)
        with _lock:
            _depth -= 1
            if _depth == 0:
                draw_text_module.draw_first_line = _original  # Kept: a late caller may use it.


# Where the fetcher reads a file: a folder, or a function of the name (the part of the URL
# after the prefix, e.g. "css/print.1f2e3d.css") that returns its bytes or raises
# FileNotFoundError (reports/printing.py's reads Django's static files and storage).
Source = Path | Callable[[str], bytes]
# One file: its path, or a function returning its bytes.
File = Path | Callable[[], bytes]


def _from_folder(root: Path) -> Callable[[str], bytes]:
    root = Path(root).resolve()

    def read(name: str) -> bytes:
        file = (root / name).resolve()
        if not file.is_relative_to(root) or not file.is_file():
            raise FileNotFoundError(name)
        return file.read_bytes()

    return read


class StaticURLFetcher(URLFetcher):
    """Serve URLs whose path starts with ``prefix`` (``/static/``) from ``static`` (a folder,
    or a function of the name after the prefix), and the exact URL paths listed in ``files``
    from their file (the private pictures a report shows, whose URLs are permission-checked
    views); refuse others.

    Any scheme and host are accepted (``base_url`` may be the request's URL), but nothing
    is fetched over the network; ``data:`` URLs are still allowed.
    """

    def __init__(
        self,
        static: Source,
        prefix: str = "/static/",
        files: Mapping[str, File] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.read_static = static if callable(static) else _from_folder(static)
        self.prefix = prefix
        self.files = dict(files or {})

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = unquote(urlsplit(url).path)
        if path in self.files:
            file = self.files[path]
            if callable(file):
                content = file()
            elif Path(file).is_file():
                content = Path(file).read_bytes()
            else:
                raise FileNotFoundError(f"No file for {url!r}")
        elif path.startswith(self.prefix):
            try:
                content = self.read_static(path.removeprefix(self.prefix))
            except FileNotFoundError:
                raise FileNotFoundError(f"No static file for {url!r}") from None
        else:
            raise ValueError(f"Refusing to fetch {url!r}: only {self.prefix}… is served")
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, content, headers={"Content-Type": content_type})


def static_url_fetcher(static: Source, files: Mapping[str, File] | None = None) -> StaticURLFetcher:
    """Return a WeasyPrint URL fetcher mapping ``/static/…`` to ``static`` (a folder or a
    function of the name) and each URL path of ``files`` to its file."""
    return StaticURLFetcher(static, files=files)


def render_pdf(html: str, *, base_url: str | None = None, url_fetcher: Any = None) -> bytes:
    """Render ``html`` to PDF bytes whose extractable text equals the laid-out text.

    ``base_url`` resolves relative URLs (``file:///`` when omitted, so that root-relative
    ``/static/…`` URLs resolve); ``url_fetcher`` defaults to WeasyPrint's own.
    """
    document = weasyprint.HTML(
        string=html, base_url=base_url or "file:///", url_fetcher=url_fetcher
    )
    with actual_text():
        return document.write_pdf()
