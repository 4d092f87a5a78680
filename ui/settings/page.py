"""SettingsPage: the settings area (系统设置) of the main window, one tab per section.

    page = SettingsPage(ctx); page.show_section("backups")
    page.accounts / page.villages / page.options / page.backups / page.about   # the sections

Who may do what is decided by models (models.staff, models.options); the sections only hide the
buttons a role cannot use and say why. After a restore every section rereads its data.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.settings.about import AboutSection
from ui.settings.accounts import AccountsSection
from ui.settings.audit import AuditSection
from ui.settings.backups import BackupsSection
from ui.settings.option_lists import OptionListsSection
from ui.settings.villages import VillagesSection

# The page's own look on top of resources/styles: flat tabs, light selection, roomy lists.
PAGE_STYLE = """
QTabWidget#settingsTabs::pane { border: none; border-top: 1px solid #dfe3ea; }
QTabWidget#settingsTabs QTabBar::tab {
    background: transparent; color: #475569; padding: 8px 18px; margin-right: 6px;
    border: none; border-bottom: 2px solid transparent;
}
QTabWidget#settingsTabs QTabBar::tab:selected { color: #1d4f91; border-bottom: 2px solid #1d5fa8; font-weight: 600; }
QTabWidget#settingsTabs QTabBar::tab:hover { color: #1f2937; }
QTableWidget, QListWidget#optionLists {
    background: #ffffff; border: 1px solid #e1e5ec; border-radius: 6px; alternate-background-color: #f8fafc;
    selection-background-color: #e6eefa; selection-color: #1d4f91;
}
QTableWidget::item { padding: 0 6px; }
QListWidget#optionLists { padding: 4px; outline: none; }
QListWidget#optionLists::item { padding: 6px 8px; border-radius: 4px; }
QListWidget#optionLists::item:selected { background: #e6eefa; color: #1d4f91; font-weight: 600; }
"""


class SettingsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsPage")
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("Accounts, villages, option lists, backups and facts about this installation."))
        subtitle.setObjectName("pageSubtitle")
        self.accounts = AccountsSection(ctx)
        self.villages = VillagesSection(ctx)
        self.options = OptionListsSection(ctx)
        self.backups = BackupsSection(ctx)
        self.audit = AuditSection(ctx)
        self.about = AboutSection(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.setStyleSheet(PAGE_STYLE)
        self.sections = {"accounts": (self.accounts, self.tr("Accounts")),
                         "villages": (self.villages, self.tr("Villages")),
                         "options": (self.options, self.tr("Option lists")),
                         "backups": (self.backups, self.tr("Backups")),
                         "audit": (self.audit, self.tr("Audit")),
                         "about": (self.about, self.tr("About"))}
        for widget, label in self.sections.values():
            self.tabs.addTab(widget, label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.tabs, 1)
        self.backups.restored.connect(self._reread)

    def show_section(self, key: str) -> QWidget:
        widget = self.sections[key][0]
        self.tabs.setCurrentWidget(widget)
        return widget

    def _reread(self) -> None:
        """The database was replaced: accounts and the about facts are not announced changes."""
        self.accounts.refresh()
        self.about.refresh()
