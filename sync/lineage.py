"""Which installation of a peer sent a bundle: its current one, a new one carrying on, or a retired one.

    lineage = sender_lineage(facts)    # facts from importer.verify_manifest (peer, installation_id, former, body)
    lineage.origins      # the origins this bundle may carry changes of
    lineage.succeeded    # the peer carries on as a new installation: reset what we believe it holds
    lineage.retired      # from an installation the peer no longer uses: import its changes, touch nothing else
    lineage.former_ids   # the peer's earlier installations, to store (Peer.former_ids)

A peer changes installation when it restores a backup (it carries on under a new origin and names the
old one in its manifest: sender.former_ids, see models.origins) or when a station PC is replaced by
enrolling the station again (the bureau gives the new PC a new installation id and certificate).
- A bundle signed with the station's current certificate (at a station: any bundle of the bureau,
  whose root key never changes) comes from its current installation. When that installation is new,
  what we believed the peer holds is replaced by what its manifest says it holds (`vector_after`), so
  our next bundle gives it everything it lacks — including its own changes a restore lost.
- A bundle of another installation under an older certificate (the dead PC's stick that turns up
  later) is still imported — its changes are data, never dropped — but changes no exchange state;
  the report says so in one sentence.
- A station may carry changes of its former origins (when no other unit owns them) and, after the
  bureau restored a backup, the bureau's own changes the bureau lost (the bureau's former origins).
"""
from __future__ import annotations

from dataclasses import dataclass

from models.installation import Installation
from models.origins import former_ids as own_former_ids
from models.peers import Peer, get_peer


@dataclass
class Lineage:
    origins: set
    former_ids: list
    succeeded: bool = False
    retired: bool = False
    note: str = ""
    restored: bool = False


def _owned_elsewhere(code: str) -> set:
    owned = set()
    for peer in Peer.select().where(Peer.code != code):
        if peer.installation_id:
            owned.add(peer.installation_id)
        owned.update(peer.former_ids or [])
    return owned


def _current_certificate(peer, facts: dict) -> bool:
    if facts["body"]["kind"] != "station" or peer is None or not peer.certificate:
        return True
    return (peer.certificate or {}).get("signature") == (facts.get("certificate") or {}).get("signature")


def sender_lineage(facts: dict) -> Lineage:
    inst = Installation.get_current()
    sender = facts["installation_id"]
    peer = get_peer(facts["peer"])
    name = facts["body"].get("name") or facts["peer"]
    claimed = [x for x in facts["former"] if x != sender and x != inst.id]
    if facts["body"]["kind"] == "station":
        elsewhere = _owned_elsewhere(facts["peer"]) | {inst.id}
        claimed = [x for x in claimed if x not in elsewhere]
    stored = peer.installation_id if peer else None
    former = list((peer.former_ids or []) if peer else [])
    origins = {sender, *claimed}
    if inst.is_bureau:
        origins.update(own_former_ids())  # the bureau's own changes it lost in a restore, coming back
    if stored is None or stored == sender:
        return Lineage(origins, _union(former, claimed, drop=sender))
    if not _current_certificate(peer, facts):
        return Lineage(origins, _union(former, claimed, [sender], drop=stored), retired=True, note=(
            f"这是「{name}」已不再使用的旧安装（{sender[:13]}…，例如换下的旧电脑）导出的数据包："
            "其中的修改已全部导入、没有丢失，但它不改变与现用安装的交换记录。"))
    used_before = peer.last_import_hash is not None or peer.kind == "bureau"
    restored = stored in claimed
    if restored:
        note = (f"「{name}」从备份恢复后改用新的安装标识继续（原 {stored[:13]}…）：已按它现有的数据重新核对，"
                "下一个发给它的数据包会补上它缺少的修改。")
    else:
        note = (f"「{name}」换用了新的安装（新电脑或重新登记）：下一个发给它的数据包会包含它应有的全部数据。"
                if used_before else "")
    return Lineage(origins, _union(former, claimed, [stored] if used_before else [], drop=sender),
                   succeeded=True, note=note, restored=restored)


def _union(*lists, drop=None) -> list:
    out: list = []
    for items in lists:
        for item in items:
            if item and item != drop and item not in out:
                out.append(item)
    return out
