"""实绩考核赋分: the bureau's yearly scoring scheme, scores per station per quarter and for the year,
ranking, confirming (freezing) a quarter, and publishing the comparison to the stations.

    scheme = start_scheme(2026, actor=a)                   # from resources/defaults/scoring-scheme.json
    save_scheme(2026, items, actor=a)                      # weights must total 100; revision + 1
    enter_manual_score("2026Q4", "150626100", "grassroots", 85, reason="…", actor=a)
    board = quarter_scores("2026Q4")                       # ScoreBoard: rows ranked, frozen vs now
    confirm_quarter("2026Q4", actor=a)                     # freezes every station's score
    publish_comparison(parse_period("2026Q4"), actor=a)    # each station receives its row and the average

A scheme item: {"code", "label", "area", "max_points" (满分), "weight" (权重, %), "kind": "indicator" |
"manual", "indicator": a models.indicators code, "rule": {"kind": "linear", "target": 0.95,
"zero_at": 0.6, "full_at": 1.0} | {"kind": "deduct", "per_item": 5}}. An item's 原始分 is in
[0, 满分]; its 得分 = 原始分 ÷ 满分 × 权重; a station's score is the sum (0–100). linear: 0 at
zero_at × target, 满分 at full_at × target, straight between. deduct: 满分 − per_item × value, not below
0. An indicator without a value (a rate with nothing to count) scores 满分: there was nothing to fail.
A manual item is entered by the bureau per station and quarter with a reason; the year's manual
points are the mean of its quarters' entries.

Confirming freezes a ConfirmedScore per station (synced, bureau-owned, carrying the station's code so
the station receives its own): the data period, the scheme version and every item as computed. Later
edits never change it; quarter_scores shows the frozen figures beside a recomputation and the
difference. Writes are the bureau's; a quarter whose 季总结 pack the bureau has closed refuses them.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import peewee

from models.base import SyncedModel
from models.errors import DomainError, NotFound, PermissionDenied, ValidationError
from models.fields import JSONField, utc_now
from models.indicator_figures import INDICATORS, as_at, figure_rows, stations_in_scope, total_row
from models.installation import Installation
from models.periods import Period, PeriodInvalid, parse_period
from models.resources import default_data
from models.write import Actor, OpChanges, writing

DEFAULT_SCHEME = "scoring-scheme"
KINDS = {"indicator": "按指标计算", "manual": "事务局评定"}
RULES = {"linear": "线性（目标值的比例）", "deduct": "扣分"}
TOTAL_WEIGHT = 100


class ScoringRefused(DomainError):
    code = "scoring_refused"


class ScoringScheme(SyncedModel):
    """One year's scheme; `revision` (版本) goes up with every saved change (a frozen score names it)."""

    bureau_owned = True
    year = peewee.IntegerField(index=True)
    revision = peewee.IntegerField(default=1)
    items = JSONField(default=list)
    note = peewee.TextField(null=True)


class ManualScore(SyncedModel):
    """原始分 of a manual item for one station and quarter, entered by the bureau with a reason."""

    bureau_owned = True
    station_code = peewee.TextField(index=True)
    quarter = peewee.TextField()  # "2026Q4"
    item = peewee.TextField()
    points = peewee.FloatField()
    reason = peewee.TextField()
    entered_by = peewee.TextField()

    class Meta:
        indexes = ((("quarter", "station_code", "item"), False),)


class ConfirmedScore(SyncedModel):
    """A station's quarter score as confirmed: frozen with its data period and scheme version."""

    bureau_owned = True
    station_code = peewee.TextField(index=True)
    quarter = peewee.TextField(index=True)
    period_start = peewee.DateField()
    period_end = peewee.DateField()
    data_as_at = peewee.DateField()  # the day the figures were taken (≤ period_end)
    scheme_id = peewee.TextField()
    scheme_version = peewee.IntegerField()
    items = JSONField(default=list)  # [{code, label, value, points, max_points, weight, score, reason}]
    total = peewee.FloatField()
    rank = peewee.IntegerField()
    confirmed_by = peewee.TextField()
    confirmed_at = peewee.TextField()


class PublishedComparison(SyncedModel):
    """What the bureau published to one station for a period: its own row, the banner's average per
    station, and — when the bureau's setting allows — every station's score and rank."""

    bureau_owned = True
    station_code = peewee.TextField(index=True)
    period = peewee.TextField(index=True)
    own = JSONField(default=dict)
    average = JSONField(default=dict)
    rank = peewee.IntegerField(null=True)
    ranks = JSONField(default=list)  # [{station_code, station_name, score, rank}] or [] when not shared
    published_by = peewee.TextField()
    published_at = peewee.TextField()


TABLES = [ScoringScheme, ManualScore, ConfirmedScore, PublishedComparison]


# --- the scheme -------------------------------------------------------------------------------------

def find_scheme(year: int) -> ScoringScheme | None:
    return ScoringScheme.live().where(ScoringScheme.year == year).order_by(ScoringScheme.created_at).first()


def get_scheme(year: int) -> ScoringScheme:
    scheme = find_scheme(year)
    if scheme is None:
        raise NotFound(f"{year}年还没有考核赋分方案。请先用 vetstation score scheme --year {year} --start 建立。",
                       year=year)
    return scheme


def validate_items(items) -> list[dict]:
    """Clean items, or ValidationError naming every problem (weights that do not total 100 included)."""
    if not isinstance(items, list) or not items:
        raise ValidationError({"items": "考核方案至少要有一个考核项目"})
    problems: dict[str, str] = {}
    clean: list[dict] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        where = f"第{n}项"
        if not isinstance(item, dict):
            problems[f"item{n}"] = f"{where}格式不对"
            continue
        code = str(item.get("code") or "").strip()
        label = str(item.get("label") or "").strip()
        if not re.fullmatch(r"[a-z][a-z0-9_]*", code):
            problems[f"item{n}.code"] = f"{where}的代码应为小写英文字母、数字和下划线"
        elif code in seen:
            problems[f"item{n}.code"] = f"{where}的代码「{code}」重复"
        seen.add(code)
        where = f"第{n}项（{label or code}）"
        if not label:
            problems[f"item{n}.label"] = f"{where}请填写名称"
        max_points, weight = _number(item.get("max_points")), _number(item.get("weight"))
        if max_points is None or max_points <= 0:
            problems[f"item{n}.max_points"] = f"{where}的满分应为大于0的数"
        if weight is None or weight <= 0:
            problems[f"item{n}.weight"] = f"{where}的权重应为大于0的数"
        kind = item.get("kind")
        row = {"code": code, "label": label, "area": str(item.get("area") or "").strip() or None,
               "max_points": max_points, "weight": weight, "kind": kind}
        if kind == "indicator":
            indicator, rule = item.get("indicator"), item.get("rule") or {}
            if indicator not in INDICATORS or indicator == "score":
                problems[f"item{n}.indicator"] = f"{where}的指标「{indicator}」不存在"
            problem = _rule_problem(rule)
            if problem:
                problems[f"item{n}.rule"] = f"{where}{problem}"
            row.update(indicator=indicator, rule=dict(rule))
        elif kind != "manual":
            problems[f"item{n}.kind"] = f"{where}的计分方式应为 indicator（按指标计算）或 manual（事务局评定）"
        clean.append(row)
    if not problems:
        total = sum(i["weight"] for i in clean)
        if not math.isclose(total, TOTAL_WEIGHT, abs_tol=1e-6):
            problems["weight"] = (f"各考核项目的权重合计应为{TOTAL_WEIGHT}，现在是{_fmt(total)}"
                                  f"（{'多' if total > TOTAL_WEIGHT else '少'}{_fmt(abs(total - TOTAL_WEIGHT))}），未保存。")
    if problems:
        raise ValidationError(problems)
    return clean


def _rule_problem(rule: dict) -> str | None:
    kind = rule.get("kind") if isinstance(rule, dict) else None
    if kind == "linear":
        target, zero_at, full_at = (_number(rule.get(k)) for k in ("target", "zero_at", "full_at"))
        if target is None or target <= 0:
            return "的目标值应为大于0的数"
        if zero_at is None or full_at is None or not 0 <= zero_at < full_at:
            return "的计分区间应满足 0 ≤ 零分点 < 满分点（如 0.6 和 1.0）"
        return None
    if kind == "deduct":
        per = _number(rule.get("per_item"))
        return None if per is not None and per > 0 else "的每项扣分应为大于0的数"
    return "的计分规则应为 linear（线性）或 deduct（扣分）"


def start_scheme(year: int, *, actor: Actor, copy_from: int | None = None) -> ScoringScheme:
    """The year's scheme from the default file (or a copy of another year's). Bureau only, once a year."""
    _require_bureau()
    if find_scheme(year) is not None:
        raise ScoringRefused(f"{year}年已有考核赋分方案，请直接修改。", year=year)
    if copy_from is not None:
        source = get_scheme(copy_from)
        items, note = source.items, f"复制自{copy_from}年方案"
    else:
        data = default_data(DEFAULT_SCHEME)
        items, note = data["items"], data.get("note")
    items = validate_items(items)
    with writing(actor) as w:
        scheme = w.create(ScoringScheme, {"year": year, "revision": 1, "items": items, "note": note})
    return scheme


def save_scheme(year: int, items, *, actor: Actor, note: str | None = None) -> OpChanges:
    """Replace the year's items (validated; weights must total 100). The revision goes up by one."""
    _require_bureau()
    scheme = get_scheme(year)
    items = validate_items(items)
    with writing(actor) as w:
        w.update(scheme, {"items": items, "revision": scheme.revision + 1, "note": note or scheme.note})
    return w.changes


# --- manual points ----------------------------------------------------------------------------------

def enter_manual_score(quarter: str, station_code: str, item: str, points, *, reason: str,
                       actor: Actor) -> OpChanges:
    """The bureau's 原始分 for a manual item; entering again replaces it (the change log keeps the old)."""
    _require_bureau()
    period = _quarter(quarter)
    _refuse_closed(period)
    scheme = get_scheme(period.start.year)
    spec = next((i for i in scheme.items if i["code"] == item), None)
    problems = {}
    if spec is None:
        problems["item"] = f"{period.start.year}年方案中没有考核项目「{item}」"
    elif spec["kind"] != "manual":
        problems["item"] = f"「{spec['label']}」按指标「{spec['indicator']}」自动计算，不能手工录入"
    value = _number(points)
    if spec is not None and (value is None or not 0 <= value <= spec["max_points"]):
        problems["points"] = f"分数应在0到满分{_fmt(spec['max_points'])}之间"
    if not (reason or "").strip():
        problems["reason"] = "请写明评分理由"
    if station_code not in {code for code, _ in _stations()}:
        problems["station"] = f"没有代码为 {station_code} 的服务站"
    if problems:
        raise ValidationError(problems)
    existing = (ManualScore.live().where((ManualScore.quarter == period.code) & (ManualScore.station_code == station_code)
                                         & (ManualScore.item == item)).first())
    values = {"points": value, "reason": reason.strip(), "entered_by": actor.display_name}
    with writing(actor) as w:
        if existing is None:
            w.create(ManualScore, {"station_code": station_code, "quarter": period.code, "item": item, **values})
        else:
            w.update(existing, values)
    return w.changes


# --- computing --------------------------------------------------------------------------------------

@dataclass
class StationScore:
    station_code: str
    station_name: str
    items: list[dict]
    total: float
    missing: list[str] = field(default_factory=list)  # manual items without points
    rank: int | None = None
    frozen: ConfirmedScore | None = None

    @property
    def shown_total(self) -> float:
        """The confirmed total once confirmed, the computed one before."""
        return self.frozen.total if self.frozen else self.total

    def difference(self) -> list[dict]:
        """Items whose recomputed 得分 differs from the frozen one: {code, label, frozen, now}."""
        if self.frozen is None:
            return []
        was = {i["code"]: i for i in self.frozen.items}
        now = {i["code"]: i for i in self.items}
        out = []
        for code in list(was) + [c for c in now if c not in was]:
            a, b = was.get(code), now.get(code)
            if (a or {}).get("score") != (b or {}).get("score"):
                out.append({"code": code, "label": (b or a)["label"], "frozen": (a or {}).get("score"),
                            "now": (b or {}).get("score")})
        if out or self.frozen.total != self.total:
            out.append({"code": "total", "label": "总分", "frozen": self.frozen.total, "now": self.total})
        return out


@dataclass
class ScoreBoard:
    period: Period
    scheme: ScoringScheme
    rows: list[StationScore]

    @property
    def confirmed(self) -> bool:
        return bool(self.rows) and all(r.frozen is not None for r in self.rows)


def item_points(item: dict, value) -> float:
    """原始分 of an indicator item for a figure (None: nothing to count → 满分)."""
    top, rule = item["max_points"], item["rule"]
    if value is None:
        return top
    if rule["kind"] == "deduct":
        return round(max(0.0, top - rule["per_item"] * value), 2)
    ratio = value / rule["target"]
    share = (ratio - rule["zero_at"]) / (rule["full_at"] - rule["zero_at"])
    return round(top * min(1.0, max(0.0, share)), 2)


def compute_scores(period: Period, station_codes: list[str] | None = None, *,
                   today: dt.date | None = None, rows: list[dict] | None = None) -> ScoreBoard:
    """Scores of a quarter or a year for the stations in scope, ranked (frozen ones attached). `rows`: the
    period's indicator rows of those stations when the caller has them already (indicator_rows_of)."""
    if period.kind not in ("quarter", "year"):
        raise PeriodInvalid(f"考核赋分按季度或年度计算（如 2026Q4 或 2026），「{period.code}」不是。", value=period.code)
    scheme = get_scheme(period.start.year)
    if rows is None:
        rows = figure_rows(period, station_codes, today=today)
    figures = {r["station_code"]: r for r in rows}
    manual = _manual_points(period, list(figures))
    frozen = _frozen(period, list(figures)) if period.kind == "quarter" else {}
    rows = []
    for code, row in figures.items():
        items, missing = [], []
        for item in scheme.items:
            if item["kind"] == "indicator":
                value = row[item["indicator"]]
                points, reason = item_points(item, value), None
            else:
                value = None
                points, reason = manual.get((code, item["code"]), (None, None))
                if points is None:
                    missing.append(item["label"])
            score = round((points or 0) / item["max_points"] * item["weight"], 2)
            items.append({"code": item["code"], "label": item["label"], "value": value, "points": points,
                          "max_points": item["max_points"], "weight": item["weight"], "score": score,
                          "reason": reason})
        rows.append(StationScore(code, row["station_name"], items, round(sum(i["score"] for i in items), 2),
                                 missing, frozen=frozen.get(code)))
    _rank(rows)
    return ScoreBoard(period, scheme, rows)


def quarter_scores(quarter: str, *, today: dt.date | None = None) -> ScoreBoard:
    return compute_scores(_quarter(quarter), today=today)


def scores_for_indicators(period: Period, station_codes: list[str], *, today: dt.date | None = None,
                          rows: list[dict] | None = None) -> dict[str, float | None]:
    """The `score` indicator: the confirmed total where frozen, else computed (from `rows`, the period's
    indicator rows, when given); {} without a scheme or for a month or a range."""
    if period.kind not in ("quarter", "year") or find_scheme(period.start.year) is None:
        return {}
    board = compute_scores(period, station_codes, today=today, rows=rows)
    return {r.station_code: r.shown_total for r in board.rows}


def _rank(rows: list[StationScore]) -> None:
    """1, 2, 2, 4: equal totals share a rank (the shown total: confirmed where frozen)."""
    ordered = sorted(rows, key=lambda r: (-r.shown_total, r.station_code))
    for position, row in enumerate(ordered, 1):
        previous = ordered[position - 2] if position > 1 else None
        row.rank = previous.rank if previous and previous.shown_total == row.shown_total else position
    rows.sort(key=lambda r: (r.rank, r.station_code))


def _manual_points(period: Period, codes: list[str]) -> dict[tuple[str, str], tuple[float, str]]:
    quarters = [period.code] if period.kind == "quarter" else [f"{period.start.year}Q{q}" for q in range(1, 5)]
    found: dict[tuple[str, str], list] = {}
    for m in ManualScore.live().where(ManualScore.quarter.in_(quarters) & ManualScore.station_code.in_(codes)):
        found.setdefault((m.station_code, m.item), []).append(m)
    out = {}
    for key, entries in found.items():
        points = round(sum(e.points for e in entries) / len(entries), 2)
        reason = "；".join(f"{e.quarter}：{e.reason}" for e in entries) if len(entries) > 1 else entries[0].reason
        out[key] = (points, reason)
    return out


def _frozen(period: Period, codes: list[str]) -> dict[str, ConfirmedScore]:
    return {c.station_code: c for c in ConfirmedScore.live().where(
        (ConfirmedScore.quarter == period.code) & ConfirmedScore.station_code.in_(codes))}


# --- confirming and publishing ------------------------------------------------------------------------

def confirm_quarter(quarter: str, *, actor: Actor, today: dt.date | None = None) -> ScoreBoard:
    """Freeze every station's score of the quarter (all at once, or nothing)."""
    _require_bureau()
    period = _quarter(quarter)
    _refuse_closed(period)
    today = today or dt.date.today()
    if period.start > today:
        raise ScoringRefused(f"{period.label}尚未开始，不能确认考核分数。", quarter=period.code)
    board = compute_scores(period, today=today)
    if not board.rows:
        raise ScoringRefused("还没有服务站，无可确认的考核分数。")
    done = [r.station_name for r in board.rows if r.frozen]
    if done:
        raise ScoringRefused(f"{period.label}的考核分数已确认（{'、'.join(done)}），确认后不再改动；"
                             "重新计算的差异见 vetstation score --quarter " + period.code + "。", quarter=period.code)
    missing = [f"{r.station_name}：{'、'.join(r.missing)}" for r in board.rows if r.missing]
    if missing:
        raise ScoringRefused(f"还有事务局评定的分数未录入，不能确认——{'；'.join(missing)}。", quarter=period.code)
    stamp = utc_now()
    with writing(actor) as w:
        for row in board.rows:
            row.frozen = w.create(ConfirmedScore, {
                "station_code": row.station_code, "quarter": period.code, "period_start": period.start,
                "period_end": period.end, "data_as_at": as_at(period, today), "scheme_id": board.scheme.id,
                "scheme_version": board.scheme.revision, "items": row.items, "total": row.total, "rank": row.rank,
                "confirmed_by": actor.display_name, "confirmed_at": stamp})
    return board


def publish_comparison(period: Period, *, actor: Actor, today: dt.date | None = None) -> OpChanges:
    """Send every station its own figures against the banner's average (and every station's score and
    rank when the bureau's setting stations_see_ranks is on). Publishing again replaces the last one."""
    from models.bureau_settings import get_setting

    _require_bureau()
    rows = figure_rows(period, today=today)  # the indicator rows; their score is the board's below
    if not rows:
        raise ScoringRefused("还没有服务站，无可发布的对标情况。")
    ranks = []
    if period.kind in ("quarter", "year") and find_scheme(period.start.year) is not None:
        board = compute_scores(period, today=today, rows=[dict(r) for r in rows])
        ranks = [{"station_code": r.station_code, "station_name": r.station_name, "score": r.shown_total,
                  "rank": r.rank} for r in board.rows]
        score_of = {r["station_code"]: r["score"] for r in ranks}
        for row in rows:
            row["score"] = score_of.get(row["station_code"])
    total = total_row(rows)
    average = {k: (round(v / len(rows), 2) if INDICATORS[k].aggregate == "sum" and v is not None else v)
               for k, v in total.items() if k in INDICATORS}
    rank_of = {r["station_code"]: r["rank"] for r in ranks}
    shared = ranks if get_setting("stations_see_ranks") else []
    stamp = utc_now()
    last = {p.station_code: p for p in PublishedComparison.live().where(PublishedComparison.period == period.code)
            .order_by(PublishedComparison.published_at)}  # each station's latest, as published() finds it
    with writing(actor) as w:
        for row in rows:
            values = {"own": row, "average": average, "rank": rank_of.get(row["station_code"]), "ranks": shared,
                      "published_by": actor.display_name, "published_at": stamp}
            existing = last.get(row["station_code"])
            if existing is None:
                w.create(PublishedComparison, {"station_code": row["station_code"], "period": period.code, **values})
            else:
                w.update(existing, values)
    return w.changes


def published(period: Period, station_code: str) -> PublishedComparison | None:
    """What the bureau published for this station and period (at a station: what it received)."""
    return (PublishedComparison.live().where((PublishedComparison.period == period.code)
                                             & (PublishedComparison.station_code == station_code))
            .order_by(PublishedComparison.published_at.desc()).first())


# --- small rules ------------------------------------------------------------------------------------

def _require_bureau() -> None:
    if not Installation.get_current().is_bureau:
        raise PermissionDenied("考核赋分由旗退役军人事务局负责，服务站只能查看收到的分数。")


def _quarter(text: str) -> Period:
    period = parse_period(text)
    if period.kind != "quarter":
        raise PeriodInvalid(f"请写季度，如 2026Q4（收到的是「{text}」）。", value=text)
    return period


def _refuse_closed(period: Period) -> None:
    from models.periods_closed import find_closed

    closed = find_closed("quarter_pack", period.code)
    if closed is not None:
        raise ScoringRefused(f"{period.label}已关账（{closed.closed_by}），不能再录入或确认该季度的考核分数。",
                             quarter=period.code)


def _stations() -> list[tuple[str, str]]:
    return stations_in_scope()


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _fmt(value: float) -> str:
    return f"{value:g}"
