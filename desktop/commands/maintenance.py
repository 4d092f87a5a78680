"""`check`, `backup` and `restore`: keeping a home's data whole.

    vetstation --home D check                 # exit 1 only for damage (listed); open review items are listed, exit 0
    vetstation --home D backup
    vetstation --home D restore D/backups/vetstation-20261126-….db
"""
from __future__ import annotations

from pathlib import Path

from desktop.commands.session import acting_user, open_home
from models.backup import backup_database, restore_database
from models.integrity import check_home, review_work


def check(args) -> int:
    home = open_home(args)
    acting_user(args)
    problems = check_home(home)
    work = review_work()
    if not problems:
        print(f"检查完毕：{home.database} 及附件完好，未发现问题。")
    else:
        print(f"发现 {len(problems)} 个问题：")
        for problem in problems:
            print(f"  - {problem}")
    if work:
        print("待处理的审核工作（不是损坏）：")
        for item in work:
            print(f"  - {item}")
    return 1 if problems else 0


def backup(args) -> int:
    home = open_home(args)
    print(f"已备份到 {backup_database(home, reason='manual', actor=acting_user(args))}")
    return 0


def restore(args) -> int:
    home = open_home(args)
    safety = restore_database(home, Path(args.file).expanduser().absolute(), actor=acting_user(args))
    print(f"已从 {args.file} 恢复数据库。恢复前的数据已另存为 {safety}")
    return 0
