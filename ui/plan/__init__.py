"""The work plan area (工作清单 · 月调度 · 季总结 · 三个清单 · 考核赋分 · 对标看板): see ui/plan/page.py."""
from ui.plan.page import PlanPage

__all__ = ["PlanPage"]
