"""The main window: navigation on the left by area, one page per area, who is logged in below.

    window = MainWindow(ctx); window.show_maximized()
    window.show_area("registry")        # creates the page on first visit, returns it
    window.open_person(person_id)       # the registry, opened at that person

Pages are built lazily from AREA_KEYS by `_build_page`: the workbench and the pages listed in
PAGES are real; an area without a page shows UnavailablePage. Pages are
imported inside `_build_page` so the window still opens when one is missing or broken (then that
area is an unavailable page too, and the reason is logged). Ctrl+1…9 switch
areas; Ctrl+F focuses the registry's search box. Before the sidebar leaves a page, and before the
window closes, a page with unsaved edits is asked (`page.confirm_leave(then)`, see ui/leaving.py).
"""
from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QStackedWidget, QVBoxLayout, QWidget)

from models.accounts import ROLES
from models.resources import resource_path
from ui.context import AppContext
from ui.leaving import confirm_leave
from ui.shortcuts import AREA_KEYS_COUNT, area_key, on_key, with_key
from ui.unavailable_page import UnavailablePage
from ui.workbench import Workbench

log = logging.getLogger(__name__)

# area key -> (module, class) of its page, built on first visit with the AppContext. A page may offer
# person_requested (a person to open in the registry), open_person, open_record(record_id), focus_search.
PAGES = {
    "registry": ("ui.registry", "RegistryPage"),
    "services": ("ui.casework.services_page", "ServicesPage"),
    "visits": ("ui.casework.visits_page", "VisitsPage"),
    "employment": ("ui.casework.employment_page", "EmploymentPage"),
    "cards": ("ui.casework.cards_page", "CardsPage"),
    "aid": ("ui.casework.aid_page", "AidPage"),
    "disputes": ("ui.casework.disputes_page", "DisputesPage"),
    "tasks": ("ui.plan", "PlanPage"),
    "ledgers": ("ui.ledgers", "LedgerPage"),
    "exchange": ("ui.sync", "ExchangePage"),
    "settings": ("ui.settings", "SettingsPage"),
}
AREA_KEYS = ("workbench", "registry", "services", "visits", "cards", "aid", "disputes", "employment",
             "tasks", "ledgers", "exchange", "settings")


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.pages: dict[str, QWidget] = {}
        self.titles = self._area_titles()
        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(str(resource_path("icons", "vetstation.png"))))
        self.setWindowTitle(self.tr("{installation} — {user} — Veterans Service Station").format(
            installation=ctx.installation.name, user=ctx.actor.display_name))
        self.setMinimumSize(QSize(1000, 640))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFocusPolicy(Qt.StrongFocus)
        for key in AREA_KEYS:
            item = QListWidgetItem(self.titles[key])
            item.setData(Qt.UserRole, key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")

        side = QWidget()
        side.setObjectName("sidebar")
        brand = QLabel(ctx.installation.name)
        brand.setObjectName("sidebarTitle")
        brand.setWordWrap(True)
        side.setAttribute(Qt.WA_StyledBackground, True)  # a plain QWidget paints its QSS border only so
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 1, 0)  # leave the 1 px right border visible
        side_layout.setSpacing(0)
        side_layout.addWidget(brand)
        side_layout.addWidget(self.nav, 1)
        side.setFixedWidth(220)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._status_bar()
        self._shortcuts()
        self._shown_row = 0
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.setCurrentRow(0)

    def _area_titles(self) -> dict[str, str]:
        return {
            "workbench": self.tr("Workbench"),
            "registry": self.tr("Registry"),
            "services": self.tr("Service records"),
            "visits": self.tr("Visits"),
            "cards": self.tr("Preferential cards"),
            "aid": self.tr("Hardship aid"),
            "disputes": self.tr("Disputes"),
            "employment": self.tr("Employment"),
            "tasks": self.tr("Work checklist and assessment"),
            "ledgers": self.tr("Print ledgers"),
            "exchange": self.tr("Data exchange (USB)"),
            "settings": self.tr("Settings"),
        }

    def show_maximized(self) -> None:
        """Maximized — also without a window manager (a bare X server), where only geometry counts."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.availableGeometry())
        self.showMaximized()

    def _status_bar(self) -> None:
        actor, inst = self.ctx.actor, self.ctx.installation
        user = QLabel(self.tr("User: {name} ({role})").format(name=actor.display_name,
                                                              role=ROLES.get(actor.role, actor.role)))
        user.setObjectName("statusUser")
        place = QLabel(f"{inst.name} · {inst.kind_label}")
        place.setObjectName("statusInstallation")
        self.statusBar().addWidget(user)
        self.statusBar().addPermanentWidget(place)
        self.status_user, self.status_installation = user, place

    def _shortcuts(self) -> None:
        for number, key in enumerate(AREA_KEYS[:AREA_KEYS_COUNT], start=1):
            shortcut = QShortcut(QKeySequence(area_key(number)), self)
            shortcut.activated.connect(lambda k=key: self.select_area(k))
            self.nav.item(number - 1).setToolTip(with_key(self.titles[key], area_key(number)))
        on_key("search", self, self.focus_search, context=Qt.WindowShortcut)

    # --- areas ----------------------------------------------------------------------------------
    def select_area(self, key: str) -> QWidget:
        """Select `key` in the navigation (which shows its page) and return the page now shown."""
        self.nav.setCurrentRow(AREA_KEYS.index(key))
        return self.stack.currentWidget()  # the page left in place if it asked and the user chose 取消

    def _nav_changed(self, row: int) -> None:
        """The sidebar asks the page being left first (ui.leaving); 取消 keeps it, and the sidebar too."""
        leaving = self.stack.currentWidget()
        key = AREA_KEYS[row]
        if row != self._shown_row and leaving is not None and not confirm_leave(leaving, lambda: self.select_area(key)):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._shown_row)
            self.nav.blockSignals(False)
            return
        self._shown_row = row
        self.show_area(key)

    def closeEvent(self, event) -> None:
        """Closing the window asks every page with unsaved edits, as leaving it would."""
        for page in self.pages.values():
            if not confirm_leave(page, self.close):
                event.ignore()
                return
        super().closeEvent(event)

    def show_area(self, key: str) -> QWidget:
        page = self.prepare_area(key)
        self.stack.setCurrentWidget(page)
        return page

    def current_area(self) -> str:
        return AREA_KEYS[self.nav.currentRow()]

    def prepare_area(self, key: str) -> QWidget:
        """Build an area's page without showing it (the registry is prepared while the user reads
        the workbench, so its first opening is instant)."""
        page = self.pages.get(key)
        if page is None:
            page = self.pages[key] = self._build_page(key)
            self.stack.addWidget(page)
        return page

    def _build_page(self, key: str) -> QWidget:
        if key == "workbench":
            page = Workbench(self.ctx)
            page.person_requested.connect(self.open_person)
            page.record_requested.connect(self.open_record)
            page.area_requested.connect(self.select_area)
            return page
        if key in PAGES:
            module, name = PAGES[key]
            try:
                page = getattr(importlib.import_module(module), name)(self.ctx)
            except Exception:  # missing or broken: the window must still open; the log says why
                log.exception("%s page could not be loaded; showing it as unavailable", key)
            else:
                if hasattr(page, "person_requested"):
                    page.person_requested.connect(self.open_person)
                if hasattr(page, "record_requested"):  # (area key, record id), e.g. the dashboard's drill-down
                    page.record_requested.connect(self.open_record)
                return page
        return UnavailablePage(self.titles[key])

    def open_person(self, person_id: str) -> None:
        page = self.select_area("registry")
        if hasattr(page, "open_person"):
            page.open_person(person_id)

    def open_record(self, key: str, record_id: str) -> None:
        """A casework record (or, for the visits page, a person whose visit is due) in its area's page."""
        page = self.select_area(key)
        if hasattr(page, "open_record"):
            page.open_record(record_id)

    def focus_search(self) -> None:
        page = self.select_area("registry")
        if hasattr(page, "focus_search"):
            page.focus_search()
