"""Dialogs and the documents box of the 困难帮扶 area: open a case (一事一批) and keep its checklist of
申请材料 with scanned attachments.

    AidDialog(ctx, person_id)              # 申请人, 困难类型, 情况说明, 收入 (元), 家庭人口, 申请金额, 帮扶方式
    box = DocumentsBox(ctx); box.show_detail(case_detail(case_id))   # the checklist in the detail panel
    box.add_document()                     # DocumentDialog: which item, received on, the scan (JPG/PNG/PDF)

Scans are stored content-addressed by models.attachments.store_attachment on the worker thread,
then recorded with models.aid.add_document; amounts are typed in 元 and kept as integer fen.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from models import options
from models.aid import AID, AID_FORMS, add_document, open_case, remove_document
from models.attachments import attachment_path, store_attachment
from ui.casework.fields import ChoiceCombo, DateEdit, MoneyEdit, NoteEdit, PersonPicker, TextEdit
from ui.casework.forms import ReasonDialog, RecordDialog
from ui.file_dialogs import choose_open_file
from ui.row_views import TREE_STYLE

DOCUMENT_ID_ROLE = Qt.UserRole + 1
ATTACHMENT_ROLE = Qt.UserRole + 2
MISSING = QColor("#b3261e")


class CountEdit(TextEdit):
    """A whole number such as 家庭人口; empty → None."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMaximumWidth(120)

    def value(self):
        text = self.text().strip()
        return int(text) if text.isdigit() else None

    def problem(self):
        text = self.text().strip()
        return None if not text or text.isdigit() else self.tr("Type a whole number.")


class FileEdit(QWidget):
    """A file to attach (a scan or a photo): its path, and 选择文件… to browse for it."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("No file (the paper copy only)"))
        self.path.textEdited.connect(lambda _t: self.edited.emit())
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)

    def choose(self) -> None:
        path = choose_open_file(self, "scan", self.tr("Choose the scan"),
                                self.tr("Scans and photos (*.jpg *.jpeg *.png *.pdf)"))
        if path:
            self.set_value(path)
            self.edited.emit()

    def value(self) -> str | None:
        return self.path.text().strip() or None

    def set_value(self, value) -> None:
        self.path.setText(str(value or ""))

    def problem(self) -> str | None:
        path = self.value()
        if path and not Path(path).is_file():
            return self.tr("There is no such file.")
        return None


class AidDialog(RecordDialog):
    """一事一批: one request of one person becomes one case (state 已申请)."""

    columns = 2

    def __init__(self, ctx, person_id: str | None = None, parent=None):
        super().__init__(ctx, self.tr("New hardship aid case"), parent)
        self.setMinimumWidth(760)
        self.person.set_value(person_id)
        (self.hardship_type if person_id else self.person.search).setFocus()

    def build(self, grid) -> None:
        self.person = grid.add("person", PersonPicker(), label=self.tr("Applicant"), span=2)
        self.hardship_type = grid.add("hardship_type", ChoiceCombo(options.choices("hardship_type")),
                                      label="困难类型")
        grid.add("applied_on", DateEdit(), label=self.tr("Applied on")).set_value(dt.date.today())
        grid.add("description", NoteEdit(), label="情况说明", span=2)
        grid.add("family_income_fen", MoneyEdit(), label="申请前12个月家庭总收入（元）")
        grid.add("family_size", CountEdit(), label="家庭人口（人）")
        grid.add("requested_fen", MoneyEdit(), label="申请金额（元）")
        grid.add("aid_form", ChoiceCombo(list(AID_FORMS.items())), label="帮扶方式").set_value("cash")

    def submit(self, values: dict, actor):
        return open_case(values, actor=actor)


class DocumentDialog(RecordDialog):
    """登记 one received item of the checklist, with its scan if there is one."""

    def __init__(self, ctx, case_id: str, document: str | None = None, parent=None):
        self.case_id = case_id
        super().__init__(ctx, self.tr("Record a received document"), parent)
        self.grid.editors["document"].set_value(document)

    def build(self, grid) -> None:
        grid.add("document", ChoiceCombo(options.choices("aid_document")), label=self.tr("Document"))
        grid.add("received_on", DateEdit(), label=self.tr("Received on")).set_value(dt.date.today())
        grid.add("attachment", FileEdit(), label=self.tr("Scan or photo"))
        grid.add("note", NoteEdit(), label=self.tr("Note"))

    def submit(self, values: dict, actor):
        home, path = self.ctx.home, values["attachment"]
        digest = store_attachment(home, Path(path)) if path else None
        return add_document(self.case_id, values["document"], on=values["received_on"], attachment=digest,
                            note=values["note"], actor=actor)


class DocumentsBox(QGroupBox):
    """申请材料: every checklist item, received or missing (required ones missing in red), with scans."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: str | None = None
        self.dialog = None
        self.setTitle(self.tr("Documents"))
        self.setObjectName("aidDocuments")
        self.rows = QTreeWidget()
        self.rows.setRootIsDecorated(False)
        self.rows.setHeaderLabels([self.tr("Document"), self.tr("Received on"), self.tr("Scan"), self.tr("Note")])
        self.rows.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.rows.header().setSectionResizeMode(3, QHeaderView.Stretch)
        self.rows.setAlternatingRowColors(True)
        self.rows.setStyleSheet(TREE_STYLE)
        self.rows.setFixedHeight(192)  # the default checklist whole; the step trail stays in view
        self.rows.itemDoubleClicked.connect(lambda item, _c: self.open_attachment(item))
        self.rows.currentItemChanged.connect(lambda *_: self._enable())
        self.add_button = QPushButton(self.tr("Record a received document…"))
        self.add_button.clicked.connect(lambda: self.add_document())
        self.view_button = QPushButton(self.tr("Open scan"))
        self.view_button.clicked.connect(lambda: self.open_attachment(self.rows.currentItem()))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(lambda: self.remove_document())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.rows)
        layout.addLayout(buttons)
        self.show_detail(None)

    def show_detail(self, detail: dict | None) -> None:
        self.rows.clear()
        self.case_id = detail["id"] if detail and detail.get("kind") == "aid" else None
        self.setVisible(self.case_id is not None)
        if self.case_id is None:
            return
        for item in detail["checklist"]:
            name = item["label"] + ("（必备）" if item["required"] else "")
            for doc in item["documents"]:
                row = QTreeWidgetItem([name, doc["received_on"], self.tr("Yes") if doc["attachment"] else "",
                                       doc["note"] or ""])
                row.setData(0, DOCUMENT_ID_ROLE, doc["id"])
                row.setData(0, ATTACHMENT_ROLE, doc["attachment"])
                self.rows.addTopLevelItem(row)
            if not item["documents"]:
                row = QTreeWidgetItem([name, self.tr("not received"), "", ""])
                row.setData(0, ATTACHMENT_ROLE, None)
                if item["required"]:
                    for column in range(2):
                        row.setForeground(column, MISSING)
                self.rows.addTopLevelItem(row)
        self.open_case = detail["status"] not in AID.final
        self._enable()

    def _enable(self) -> None:
        item = self.rows.currentItem()
        self.add_button.setEnabled(self.case_id is not None and self.open_case)
        self.view_button.setEnabled(item is not None and bool(item.data(0, ATTACHMENT_ROLE)))
        self.remove_button.setEnabled(item is not None and bool(item.data(0, DOCUMENT_ID_ROLE)) and self.open_case)

    open_case = False

    def add_document(self, document: str | None = None) -> DocumentDialog | None:
        if self.case_id is None:
            return None
        self.dialog = DocumentDialog(self.ctx, self.case_id, document, self)
        self.dialog.open()
        return self.dialog

    def remove_document(self) -> ReasonDialog | None:
        item = self.rows.currentItem()
        document_id = item.data(0, DOCUMENT_ID_ROLE) if item else None
        if not document_id:
            return None
        self.dialog = ReasonDialog(self.ctx, self.tr("Remove a document"),
                                   lambda reason, actor: remove_document(document_id, reason, actor=actor),
                                   label=self.tr("Why is it removed?"), parent=self)
        self.dialog.open()
        return self.dialog

    def attachment_file(self, item) -> Path | None:
        digest = item.data(0, ATTACHMENT_ROLE) if item else None
        return attachment_path(self.ctx.home, digest) if digest else None

    def open_attachment(self, item) -> None:
        path = self.attachment_file(item)
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
