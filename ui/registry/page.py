"""RegistryPage: the registry area of the main window — the list, and person forms stacked over it.

    page = RegistryPage(ctx, parent); page.open_person(person_id); page.focus_search()

Opening a person pushes a form on the stack; Back pops it. Opening an existing record from a
duplicate-ID warning pushes a second form, so what was typed in the first is still there on return.
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
        """Back to the list (keeping open forms underneath only if nothing is unsaved) and into the search box."""
        while self.forms and self.current_form.confirm_discard():
            self._pop()
        if not self.forms:
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

    def _push(self) -> PersonForm:
        form = PersonForm(self.ctx)
        form.back_requested.connect(lambda f=form: self._close(f))
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
