"""`check`, `backup` and `restore`: keeping a home's data whole.

    vetstation --home D check                 # exit 1 only for damage (listed); open review items are listed, exit 0
    vetstation --home D backup [--out FILE]   # encrypted (.vsbak)
    vetstation --home D restore FILE [--yes] [--identity KEYFILE]   # says what the backup holds, asks first
"""
from __future__ import annotations

import sys
from pathlib import Path

from desktop.commands.session import acting_user, open_home
from models.backup import backup_database, describe_backup, held_sentence, restore_database
from models.installation import current
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
    out = Path(args.out).expanduser().absolute() if getattr(args, "out", None) else None
    print(f"已加密备份到 {backup_database(home, reason='manual', actor=acting_user(args), out=out)}")
    return 0


def restore(args) -> int:
    home = open_home(args, create=True)  # an empty home: a replacement PC
    actor = acting_user(args)
    path = Path(args.file).expanduser().absolute()
    key_file = Path(args.identity).expanduser() if getattr(args, "identity", None) else None
    if current() is not None:  # who may restore is asked before anything is read
        from models.permissions import require
        require(actor, "restore", target=path.name)
    print(held_sentence(describe_backup(home, path, key_file=key_file)))
    if current() is not None:
        print(f"本数据目录现有的数据（{current().name}）将被替换；恢复前会先自动备份。")
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            print("未恢复：请确认后加 --yes 再运行。", file=sys.stderr)
            return 2
        if input("确定恢复吗？输入 y 确认：").strip().lower() not in ("y", "yes", "是"):
            print("已取消，未作任何改动。")
            return 1
    safety = restore_database(home, path, actor=actor, key_file=key_file)
    kept = f"恢复前的数据已另存为 {safety}。" if safety else ""
    print(f"已从 {args.file} 恢复。{kept}此后的修改使用新的编号来源，下次与局里交换数据时会补齐缺少的部分。")
    return 0
