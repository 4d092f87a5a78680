"""Reading and editing a year's plan itself: the plan record, its 对标对象 and its areas. Bureau only.

    plan = get_plan(2027)                          # or get_plan() → this year's plan, else the latest
    edit_plan(plan.id, {"office_head": "李伟春", "leading_group": [...]}, actor=a)
    edit_area(area.id, {"leaders": [{"post": "副局长", "name": "乌云图"}], "unit_codes": ["centre"]}, actor=a)
    save_benchmark(plan.id, {"role": "learn", "name": "…", "studied_for": "…"}, actor=a)   # new or edit (id=…)

Every function refuses at a station (PermissionDenied: the plan is the bureau's) and validates before
writing anything. Tasks and assignments are in models/plan_tasks.py.
"""
from __future__ import annotations

import datetime as dt

from models.errors import NotFound, PermissionDenied, ValidationError
from models.installation import Installation
from models.plan import BENCHMARK_ROLES, Plan, PlanArea, PlanBenchmark
from models.plan_units import expand_units, resolve_unit
from models.write import Actor, OpChanges, writing

YEARS = range(2000, 2101)


def require_bureau(what: str = "工作方案") -> None:
    if not Installation.get_current().is_bureau:
        raise PermissionDenied(f"{what}由旗退役军人事务局制定和修改，服务站不能修改；服务站可填报月调度和季总结。")


def check_year(year) -> int:
    if not isinstance(year, int) or year not in YEARS:
        raise ValidationError({"year": f"年份应为 {YEARS.start} 到 {YEARS.stop - 1} 之间的四位数：{year}"})
    return year


def find_plan(year: int) -> Plan | None:
    return Plan.live().where(Plan.year == year).order_by(Plan.created_at).first()


def get_plan(year: int | None = None) -> Plan:
    """The plan of `year`; without a year this year's plan, else the latest one."""
    if year is not None:
        plan = find_plan(check_year(year))
        if plan is None:
            raise NotFound(f"还没有{year}年的工作方案。事务局可用 vetstation plan template --year {year} 从模板建立。",
                           year=year)
        return plan
    plan = find_plan(dt.date.today().year) or Plan.live().order_by(Plan.year.desc()).first()
    if plan is None:
        raise NotFound("还没有工作方案。事务局可用 vetstation plan template --year 年份 从模板建立；"
                       "服务站在收到事务局的数据包后看到方案。")
    return plan


def clean_leaders(leaders) -> list[dict]:
    """[{"post": "副局长", "name": "乌云图"}]: a post is required, the name may wait."""
    out = []
    for leader in leaders or []:
        if isinstance(leader, str):
            post, _, name = leader.partition(":")
            leader = {"post": post, "name": name}
        post = (leader.get("post") or "").strip()
        name = (leader.get("name") or "").strip()
        if not post and not name:
            continue
        if not post:
            raise ValidationError({"leaders": f"请写明牵头领导「{name}」的职务（如 副局长）"})
        out.append({"post": post, "name": name})
    return out


def clean_group(members) -> list[dict]:
    out = []
    for member in members or []:
        post = (member.get("post") or "").strip()
        if not post:
            raise ValidationError({"leading_group": "领导小组的每一行都要写明职务（组长、副组长、成员…）"})
        out.append({"post": post, "title": (member.get("title") or "").strip(),
                    "name": (member.get("name") or "").strip()})
    return out


def _text(values: dict, name: str, label: str, *, required: bool) -> str | None:
    text = (values.get(name) or "").strip() if values.get(name) is not None else None
    if required and not text:
        raise ValidationError({name: f"请填写{label}"})
    return text or None


def edit_plan(plan_id: str, values: dict, *, actor: Actor, seen: dict | None = None) -> OpChanges:
    """values: any of title, leading_group, office, office_head, liaison, note."""
    require_bureau()
    plan = _live(Plan, plan_id, "工作方案")
    row = {}
    if "title" in values:
        row["title"] = _text(values, "title", "方案名称", required=True)
    if "leading_group" in values:
        row["leading_group"] = clean_group(values["leading_group"])
    for name in ("office", "office_head", "liaison", "note"):
        if name in values:
            row[name] = _text(values, name, "", required=False)
    with writing(actor) as w:
        w.update(plan, row, seen=seen)
    return w.changes


def edit_area(area_id: str, values: dict, *, actor: Actor, seen: dict | None = None) -> OpChanges:
    """values: any of name, content (学习内容), leaders, unit_codes (责任单位), deadline, position."""
    require_bureau()
    area = _live(PlanArea, area_id, "工作领域")
    row = {}
    if "name" in values:
        row["name"] = _text(values, "name", "领域名称", required=True)
    if "content" in values:
        row["content"] = _text(values, "content", "学习内容", required=True)
    if "leaders" in values:
        row["leaders"] = clean_leaders(values["leaders"])
    if "unit_codes" in values:
        codes = [resolve_unit(c) for c in values["unit_codes"]]
        expand_units(codes)  # every code must name a unit
        row["unit_codes"] = codes
    if "deadline" in values:
        row["deadline"] = check_deadline(values["deadline"])
    if "position" in values:
        row["position"] = int(values["position"])
    with writing(actor) as w:
        w.update(area, row, seen=seen)
    return w.changes


def save_benchmark(plan_id: str, values: dict, *, actor: Actor, benchmark_id: str | None = None) -> OpChanges:
    """Add a 对标对象 (or edit the one named by benchmark_id): role learn/surpass, name, studied_for."""
    require_bureau()
    plan = _live(Plan, plan_id, "工作方案")
    role = values.get("role")
    if role not in BENCHMARK_ROLES:
        role = {v: k for k, v in BENCHMARK_ROLES.items()}.get(role)
    if role is None:
        raise ValidationError({"role": "对标类型应为“学习”或“赶超”"})
    row = {"role": role, "name": _text(values, "name", "对标对象名称", required=True),
           "studied_for": _text(values, "studied_for", "学习借鉴的内容", required=True)}
    with writing(actor) as w:
        if benchmark_id:
            w.update(_live(PlanBenchmark, benchmark_id, "对标对象"), row)
        else:
            count = PlanBenchmark.live().where(PlanBenchmark.plan == plan).count()
            w.create(PlanBenchmark, {"plan": plan.id, "position": count, **row})
    return w.changes


def check_deadline(value) -> dt.date:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError({"deadline": f"完成时限应为日期（YYYY-MM-DD）：{value}"}) from None
    if not isinstance(value, dt.date):
        raise ValidationError({"deadline": "请填写完成时限"})
    return value


def _live(model, record_id: str, what: str):
    record = model.get_or_none(model.id == record_id)
    if record is None or record.deleted_at is not None:
        raise NotFound(f"未找到该{what}（可能已被删除）。", record_id=record_id)
    return record
