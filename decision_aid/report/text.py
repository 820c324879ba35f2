"""Measured rich text for the printed pages: one way to lay out text so that every page's
fit check measures exactly what it later paints."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument, QTextOption

from .. import palette


def text_document(html: str, width: float, body_px: float, color: str = palette.TEXT,
                  style: str = "") -> QTextDocument:
    """``html`` laid out at ``width`` with ``body_px`` type (units of the page), ready to measure."""
    document = QTextDocument()
    document.setUseDesignMetrics(True)
    document.setDocumentMargin(0)
    font = QFont()
    font.setPixelSize(max(1, round(body_px)))
    document.setDefaultFont(font)
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long name never runs off
    document.setDefaultTextOption(option)
    document.setIndentWidth(body_px * 1.1)
    document.setDefaultStyleSheet(f"body {{ color: {color}; }} {style}")
    document.setHtml(f"<body>{html}</body>")
    document.setTextWidth(width)
    return document
