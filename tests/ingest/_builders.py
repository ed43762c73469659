"""Build test documents programmatically (reportlab for PDFs, python-docx for DOCX)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

PAGE_W, PAGE_H = 612.0, 792.0


def pdf(draw_pages: Sequence[Callable[[Any], object]]) -> bytes:
    """A PDF whose page i is drawn by ``draw_pages[i](canvas)``."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), pageCompression=0)
    for draw in draw_pages:
        draw(c)
        c.showPage()
    c.save()
    return buf.getvalue()


def text_block(
    c: Any,
    x: float,
    y_top: float,
    lines: Sequence[str],
    *,
    size: float = 10,
    leading: float = 14,
    font: str = "Helvetica",
) -> float:
    """Draw lines from y_top (distance from the top of the page) downwards; return the next y_top."""
    for line in lines:
        if line:
            c.setFont(font, size)
            c.drawString(x, PAGE_H - y_top - size, line)
        y_top += leading
    return y_top
