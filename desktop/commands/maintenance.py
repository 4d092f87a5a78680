"""`check`, `backup` and `restore`: keeping a home's data whole.

    vetstation --home D check                 # exit 0 if all is well, 1 with the problems listed
    vetstation --home D backup
    vetstation --home D restore D/backups/vetstation-20261126-….db
"""
from __future__ import annotations

from pathlib import Path

from desktop.commands.session import acting_user, open_home
from models.backup import backup_database, restore_database
from models.integrity import check_home


def check(args) -> int:
    home = open_home(args)
    acting_user(args)
    problems = check_home(home)
    if not problems:
        print(f"检查完毕：{home.database} 及附件完好，未发现问题。")
        return 0
    print(f"发现 {len(problems)} 个问题：")
    for problem in problems:
        print(f"  - {problem}")
    return 1


def backup(args) -> int:
    home = open_home(args)
    print(f"已备份到 {backup_database(home, reason='manual', actor=acting_user(args))}")
    return 0


def restore(args) -> int:
    home = open_home(args)
    safety = restore_database(home, Path(args.file).expanduser().absolute(), actor=acting_user(args))
    print(f"已从 {args.file} 恢复数据库。恢复前的数据已另存为 {safety}")
    return 0
