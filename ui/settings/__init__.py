"""The settings area (系统设置): accounts, villages, option lists, backups and what this installation is."""
from ui.settings.page import SettingsPage

__all__ = ["SettingsPage"]
