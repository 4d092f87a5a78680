"""This installation's own row (local, never synced): who it is (a station or the bureau), its change
origin, the last change number and clock it used. A floor below models.write, which numbers every
change from it; models.installation (stations, villages, init) re-exports it.

    Installation.get_current()      # raises NotInitialized before init
    Installation.get_current().last_seq
"""
from __future__ import annotations

import peewee

from models.base import LocalModel
from models.errors import NotInitialized
from models.fields import JSONField

KINDS = {"station": "服务站", "bureau": "退役军人事务局"}


class Installation(LocalModel):
    id = peewee.TextField(primary_key=True)
    kind = peewee.TextField()
    station_code = peewee.TextField(null=True)
    name = peewee.TextField()
    division_code = peewee.TextField()
    created_at = peewee.TextField()
    last_seq = peewee.IntegerField(default=0)
    last_hlc = peewee.TextField(null=True)
    former_origins = JSONField(default=list)  # origins it carried on from after a restore (models.origins)

    @classmethod
    def get_current(cls) -> "Installation":
        found = cls.select().first()
        if found is None:
            raise NotInitialized("此数据目录尚未初始化。请先运行 vetstation init 或在程序中完成首次设置。")
        return found

    @property
    def is_bureau(self) -> bool:
        return self.kind == "bureau"

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]
