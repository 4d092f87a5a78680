"""The 数据交换 (USB) area: bundles out and in, import reports, the conflict and duplicate-person queues.

    from ui.sync import ExchangePage
"""
from ui.sync.page import ExchangePage

__all__ = ["ExchangePage"]
