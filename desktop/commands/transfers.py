"""`transfer`: the bureau moves a person to another station's area, or lists a person's transfers.

    vetstation --home D --user 李科长 transfer 150626198503150314 --to 150626101 --reason 随子女迁居
    vetstation --home D transfer 150626198503150314 --history

The rules and sentences are models.transfers' (bureau only, a logged-in user, 在册 people only);
a refusal prints as one line and exits 1 like every other domain error.

Wiring (desktop/cli.py): `add_transfer_parser(sub)` in build_parser, and in _dispatch
`if args.command == "transfer": from desktop.commands import transfers; return transfers.run(args)`.
"""
from __future__ import annotations

import argparse
import datetime as dt

from models.accounts import display_names
from models.installation import Station
from models.permissions import require
from models.registry import find_person
from models.transfers import transfer_history, transfer_person


def add_transfer_parser(subparsers) -> None:
    p = subparsers.add_parser("transfer", help="事务局：把人员转移到另一个服务站（或用 --history 查看转移记录）")
    p.add_argument("person", metavar="ID_OR_NUMBER", help="档案编号或身份证号码")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--to", metavar="STATION_CODE", help="转入服务站的代码（如 150626101）")
    what.add_argument("--history", action="store_true", help="列出此人的转移记录")
    p.add_argument("--on", metavar="YYYY-MM-DD", type=_date, help="转移日期（默认今天）")
    p.add_argument("--reason", metavar="TEXT", help="转移原因（如 随子女迁居）")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def run(args) -> int:
    from desktop.commands.session import acting_user, open_home

    open_home(args)
    if args.history:
        return show_history(args)
    actor = acting_user(args)
    require(actor, "transfer", target=args.person)  # the role first: a clerk learns nothing about the person
    person = find_person(args.person)
    transfer_person(person.id, args.to, actor=actor, on=args.on, reason=args.reason)
    move = transfer_history(person.id)[-1]
    print(f"已将{person.name}从{move['from_name']}转移到{move['to_name']}。"
          "新服务站在下次收到事务局的数据包时得到此人的全部档案。")
    return 0


def show_history(args) -> int:
    person = find_person(args.person)
    moves = transfer_history(person.id)
    if not moves:
        station = Station.get_or_none(Station.id == person.station_code)
        print(f"{person.name}没有转移记录（现属{station.name if station else person.station_code}）。")
        return 0
    names = display_names()
    print(f"{person.name}的转移记录：")
    for move in moves:
        by = names.get(move["by"], move["by"]) or ""
        print(f"  {move['on'] or ''}  {move['from_name']} → {move['to_name']}  {by}".rstrip())
    return 0
