"""服务记录台账: the service contacts of a period, one row per contact (DOMAIN.md §2, §8).

    rows = service_rows(parse_period("2026-11"), LedgerOptions())

Columns: 日期, 服务对象 (来访群众 when nobody was named), 方式, 类别, 内容, 结果, 经办人. For a 代办
item the result also says where it stood at the period's end (已受理 / 办理中 / 已办结 / 已退回).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import peewee

from ledgers.as_of import events_by_case
from ledgers.pdf_layout import Column
from models import options
from models.person import Person
from models.services import AGENCY, CHANNELS, ServiceEvent, ServiceRecord

if TYPE_CHECKING:
    from ledgers.options import LedgerOptions
    from ledgers.periods import Period

COLUMNS = (
    Column("序号", align="CENTER"), Column("日期", align="CENTER"), Column("服务对象"), Column("方式", align="CENTER"),
    Column("类别", wrap=True), Column("内容", wrap=True), Column("结果", wrap=True), Column("经办人", wrap=True),
)
ANONYMOUS = "来访群众"


def service_rows(period: "Period", opts: "LedgerOptions") -> list[list[str]]:
    select = (ServiceRecord.select(ServiceRecord, Person.name.alias("person_name"))
              .join(Person, peewee.JOIN.LEFT_OUTER, on=(ServiceRecord.person == Person.id))
              .where(ServiceRecord.deleted_at.is_null() & ServiceRecord.served_on.between(period.start, period.end)))
    if opts.station_code:
        select = select.where(ServiceRecord.station_code == opts.station_code)
    if opts.village_id:
        select = select.where(Person.village == opts.village_id)
    records = list(select.order_by(ServiceRecord.served_on, ServiceRecord.created_at).objects())
    events = events_by_case(ServiceEvent, ServiceEvent.service, [r.id for r in records if r.agency], until=period.end)
    categories = options.labels("service_category")
    rows = []
    for number, r in enumerate(records, 1):
        result = r.result or ""
        if r.agency:
            state = AGENCY.state_label(AGENCY.replay(events.get(r.id, [])).state)
            result = f"{result}（{state}）" if result else state
        rows.append([str(number), r.served_on.isoformat(), r.person_name or ANONYMOUS, CHANNELS.get(r.channel, r.channel),
                     categories.get(r.category, r.category), r.content or "", result, r.handler or ""])
    return rows
