"""RegistryPage: the registry area of the main window — the list, and person forms stacked over it.

    page = RegistryPage(ctx, parent); page.open_person(person_id); page.focus_search()

Opening a person pushes a form on the stack. Opening an existing record from a duplicate-ID warning
pushes a second form over the draft. 返回列表 goes back to the list: every open form is closed, each
one with unsaved edits asked first (保存 / 不保存 / 取消, ui.leaving) — an abandoned draft never
comes back by itself. confirm_leave (the main window's sidebar) asks the same way.
The list refreshes only when an operation touched people, identities, family members or villages.
"""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from models.errors import NotFound
from ui.registry.list_page import PersonListPage
from ui.registry.person_form import PersonForm

LIST_TABLES = ("person", "person_identity", "family_member", "village")


class RegistryPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QStackedWidget()
        self.list_page = PersonListPage(ctx)
        self.list_page.open_requested.connect(self.open_person)
        self.list_page.new_requested.connect(self.new_person)
        self.stack.addWidget(self.list_page)
        self.forms: list[PersonForm] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        ctx.changed.connect(self._changed)

    @property
    def current_form(self) -> PersonForm | None:
        return self.forms[-1] if self.forms else None

    def focus_search(self) -> None:
        """Back to the list (asking about unsaved edits) and into the search box."""
        if self.back_to_list(then=self.focus_search):
            self.list_page.filters.search.setFocus()
            self.list_page.filters.search.selectAll()

    def open_person(self, person_id: str) -> PersonForm | None:
        for form in self.forms:
            if form.person is not None and form.person.id == person_id:
                self.stack.setCurrentWidget(form)
                return form
        form = self._push()
        try:
            form.load_person(person_id)
        except NotFound as exc:
            self._pop()
            QMessageBox.warning(self, self.tr("Not found"), exc.message)
            return None
        return form

    def new_person(self) -> PersonForm:
        form = self._push()
        form.new_person()
        form.focus_first_field()
        return form

    def back_to_list(self, then=None) -> bool:
        """Close the open forms, newest first, asking each one with unsaved edits; True at the list."""
        while self.forms:
            form = self.current_form
            self.stack.setCurrentWidget(form)
            if not form.confirm_leave(then=lambda: self.back_to_list(then) and then and then()):
                return False
            self._pop()
        return True

    def confirm_leave(self, then=None) -> bool:
        """ui.leaving's protocol for the main window: forms with unsaved edits are asked (不保存 closes them)."""
        for form in reversed(list(self.forms)):
            if not form.is_dirty():
                continue
            self.stack.setCurrentWidget(form)
            if not form.confirm_leave(then=lambda: self.confirm_leave(then) and then and then()):
                return False
            self._close(form)
        return True

    def _push(self) -> PersonForm:
        form = PersonForm(self.ctx)
        form.back_requested.connect(lambda: self.back_to_list())
        form.open_person_requested.connect(self.open_person)
        self.forms.append(form)
        self.stack.addWidget(form)
        self.stack.setCurrentWidget(form)
        return form

    def _close(self, form: PersonForm) -> None:
        if form in self.forms:
            self.forms.remove(form)
        self.stack.removeWidget(form)
        form.deleteLater()
        self.stack.setCurrentWidget(self.current_form or self.list_page)

    def _pop(self) -> None:
        self._close(self.forms[-1])

    def _changed(self, changes) -> None:
        if any(changes.touches(t) for t in LIST_TABLES):
            self.list_page.refresh()
