"""信息采集 · 建档立卡: the person registry's screens (list, person form, history).

    from ui.registry import RegistryPage
    page = RegistryPage(ctx, parent); page.open_person(person_id); page.focus_search()
"""
from ui.registry.page import RegistryPage

__all__ = ["RegistryPage"]
