"""The shared A4-landscape ledger (台账) document: one template for every printed list.

    doc = LedgerDocument(title="退役军人花名册", unit="嘎鲁图镇退役军人服务站", period_label="2026年第四季度",
                         columns=[Column("序号"), Column("姓名"), Column("备注", wrap=True)])
    run(write_ledger_pdf(path, doc, rows))        # rows: lists of display strings, one per column
    small_table(columns, rows), side_by_side(table, chart)   # pieces of a pack's story (write_document_pdf)

Every page carries the title, 填报单位, the period and 第 X 页 共 Y 页; the header row repeats on
each page; the sign-off block (制表人, 审核人, 负责人, 填报日期, 盖章) follows the last row.

Why the rows are paginated here and not by reportlab's Table.split: splitting one long Table
re-measures every remaining row on each page (quadratic). We measure each row once, cut pages
ourselves and give reportlab one Table per page with the row heights already known, so a
5 000-row roster costs about what the rows themselves cost. Cells that fit on one line are plain
strings; only text wider than its column becomes a wrapping Paragraph — never cut off.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle

from ledgers.files import output_file
from ledgers.fonts import FONT, register_fonts, text_width
from ledgers.progress import Job, Progress, within

PAGE = landscape(A4)
MARGIN_X = 12 * mm
MARGIN_TOP = 26 * mm  # room for title, 填报单位 and period
MARGIN_BOTTOM = 14 * mm  # room for 第 X 页 共 Y 页
BODY_SIZE = 9
BODY_LEADING = 11.5
HEAD_SIZE = 9.5
PAD_X = 3
PAD_Y = 2.5
WRAP_MIN_CHARS = 4  # a wrapping column is never narrower than this many CJK characters
WRAP_MAX_CHARS = 28  # …and asks for at most this many before it wraps
EMPTY_TEXT = "（本期无记录）"


@dataclass(frozen=True)
class Column:
    """One printed column: its header, whether its text may wrap (free text), its alignment."""

    label: str
    wrap: bool = False
    align: str = "LEFT"  # LEFT | CENTER | RIGHT


@dataclass
class LedgerDocument:
    title: str
    unit: str  # 填报单位
    period_label: str
    columns: Sequence[Column]
    prepared_by: str = ""  # 制表人, when known
    filled_on: dt.date | None = None  # 填报日期; blank line when None
    notes: list[str] = field(default_factory=list)  # short lines printed under the table (e.g. 身份证号已隐去中间位)


def _styles():
    register_fonts()
    body = ParagraphStyle("ledger-body", fontName=FONT, fontSize=BODY_SIZE, leading=BODY_LEADING, wordWrap="CJK")
    head = ParagraphStyle("ledger-head", parent=body, fontSize=HEAD_SIZE, leading=HEAD_SIZE + 2.5, alignment=TA_CENTER)
    return body, head


def fit_column_widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], available: float) -> list[float]:
    """Widths that fit the content: short columns get their widest cell, free text shares the rest.

    When the content is wider than the page, only the wrapping columns give way, widest first
    (a common cap: short free text like a village name stays on one line, a long 备注 wraps).
    """
    natural, minimum = [], []
    char, head_char = text_width("国", BODY_SIZE), text_width("国", HEAD_SIZE)
    for j, col in enumerate(columns):
        widest_cell = max((text_width(r[j], BODY_SIZE) for r in rows if r[j]), default=0.0)
        head = text_width(col.label, HEAD_SIZE)
        if col.wrap:
            want = min(max(widest_cell, head, WRAP_MIN_CHARS * char), WRAP_MAX_CHARS * char)
            floor = WRAP_MIN_CHARS * char
        else:
            want = max(widest_cell, min(head, 5 * head_char), 2 * char)  # a long header may wrap, the cells not
            floor = want
        natural.append(want + 2 * PAD_X)
        minimum.append(floor + 2 * PAD_X)
    total = sum(natural)
    if total <= available:  # spread the slack in proportion, so the table spans the page
        return [w * available / total for w in natural]
    room = available - sum(w for w, c in zip(natural, columns) if not c.wrap)
    wrapping = [(w, m) for w, m, c in zip(natural, minimum, columns) if c.wrap]
    if not wrapping or room < sum(m for _, m in wrapping):
        return [w * available / total for w in natural]  # nothing fits: everything shrinks and wraps
    low, high = 0.0, max(w for w, _ in wrapping)
    for _ in range(40):  # the cap at which the wrapping columns use exactly the room left
        cap = (low + high) / 2
        if sum(max(m, min(w, cap)) for w, m in wrapping) > room:
            high = cap
        else:
            low = cap
    return [max(m, min(w, low)) if c.wrap else w for w, m, c in zip(natural, minimum, columns)]


class _Pager:
    """Turns display rows into cells and row heights, and cuts them into pages."""

    def __init__(self, doc: LedgerDocument, widths: list[float]):
        self.body, self.head = _styles()
        self.widths = widths
        self.columns = doc.columns
        self.aligned = [ParagraphStyle(f"ledger-{c.align}", parent=self.body,
                                       alignment={"LEFT": 0, "CENTER": 1, "RIGHT": 2}[c.align]) for c in doc.columns]

    def header(self) -> tuple[list, float]:
        cells = [Paragraph(escape(c.label), self.head) for c in self.columns]
        height = max(p.wrap(w - 2 * PAD_X, 10_000)[1] for p, w in zip(cells, self.widths))
        return cells, height + 2 * PAD_Y

    def row(self, values: Sequence[str]) -> tuple[list, float]:
        cells, height = [], BODY_LEADING
        for text, width, style in zip(values, self.widths, self.aligned):
            text = "" if text is None else str(text)
            inner = width - 2 * PAD_X
            if "\n" not in text and text_width(text, BODY_SIZE) <= inner:
                cells.append(text)
                continue
            para = Paragraph(escape(text).replace("\n", "<br/>"), style)
            height = max(height, para.wrap(inner, 100_000)[1])
            cells.append(para)
        return cells, height + 2 * PAD_Y


def _table(rows: list, heights: list[float], widths: list[float], columns: Sequence[Column], empty: bool) -> Table:
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
        ("LEADING", (0, 0), (-1, -1), BODY_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
    ]
    for j, col in enumerate(columns):
        style.append(("ALIGN", (j, 1), (j, -1), col.align))
    if empty:
        style += [("SPAN", (0, 1), (-1, 1)), ("ALIGN", (0, 1), (-1, 1), "CENTER")]
    table.setStyle(TableStyle(style))
    return table


def _signoff(doc: LedgerDocument, width: float) -> Table:
    body, _ = _styles()
    line = "＿" * 6
    filled = f"{doc.filled_on.year}年{doc.filled_on.month}月{doc.filled_on.day}日" if doc.filled_on else "　　年　　月　　日"
    cells = [[f"制表人：{doc.prepared_by or line}", f"审核人：{line}", f"负责人：{line}", f"填报日期：{filled}",
              "（盖章）"]]
    table = Table(cells, colWidths=[width * f for f in (0.2, 0.2, 0.2, 0.24, 0.16)], rowHeights=[18 * mm])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 10.5),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (-1, 0), (-1, 0), "CENTER")]))
    return table


class _NumberedCanvas(pdfcanvas.Canvas):
    """Holds the pages back until the end, so each can say 第 X 页 共 Y 页."""

    def __init__(self, *args, ledger: LedgerDocument, **kwargs):
        super().__init__(*args, **kwargs)
        self._ledger = ledger
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            _draw_page_frame(self, self._ledger, number, total)
            super().showPage()
        super().save()


def _draw_page_frame(c: pdfcanvas.Canvas, ledger: LedgerDocument, number: int, total: int) -> None:
    width, height = PAGE
    c.saveState()
    c.setFont(FONT, 16)
    c.drawCentredString(width / 2, height - 13 * mm, ledger.title)
    c.setFont(FONT, 10)
    c.drawString(MARGIN_X, height - 22 * mm, f"填报单位：{ledger.unit}")
    c.drawRightString(width - MARGIN_X, height - 22 * mm, f"统计期间：{ledger.period_label}")
    c.setFont(FONT, 9)
    c.drawCentredString(width / 2, 8 * mm, f"第 {number} 页 共 {total} 页")
    c.restoreState()


class _StepwiseDoc(BaseDocTemplate):
    """BaseDocTemplate.build, one flowable at a time, so the build can report progress.

    Mirrors reportlab 4.x/5.x BaseDocTemplate.build (minus the PageCatcher and trace-info
    extras we do not use).
    """

    def build_steps(self, flowables: list, canvasmaker):
        self._startBuild(None, canvasmaker)
        canv = self.canv
        canv._doctemplate = self
        total = len(flowables)
        try:
            while flowables:
                self.clean_hanging()
                self.handle_flowable(flowables)
                yield total - len(flowables), total
        finally:
            del canv._doctemplate
        self._endBuild()


AVAIL_W = PAGE[0] - 2 * MARGIN_X
AVAIL_H = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM


def table_pages(doc: LedgerDocument, rows: Sequence[Sequence[str]]):
    """The rows as one Table per page (header on each); yields Progress, returns the flowables."""
    columns = list(doc.columns)
    total = len(rows)
    widths = fit_column_widths(columns, rows, AVAIL_W)
    pager = _Pager(doc, widths)
    head_cells, head_h = pager.header()
    flowables: list = []
    page_rows, page_heights, used = [head_cells], [head_h], head_h
    step = max(1, total // 50)
    for i, values in enumerate(rows, 1):
        cells, h = pager.row(values)
        if used + h > AVAIL_H - 1 and len(page_rows) > 1:  # the page is full: close it
            flowables += [_table(page_rows, page_heights, widths, columns, False), PageBreak()]
            page_rows, page_heights, used = [head_cells], [head_h], head_h
        page_rows.append(cells)
        page_heights.append(min(h, AVAIL_H - head_h - 2))  # one huge cell: clipped to a page rather than crash
        used += h
        if i % step == 0:
            yield Progress(i, total, "正在排版…")
    if total == 0:
        page_rows.append([EMPTY_TEXT] + [""] * (len(columns) - 1))
        page_heights.append(BODY_LEADING + 2 * PAD_Y)
    flowables.append(_table(page_rows, page_heights, widths, columns, total == 0))
    return flowables


def small_table(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: float = AVAIL_W) -> Table:
    """A short table inside a document (a pack's counts): same look, header repeated if it splits."""
    doc = LedgerDocument("", "", "", columns)
    widths = fit_column_widths(columns, rows, width)
    pager = _Pager(doc, widths)
    head, head_h = pager.header()
    built = [pager.row(r) for r in rows] or [([EMPTY_TEXT] + [""] * (len(columns) - 1), BODY_LEADING + 2 * PAD_Y)]
    table = _table([head] + [c for c, _ in built], [head_h] + [h for _, h in built], widths, columns, not rows)
    table.hAlign = "LEFT"
    return table


def side_by_side(left, right) -> Table:
    """Two flowables beside each other (a table and its chart), each half the width."""
    table = Table([[left, right]], colWidths=[AVAIL_W / 2, AVAIL_W / 2])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    table.hAlign = "LEFT"
    return table


def write_ledger_pdf(path: Path, doc: LedgerDocument, rows: Sequence[Sequence[str]]) -> Job[Path]:
    """Write the ledger to `path` (atomically: a half-written file never replaces a good one)."""
    total = max(len(rows), 1)
    flowables = yield from within(table_pages(doc, rows), 0, total, 2 * total)
    body, _ = _styles()
    for note in doc.notes:
        flowables += [Spacer(1, 2 * mm), Paragraph(escape(note), body)]
    return (yield from write_document_pdf(path, doc, flowables, start=total, total=2 * total))


def write_document_pdf(path: Path, doc: LedgerDocument, flowables: list, *, start: int = 0,
                       total: int = 1) -> Job[Path]:
    """Any flowables on the ledger's pages (title, 填报单位, period, page numbers) + the sign-off block."""
    path = Path(path)
    register_fonts()
    flowables = list(flowables) + [Spacer(1, 4 * mm), _signoff(doc, AVAIL_W)]
    template = _StepwiseDoc("", pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=doc.title,
                            author=doc.unit, subject=doc.period_label, creator="vetstation",
                            initialFontName=FONT, initialFontSize=BODY_SIZE, initialLeading=BODY_LEADING)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, AVAIL_W, AVAIL_H, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="ledger", frames=[frame], pagesize=PAGE)])

    def maker(*args, **kwargs):
        return _NumberedCanvas(*args, ledger=doc, **kwargs)

    span = total - start
    with output_file(path) as partial:
        template.filename = str(partial)
        for done, count in template.build_steps(flowables, maker):
            yield Progress(start + span * done // max(count, 1), total, "正在生成PDF…")
    return path
