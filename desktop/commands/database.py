"""Where a bureau's data lives (docs/postgres.md): PostgreSQL for a bureau of several PCs.

    vetstation --home D init --bureau --name 乌审旗退役军人事务局 --database postgresql://bureau@db-server/vetstation
    vetstation --home D2 connect --database postgresql://bureau@db-server/vetstation --keys E:/bureau-keys
    vetstation --home D move-to-postgres --database postgresql://bureau@db-server/vetstation
    vetstation --home D copy-to-sqlite [--out copy.db]      # without --out: leave PostgreSQL

The password is never part of the address: --password-file FILE (its first line), else the environment
variable VETSTATION_DB_PASSWORD, else asked for; init and connect keep it in the home's keys/ folder
(readable only by its user).
"""
from __future__ import annotations

from pathlib import Path

from desktop.commands.session import home_of, prompt_secret
from models.engine import PASSWORD_ENV, PostgresTarget


def add_database_parsers(sub) -> None:
    p = sub.add_parser("connect", help="局机关另一台电脑：连接到事务局的 PostgreSQL 数据库（同一份数据）")
    add_database_arguments(p, required=True)
    p.add_argument("--keys", metavar="DIR", help="管理员提供的事务局密钥文件夹（其数据目录 keys 文件夹的副本）")
    p = sub.add_parser("move-to-postgres", help="把本机的事务局数据迁入 PostgreSQL（逐表核对后才切换，原文件保留）")
    add_database_arguments(p, required=True)
    p = sub.add_parser("copy-to-sqlite", help="把 PostgreSQL 中的数据完整复制成一个 SQLite 文件（不带 --out：改回本机文件）")
    p.add_argument("--out", metavar="FILE", help="复制到这个文件（数据目录仍用 PostgreSQL）")


def add_database_arguments(p, *, required: bool = False) -> None:
    p.add_argument("--database", metavar="DSN", required=required,
                   help="PostgreSQL 数据库地址，如 postgresql://bureau@db-server:5432/vetstation（不含密码）")
    p.add_argument("--password-file", metavar="FILE",
                   help=f"数据库密码文件（第一行；也可用环境变量 {PASSWORD_ENV}，否则提示输入）")


def target_of(args) -> tuple[PostgresTarget, str | None]:
    target = PostgresTarget(args.database)
    target.params  # an address with a password or without a database name is refused here
    if args.password_file:
        try:
            password = Path(args.password_file).read_text(encoding="utf-8").splitlines()[0].strip()
        except (OSError, IndexError):
            from models.engine import DatabaseRefused
            raise DatabaseRefused(f"读不出密码文件：{args.password_file}") from None
    else:
        password = prompt_secret(PASSWORD_ENV, "数据库密码（无密码直接回车）：") or None
    return target, password


def start_bureau_database(args) -> None:
    """`init --bureau --database DSN`: before the installation is made, point the home at PostgreSQL."""
    from models.database_move import start_in_postgres

    target, password = target_of(args)
    start_in_postgres(home_of(args), target, password)


def run(args) -> int:
    from models import database_move

    home = home_of(args)
    if args.command == "connect":
        target, password = target_of(args)
        database_move.connect(home, target, password, keys=Path(args.keys) if args.keys else None)
        print(f"已连接到事务局数据库 {target.label}。")
        return 0
    if args.command == "move-to-postgres":
        target, password = target_of(args)
        facts = database_move.move_to_postgres(home, target, password)
        rows = sum(n for n, _ in facts.values())
        print(f"已迁入 PostgreSQL（{target.label}）：{len(facts)} 张表、{rows} 行，逐表核对行数和校验和一致。"
              f"原数据库文件保留在 {home.root}（{database_move.MOVED_PREFIX}….db）。")
        return 0
    path, facts = database_move.copy_to_sqlite(home, Path(args.out) if args.out else None)
    rows = sum(n for n, _ in facts.values())
    where = "（数据目录改用此文件）" if not args.out else "（数据目录仍用 PostgreSQL）"
    print(f"已复制到 {path}{where}：{len(facts)} 张表、{rows} 行，逐表核对一致。")
    return 0
