"""The Chinese name of each synced table, as the exchange page, import reports and bundle descriptions show it.

    TABLE_LABELS.get("aid_case", "aid_case")     # "困难帮扶" (unknown tables show their own name)

Below sync.status and sync.own_bundles, which both name tables (sync.export uses own_bundles, status counts
what export would select): a module of its own, so those imports point one way.
"""
from __future__ import annotations

TABLE_LABELS = {"person": "人员档案", "person_identity": "人员身份", "family_member": "家庭成员",
                "village": "嘎查村", "station": "服务站", "option": "选项",
                "service_record": "服务记录", "service_event": "服务进展", "visit": "走访慰问",
                "preferential_card": "优待证", "card_event": "优待证进展", "card_exclusion": "优待证不予办理",
                "aid_case": "困难帮扶", "aid_event": "帮扶进展", "aid_document": "帮扶材料",
                "dispute_case": "矛盾纠纷", "dispute_party": "纠纷当事人", "dispute_event": "纠纷进展",
                "employment_record": "就业创业", "case_event": "事项进展", "audit_entry": "操作记录",
                "closed_period": "已报送的期间报表", "bureau_setting": "局端设置",
                "plan": "工作计划", "plan_area": "计划领域", "plan_benchmark": "对标对象", "plan_task": "计划任务",
                "task_assignment": "任务分派", "progress_entry": "月调度", "quarter_summary": "季总结",
                "plan_meeting": "专题会议", "meeting_decision": "会议决定", "list_item": "清单事项",
                "scoring_scheme": "考核方案", "manual_score": "考核赋分", "confirmed_score": "已确认的季度得分",
                "published_comparison": "发布的比较"}
