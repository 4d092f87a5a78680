"""`indicators` and `score`: the 对标 figures of every station and the 实绩考核赋分, headless.

    vetstation --home D indicators --period 2026Q4 [--json]      # P: 2026 / 2026Q4 / 2026-11
    vetstation --home D score --quarter 2026Q4 [--confirm] [--json]
    vetstation --home D score scheme --year 2026 [--start | --copy-from 2025 | --set FILE] [--json]
    vetstation --home D score enter --quarter 2026Q4 --station 150626100 --item grassroots --points 85 --reason …
    vetstation --home D score publish --period 2026Q4

JSON of `indicators`: {"period": P, "stations": [row, …], "total": row}, rows with JSON_KEYS (models.indicators.ROW_KEYS less services_done).
Wiring (desktop/cli.py): add_indicator_parsers(sub) in build_parser; run(args) for both commands.
"""
from __future__ import annotations

import json
from pathlib import Path

from models.errors import DomainError
from models.indicators import INDICATORS, ROW_KEYS, indicator_rows, total_row
from models.periods import parse_period


def add_indicator_parsers(sub) -> None:
    p = sub.add_parser("indicators", help="各服务站的对标指标（事务局：全部已登记的服务站；服务站：本站）")
    p.add_argument("--period", required=True, metavar="P", help="期间：年（2026）、季度（2026Q4）或月份（2026-11）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    score = sub.add_parser("score", help="实绩考核赋分：季度得分与排名（--confirm 确认并冻结）")
    score.add_argument("--quarter", metavar="Q", help="季度，如 2026Q4")
    score.add_argument("--year", metavar="Y", help="年度得分，如 2026")
    score.add_argument("--confirm", action="store_true", help="确认本季度各站得分（确认后冻结，不再随数据变化）")
    score.add_argument("--json", action="store_true", help="输出 JSON")
    actions = score.add_subparsers(dest="score_command", metavar="操作")
    s = actions.add_parser("scheme", help="查看、建立或修改某年的考核赋分方案")
    s.add_argument("--year", required=True, type=int, metavar="Y", help="年度")
    how = s.add_mutually_exclusive_group()
    how.add_argument("--start", action="store_true", help="用默认方案建立")
    how.add_argument("--copy-from", type=int, metavar="Y", help="复制某年的方案")
    how.add_argument("--set", metavar="FILE", help="用 JSON 文件（{\"items\": [...]}）替换方案的考核项目")
    s.add_argument("--json", action="store_true", help="输出 JSON")
    e = actions.add_parser("enter", help="录入事务局评定的分数（需写明理由）")
    e.add_argument("--quarter", required=True, metavar="Q")
    e.add_argument("--station", required=True, metavar="CODE")
    e.add_argument("--item", required=True, metavar="CODE", help="考核项目代码")
    e.add_argument("--points", required=True, type=float, metavar="N", help="原始分（0 至满分）")
    e.add_argument("--reason", required=True, metavar="TEXT")
    pub = actions.add_parser("publish", help="把对标情况（本站与全旗平均、按设置含排名）发布给各服务站")
    pub.add_argument("--period", required=True, metavar="P")


def run(args) -> int:
    from desktop.commands.session import acting_user, open_home

    open_home(args)
    if args.command == "indicators":
        return show_indicators(args)
    if args.score_command == "scheme":
        return scheme(args, acting_user(args))
    if args.score_command == "enter":
        from models.scoring import enter_manual_score

        enter_manual_score(args.quarter, args.station, args.item, args.points, reason=args.reason,
                           actor=acting_user(args))
        print(f"已录入 {args.station} {args.quarter}「{args.item}」{args.points:g} 分。")
        return 0
    if args.score_command == "publish":
        from models.scoring import publish_comparison

        period = parse_period(args.period)
        publish_comparison(period, actor=acting_user(args))
        print(f"已发布{period.label}的对标情况，各服务站在下次收到事务局的数据包时看到。")
        return 0
    return show_scores(args, acting_user(args))


# The published JSON row (issue 10): every indicator but the text-only 代办办结, in this order.
JSON_KEYS = [k for k in ROW_KEYS if k != "services_done"]


def _json_row(row: dict) -> dict:
    return {k: row.get(k) for k in JSON_KEYS}


def show_indicators(args) -> int:
    period = parse_period(args.period)
    rows = indicator_rows(period)
    total = total_row(rows)
    if args.json:
        print(json.dumps({"period": args.period, "stations": [_json_row(r) for r in rows], "total": _json_row(total)},
                         ensure_ascii=False))
        return 0
    print(f"{period.label} 对标指标")
    names = [r["station_name"] for r in rows] + ["合计"]
    for key in ROW_KEYS[2:]:
        values = [_shown(key, r[key]) for r in rows + [total]]
        print(f"  {INDICATORS[key].label}：" + "  ".join(f"{n} {v}" for n, v in zip(names, values)))
    return 0


def _shown(key: str, value) -> str:
    if value is None:
        return "—"
    if INDICATORS[key].unit == "%":
        return f"{value * 100:.1f}%"
    if INDICATORS[key].unit == "分" and key.endswith("_fen"):
        return f"{value / 100:,.2f}元"
    return f"{value:g}" if isinstance(value, float) else str(value)


def show_scores(args, actor) -> int:
    from models.scoring import compute_scores, confirm_quarter

    if bool(args.quarter) == bool(args.year):
        raise DomainError("请用 --quarter 季度（如 2026Q4）或 --year 年度（如 2026）之一。")
    if args.confirm and not args.quarter:
        raise DomainError("只能确认季度得分：请用 --quarter。")
    text = args.quarter or args.year
    period = parse_period(text)
    if args.quarter and period.kind != "quarter":
        raise DomainError(f"请写季度，如 2026Q4（收到的是「{text}」）。")
    if args.year and period.kind != "year":
        raise DomainError(f"请写年度，如 2026（收到的是「{text}」）。")
    board = confirm_quarter(text, actor=actor) if args.confirm else compute_scores(period)
    if args.json:
        print(json.dumps({"period": text, "scheme_version": board.scheme.revision, "stations": [
            {"station_code": r.station_code, "station_name": r.station_name, "score": r.shown_total,
             "computed": r.total, "rank": r.rank, "confirmed": r.frozen is not None, "missing": r.missing,
             "items": r.items, "difference": r.difference()} for r in board.rows]}, ensure_ascii=False))
        return 0
    print(f"{period.label} 实绩考核赋分（方案第{board.scheme.revision}版）" + ("：已确认并冻结" if args.confirm else ""))
    for r in board.rows:
        state = "已确认" if r.frozen else ("待录入：" + "、".join(r.missing) if r.missing else "未确认")
        print(f"  第{r.rank}名  {r.station_name}  {r.shown_total:g} 分  {state}")
        for d in r.difference():
            print(f"      重新计算有差异：{d['label']} 已确认 {d['frozen']} → 现在 {d['now']}")
    return 0


def scheme(args, actor) -> int:
    from models.scoring import get_scheme, save_scheme, start_scheme

    if args.start or args.copy_from:
        start_scheme(args.year, actor=actor, copy_from=args.copy_from)
    elif args.set:
        try:
            data = json.loads(Path(args.set).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DomainError(f"读不了方案文件 {args.set}：{exc}。应为 UTF-8 的 JSON，形如 {{\"items\": [...]}}。") from None
        save_scheme(args.year, data.get("items") if isinstance(data, dict) else data, actor=actor)
    found = get_scheme(args.year)
    if args.json:
        print(json.dumps({"year": found.year, "revision": found.revision, "items": found.items, "note": found.note},
                         ensure_ascii=False))
        return 0
    print(f"{found.year}年考核赋分方案（第{found.revision}版）")
    for item in found.items:
        how = f"按指标 {item['indicator']}" if item["kind"] == "indicator" else "事务局评定"
        print(f"  {item['code']}  {item['label']}  满分 {item['max_points']:g}  权重 {item['weight']:g}%  {how}")
    return 0
