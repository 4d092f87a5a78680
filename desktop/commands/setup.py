"""`init` (make a home a station or the bureau) and `demo` (fill it with synthetic people).

    vetstation --home D init --station 150626100 --name 嘎鲁图镇退役军人服务站 --admin zhang --admin-name 张站长
    vetstation --home D demo --people 100000 --seed 1 [--casework N | --no-casework]

After the persons, `demo` writes casework (services, visits, cards, aid, disputes, employment) for a
tenth of them (at most 2 000; --casework N chooses how many) through the domain functions, dated
over the last 18 months up to today, so the workbench and the casework pages have something to show.
"""
from __future__ import annotations

import sys
import time

from desktop.commands.session import acting_user, open_home, prompt_secret
from models.accounts import User, create_user
from models.db import db
from models.errors import ValidationError
from models.installation import init_bureau, init_station
from models.write import CLI_ACTOR

ADMIN_PASSWORD_ENV = "VETSTATION_ADMIN_PASSWORD"


def init(args) -> int:
    if not getattr(args, "database", None):
        return _init(args)
    from desktop.commands.database import start_bureau_database  # the data in PostgreSQL (docs/postgres.md)
    from desktop.commands.session import home_of
    from models.database_move import forget_postgres

    start_bureau_database(args)
    try:
        return _init(args)
    except Exception:
        forget_postgres(home_of(args))  # the database keeps its empty schema; the next init uses it
        raise


def _init(args) -> int:
    open_home(args, create=True)
    password = None
    if args.admin:
        password = args.admin_password or prompt_secret(ADMIN_PASSWORD_ENV, f"管理员 {args.admin} 的密码：")
        if not password:
            raise ValidationError({"password": f"请用 --admin-password 或环境变量 {ADMIN_PASSWORD_ENV} 提供管理员密码"})
    with db.atomic():  # the installation and its first account come together or not at all
        if args.bureau:
            inst = init_bureau(args.name, actor=CLI_ACTOR)
        else:
            inst = init_station(args.station, args.name, actor=CLI_ACTOR)
        if args.admin:
            role = "bureau_admin" if args.bureau else "station_head"
            create_user(args.admin, args.admin_name or args.admin, password, role, actor=CLI_ACTOR)
    where = "事务局" if args.bureau else f"服务站 {inst.station_code}"
    print(f"已初始化为{where}「{inst.name}」。")
    if args.admin:
        print(f"管理员账号：{args.admin}")
    return 0


def demo(args) -> int:
    from demo.home import DEMO_LOGIN, ensure_demo_station, populate

    home = open_home(args, create=True)
    actor = acting_user(args)
    created = ensure_demo_station(actor=actor)
    if created:
        print("已初始化为演示服务站「嘎鲁图镇退役军人服务站」（150626100）。", file=sys.stderr)
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done == total or done % 10_000 == 0 or total <= 10_000:
            print(f"已写入 {done}/{total} 人（{time.perf_counter() - started:.0f} 秒）", file=sys.stderr)

    result = populate(args.people, seed=args.seed, actor=actor, progress=progress)
    rate = result.records / result.seconds if result.seconds else 0
    print(f"已生成 {result.persons} 名演示人员（人员类别 {result.identities} 条，家庭成员 {result.family} 条），"
          f"用时 {result.seconds:.1f} 秒，约 {rate:.0f} 条记录/秒。数据均为虚构。")
    if not args.no_casework:
        _demo_casework(args, actor)
    if created:  # a new demo station receives this year's plan from a demo bureau (demo/plan.py)
        _demo_plan(home, args, actor)
    if User.get_or_none(User.username == DEMO_LOGIN[0]):
        print(f"演示账号：{DEMO_LOGIN[0]}  密码：{DEMO_LOGIN[1]}")
    return 0


def _demo_plan(home, args, actor) -> None:
    import datetime as dt

    from demo.plan import plan_for_demo_station

    counts = plan_for_demo_station(home, today=dt.date.today(), actor=actor, seed=args.seed)
    print(f"已从演示事务局收到本年度工作方案（本站任务 {counts['tasks']} 项），"
          f"填报月调度 {counts['progress_entry']} 条（最近一月有一项未报）。")


def _demo_casework(args, actor) -> None:
    import datetime as dt

    from demo.casework import casework_persons, populate_casework

    count = args.casework or casework_persons(args.people)
    if not count:
        return
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done == total or done % 500 == 0:
            print(f"已为 {done}/{total} 人生成业务记录（{time.perf_counter() - started:.0f} 秒）", file=sys.stderr)

    counts = populate_casework(persons=count, seed=args.seed, today=dt.date.today(), actor=actor, progress=progress)
    print(f"已生成业务记录：服务记录 {counts.get('service_record', 0)} 条，走访 {counts.get('visit', 0)} 次，"
          f"优待证申领 {counts.get('preferential_card', 0)} 件，困难帮扶 {counts.get('aid_case', 0)} 件，"
          f"矛盾纠纷 {counts.get('dispute_case', 0)} 件，就业创业 {counts.get('employment_record', 0)} 条，"
          f"用时 {time.perf_counter() - started:.1f} 秒。")
