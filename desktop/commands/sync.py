"""Sync commands: bureau keys, enrolling stations, and USB bundles (export, import, inspect, status).

Wiring (desktop/cli.py): call `add_sync_parsers(sub)` in build_parser, add `--enrollment FILE` and
`--passphrase P` to `init` (then --station/--bureau are not required) and route
`init --enrollment` to `cmd_init_enrollment(args)`; `dispatch(args)` runs the rest (None if not ours).

    vetstation --home D bureau-keys --escrow-out E:/escrow.txt
    vetstation --home D enroll --code 150626100 --name 嘎鲁图镇退役军人服务站 --out E:/嘎鲁图.vse
    vetstation --home S init --enrollment E:/嘎鲁图.vse [--passphrase P]
    vetstation --home S bundle export --out E:/          (bureau: --for 150626100)
    vetstation --home D bundle import E:/x.vsb [--dry-run] [--json]
    vetstation --home D bundle inspect E:/x.vsb [--json]
    vetstation --home S sync status [--json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from desktop.commands.session import acting_user, open_home, prompt_secret
from models.errors import ValidationError

PASSPHRASE_ENV = "VETSTATION_ENROLLMENT_PASSPHRASE"


def add_sync_parsers(sub) -> None:
    p = sub.add_parser("bureau-keys", help="事务局：生成局密钥（只做一次），托管密钥写入指定文件以便离线保管")
    p.add_argument("--escrow-out", required=True, metavar="FILE", help="托管密钥文件（请存到离线介质）")
    p = sub.add_parser("enroll", help="事务局：登记一个服务站，生成登记文件（带一次性口令）")
    p.add_argument("--code", required=True, metavar="C", help="服务站代码")
    p.add_argument("--name", required=True, metavar="N", help="服务站名称")
    p.add_argument("--out", required=True, metavar="FILE", help="登记文件保存位置")
    p.add_argument("--passphrase", metavar="P", help="口令（不给则自动生成并显示）")
    bundle = sub.add_parser("bundle", help="U盘数据包：导出、导入、查看").add_subparsers(
        dest="bundle_command", metavar="操作", required=True, parser_class=sub._parser_class)
    p = bundle.add_parser("export", help="导出数据包（服务站→局；局端用 --for 指定服务站）")
    p.add_argument("--out", required=True, metavar="PATH", help="保存到的文件夹或 .vsb 文件")
    p.add_argument("--for", dest="for_station", metavar="STATION_CODE", help="局端：给哪个服务站")
    p = bundle.add_parser("import", help="导入数据包")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="试导入：只报告将会发生什么，不作改动")
    p.add_argument("--json", action="store_true", help="输出 JSON 报告")
    p = bundle.add_parser("inspect", help="查看数据包（发送方、接收方、条数、能否验证），不作改动")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    status = sub.add_parser("sync", help="交换状态").add_subparsers(dest="sync_command", metavar="操作",
                                                                   required=True, parser_class=sub._parser_class)
    p = status.add_parser("status", help="局里确认到哪里、还有多少未确认、冲突和暂缓的记录")
    p.add_argument("--json", action="store_true")


def dispatch(args) -> int | None:
    command = getattr(args, "command", None)
    if command == "bureau-keys":
        return cmd_bureau_keys(args)
    if command == "enroll":
        return cmd_enroll(args)
    if command == "bundle":
        return {"export": cmd_export, "import": cmd_import, "inspect": cmd_inspect}[args.bundle_command](args)
    if command == "sync":
        return cmd_status(args)
    if command == "init" and getattr(args, "enrollment", None):
        return cmd_init_enrollment(args)
    return None


def cmd_bureau_keys(args) -> int:
    from sync.bureau_keys import create_bureau_keys
    from sync.keys import fingerprint

    home = open_home(args)
    keys = create_bureau_keys(home, Path(args.escrow_out))
    print(f"局密钥已生成。签名密钥指纹：{fingerprint(keys.public)}")
    print(f"托管密钥已写入 {args.escrow_out}：请把它存到离线介质（打印或保险柜中的U盘），并从本机删除。")
    return 0


def cmd_enroll(args) -> int:
    from sync.enrollment import write_enrollment

    home = open_home(args)
    passphrase = write_enrollment(home, args.code, args.name, Path(args.out), args.passphrase)
    print(f"已为服务站 {args.code}（{args.name}）生成登记文件：{args.out}")
    if not args.passphrase:
        print(f"一次性口令：{passphrase}")
        print("请当面或电话告知服务站工作人员，不要与登记文件放在同一个U盘里。")
    return 0


def cmd_init_enrollment(args) -> int:
    from models.write import CLI_ACTOR
    from sync.enrollment import adopt_enrollment, open_enrollment

    passphrase = getattr(args, "passphrase", None) or prompt_secret(PASSPHRASE_ENV, "登记文件的口令：")
    if not passphrase:
        raise ValidationError({"passphrase": f"请用 --passphrase 或环境变量 {PASSPHRASE_ENV} 提供登记文件的口令"})
    payload = open_enrollment(Path(args.enrollment), passphrase)
    home = open_home(args, create=True)
    inst = adopt_enrollment(home, payload, actor=CLI_ACTOR)
    print(f"已登记为服务站 {inst.station_code}「{inst.name}」，可与「{payload['bureau']['name']}」交换数据包。")
    return 0


def cmd_export(args) -> int:
    from sync.export import export_bundle

    home = open_home(args)
    result = export_bundle(home, Path(args.out), for_station=args.for_station, actor=acting_user(args),
                           progress=lambda done, total, text: print(text, file=sys.stderr))
    print(f"已导出并在U盘上核对无误：{result.path}（修改 {result.changes} 条，第 {result.sequence} 号数据包）")
    return 0


def cmd_import(args) -> int:
    from sync.importer import import_bundle

    home = open_home(args)
    actor = acting_user(args)
    report = import_bundle(home, Path(args.file), actor=actor, dry_run=args.dry_run,
                           progress=None if args.json else lambda d, t, text: print(text, file=sys.stderr))
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(report.text())
    return 0


def cmd_inspect(args) -> int:
    from sync.importer import inspect_bundle
    from sync.own_bundles import counts_text

    home = open_home(args)
    info = inspect_bundle(home, Path(args.file))
    own = info.get("own_export")
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=1))
    elif own:  # our own bundle, sealed for the bureau: told from this PC's export record
        print(info["summary"])
        print(info["problem"])
    elif not info.get("sender"):  # nothing of the bundle could be read: one sentence says why
        print(info["problem"])
    else:
        sender, recipient = info["sender"], info.get("recipient") or {}
        to = "事务局" if recipient.get("kind") == "bureau" else f"服务站 {recipient.get('station_code') or ''}"
        print(f"发送方：{sender.get('name') or ''} {sender.get('station_code') or ''}".rstrip())
        print(f"接收方：{to}".rstrip())
        print(f"导出时间：{_when(info.get('created_at'))}  第 {info.get('sequence') or '?'} 号  "
              f"修改 {info.get('changes') or 0} 条")
        print(f"各表条数：{counts_text(info.get('counts') or {}) or '无'}")
        print("验证：通过" if info["verified"] else f"验证：未通过 —— {info['problem']}")
    return 0 if info["verified"] or own else 1


def _when(stamp) -> str:
    """A manifest's time for the screen; the manifest is the sender's word, so a malformed one is shown as is."""
    from models.fields import local_display

    try:
        return local_display(stamp) or "不明"
    except (TypeError, ValueError):
        return str(stamp)[:40]


def cmd_status(args) -> int:
    from models.conflicts import open_conflicts, open_duplicates
    from models.held import held_count
    from models.installation import Installation
    from models.peers import Peer
    from sync.receipts import confirmation

    open_home(args)
    inst = Installation.get_current()
    status = {"conflicts": len(open_conflicts()), "duplicates": len(open_duplicates()), "held": held_count()}
    if inst.is_bureau:
        status["stations"] = [{"code": p.code, "name": p.name, "last_import_at": p.last_import_at,
                               "last_export_at": p.last_export_at, "known": p.known}
                              for p in Peer.select().order_by(Peer.code)]
    else:
        status.update(confirmation())
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=1))
        return 0
    if not inst.is_bureau:
        print(f"局里确认到：{status['confirmed_at'] or '尚未确认'}；未确认的修改 {status['unconfirmed']} 条")
    for s in status.get("stations", []):
        print(f"{s['code']} {s['name']}：最近导入 {s['last_import_at'] or '—'}，最近导出 {s['last_export_at'] or '—'}")
    print(f"冲突待处理 {status['conflicts']}；疑似重复人员 {status['duplicates']}；暂缓记录 {status['held']}")
    return 0
