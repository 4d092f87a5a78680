"""Fixed vocabularies of DOMAIN.md: stable ASCII codes → the official Chinese labels.

    label("identity", "retired_soldier")  # '退役士兵'
    choices("sex")                        # [('M', '男'), ('F', '女')]

Stored values are always the codes; screens and ledgers show the labels. Lists the bureau may
extend (villages, tags, service categories …) are data, not here.
"""
from __future__ import annotations

ETHNIC_GROUPS = [
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族",
    "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
]

VOCABULARIES: dict[str, dict[str, str]] = {
    "sex": {"M": "男", "F": "女"},
    # ethnic groups are stored by their two-digit GB 3304 order number
    "ethnicity": {f"{i + 1:02d}": name for i, name in enumerate(ETHNIC_GROUPS)},
    "political": {
        "cpc": "中共党员", "cpc_probation": "预备党员", "cyl": "共青团员",
        "democratic": "民主党派", "masses": "群众",
    },
    "education": {
        "none": "文盲或半文盲", "primary": "小学", "junior": "初中", "senior": "高中",
        "secondary_vocational": "中专/中技", "college": "大学专科", "bachelor": "大学本科",
        "postgraduate": "研究生",
    },
    "marital": {"single": "未婚", "married": "已婚", "divorced": "离婚", "widowed": "丧偶"},
    "health": {
        "healthy": "健康", "chronic": "慢性病", "serious": "重大疾病", "disabled": "残疾",
        "incapacitated": "丧失劳动能力",
    },
    "person_status": {"active": "在册", "moved": "迁出", "deceased": "去世", "removed": "注销"},
    "identity": {
        "transferred_officer": "军队转业干部",
        "retired_soldier": "退役士兵",
        "military_retiree": "军队离退休干部和退休士官",
        "civilian_retiree": "无军籍离退休退职职工",
        "demobilized": "复员军人",
        "red_army_veteran": "退伍红军老战士",
        "disabled_veteran": "残疾军人",
        "disabled_militia": "伤残民兵民工",
        "martyr_family": "烈士遗属",
        "duty_death_family": "因公牺牲军人遗属",
        "illness_death_family": "病故军人遗属",
        "serving_family": "现役军人家属",
    },
    "household_type": {"rural": "农村", "urban": "城镇"},
    "placement": {
        "self_employment": "自主就业", "assigned_job": "安排工作", "monthly_pension": "逐月领取退役金",
        "retirement": "退休", "support": "供养", "transfer": "转业", "demobilization": "复员",
        "retreat": "离休",
    },
    "disability_nature": {"war": "因战", "duty": "因公", "illness": "因病"},
    "employment": {
        "employed": "已就业", "flexible": "灵活就业", "entrepreneur": "自主创业",
        "seeking": "未就业求职中", "not_seeking": "无就业意愿", "retired": "退休",
    },
    "relation": {
        "spouse": "配偶", "son": "儿子", "daughter": "女儿", "father": "父亲", "mother": "母亲",
        "brother": "兄弟", "sister": "姐妹", "grandchild": "孙子女", "other": "其他",
    },
    "contact_tier": {"key": "重点", "regular": "一般"},
}

# The 优抚对象 sub-types attached to an identity (configurable later by the bureau).
PREFERENTIAL_SUBTYPES = {
    "three_families": "三属",
    "rural_demobilized": "在乡复员军人",
    "returned_ill": "带病回乡退伍军人",
    "combat_test": "参战参试人员",
    "rural_over_60": "60周岁以上农村籍退役士兵",
}

IDENTITIES_FOR_FAMILY_OF_DECEASED = {"martyr_family", "duty_death_family", "illness_death_family"}


def label(vocabulary: str, code: str | None) -> str:
    if not code:
        return ""
    return VOCABULARIES[vocabulary].get(code, code)


def choices(vocabulary: str) -> list[tuple[str, str]]:
    return list(VOCABULARIES[vocabulary].items())


def is_code(vocabulary: str, code: str | None) -> bool:
    return code in VOCABULARIES[vocabulary]


def code_for_label(vocabulary: str, text: str) -> str | None:
    """The code whose label (or code) is `text`; used by imports and the CLI."""
    text = (text or "").strip()
    for code, lab in VOCABULARIES[vocabulary].items():
        if text in (code, lab):
            return code
    return None
