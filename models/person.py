"""The person registry's tables (DOMAIN.md §1): Person, its identities and family members.

One Person row per natural person; service and placement, disability, employment and Party
life are sections of that row. Identities (人员类别) and family members are records of their own.
Field labels (what forms, lists and the audit trail call each column) live in FIELD_LABELS.
"""
from __future__ import annotations

import peewee

from models.base import SyncedModel, label_fields
from models.fields import JSONField
from models.installation import Village


class Person(SyncedModel):
    station_code = peewee.TextField(index=True)  # the station whose area the person lives in
    name = peewee.TextField()
    former_name = peewee.TextField(null=True)
    sex = peewee.TextField(null=True)
    ethnicity = peewee.TextField(null=True)
    birth_date = peewee.DateField(null=True)
    id_number = peewee.TextField(null=True, index=True)
    political = peewee.TextField(null=True)
    education = peewee.TextField(null=True)
    marital = peewee.TextField(null=True)
    health = peewee.TextField(null=True)
    household_address = peewee.TextField(null=True)
    residence_address = peewee.TextField(null=True)
    village = peewee.ForeignKeyField(Village, null=True, on_delete="RESTRICT", index=True)
    village_text = peewee.TextField(null=True)  # a 嘎查村 written on an imported roster but not on the station's list
    phone = peewee.TextField(null=True)
    backup_contact_name = peewee.TextField(null=True)
    backup_contact_phone = peewee.TextField(null=True)
    photo = peewee.TextField(null=True)  # sha256 of the attachment
    tags = JSONField(default=list)
    key_focus = peewee.BooleanField(default=False)
    key_focus_reason = peewee.TextField(null=True)
    contact_tier = peewee.TextField(null=True)
    status = peewee.TextField(default="active", index=True)
    status_date = peewee.DateField(null=True)  # 去世 date of death, 迁出/注销 date
    status_reason = peewee.TextField(null=True)
    filed_on = peewee.DateField(null=True)  # 建档立卡
    note = peewee.TextField(null=True)
    # 服役与安置
    enlist_date = peewee.DateField(null=True)
    enlist_place = peewee.TextField(null=True)
    enlist_household_type = peewee.TextField(null=True)
    discharge_date = peewee.DateField(null=True)
    branch_unit = peewee.TextField(null=True)
    rank = peewee.TextField(null=True)
    reenlisted = peewee.BooleanField(default=False)
    placement = peewee.TextField(null=True)
    discharge_cert_no = peewee.TextField(null=True)
    # 残疾
    disability_level = peewee.IntegerField(null=True)
    disability_nature = peewee.TextField(null=True)
    disability_cert_no = peewee.TextField(null=True)
    disability_assessed_on = peewee.DateField(null=True)
    # 就业创业
    employment_status = peewee.TextField(null=True)
    personal_income_fen = peewee.IntegerField(null=True)
    family_income_fen = peewee.IntegerField(null=True)
    job_intention = peewee.TextField(null=True)
    skills = peewee.TextField(null=True)
    # 党员
    party_joined_on = peewee.DateField(null=True)
    party_branch = peewee.TextField(null=True)
    party_membership_local = peewee.BooleanField(null=True)
    # search keys, derived here from the name
    search_pinyin = peewee.TextField(default="", index=True)
    search_initials = peewee.TextField(default="")

    derived_fields = ("search_pinyin", "search_initials")

    class Meta:
        indexes = ((("updated_at",), False),)  # the workbench's "recently changed"

    def derive(self) -> None:
        from models.pinyin import search_keys

        self.search_pinyin, self.search_initials = search_keys(self.name, self.former_name)


class PersonIdentity(SyncedModel):
    person = peewee.ForeignKeyField(Person, backref="identities", on_delete="RESTRICT")
    category = peewee.TextField(index=True)
    subtypes = JSONField(default=list)
    note = peewee.TextField(null=True)


class FamilyMember(SyncedModel):
    person = peewee.ForeignKeyField(Person, backref="family", on_delete="RESTRICT")
    relation = peewee.TextField()
    name = peewee.TextField()
    id_number = peewee.TextField(null=True)
    health = peewee.TextField(null=True)
    employment = peewee.TextField(null=True)
    employer = peewee.TextField(null=True)
    phone = peewee.TextField(null=True)
    deceased_name = peewee.TextField(null=True)  # for 烈士遗属 and similar: the service member
    deceased_date = peewee.DateField(null=True)
    deceased_relation = peewee.TextField(null=True)


FIELD_LABELS = {
    "name": "姓名", "former_name": "曾用名", "sex": "性别", "ethnicity": "民族", "birth_date": "出生日期",
    "id_number": "公民身份号码", "political": "政治面貌", "education": "文化程度", "marital": "婚姻状况",
    "health": "健康状况", "household_address": "户籍地址", "residence_address": "常住地址",
    "village": "所属嘎查村", "village_text": "嘎查村（名单外）", "phone": "联系电话", "backup_contact_name": "备用联系人",
    "backup_contact_phone": "备用联系人电话", "photo": "照片", "tags": "人员标签", "key_focus": "重点关注",
    "key_focus_reason": "重点关注原因", "contact_tier": "联系等级", "status": "人员状态",
    "status_date": "状态日期", "status_reason": "状态原因", "filed_on": "建档立卡日期", "note": "备注",
    "station_code": "所属服务站",
    "enlist_date": "入伍时间", "enlist_place": "入伍地", "enlist_household_type": "入伍时户籍类别",
    "discharge_date": "退役时间", "branch_unit": "军种/部队代号", "rank": "军衔", "reenlisted": "是否二次入伍",
    "placement": "安置方式", "discharge_cert_no": "退役证号",
    "disability_level": "残疾等级", "disability_nature": "残疾性质", "disability_cert_no": "残疾证号",
    "disability_assessed_on": "评残时间",
    "employment_status": "就业状态", "personal_income_fen": "个人年收入", "family_income_fen": "家庭年收入",
    "job_intention": "求职意向", "skills": "技能",
    "party_joined_on": "入党时间", "party_branch": "所在党支部", "party_membership_local": "组织关系在本地",
    # identities and family members
    "category": "人员类别", "subtypes": "优抚对象类别", "relation": "关系", "employment": "就业状况",
    "employer": "工作单位", "deceased_name": "牺牲/病故军人姓名", "deceased_date": "牺牲/病故日期",
    "deceased_relation": "与牺牲/病故军人关系", "person": "服务对象",
    "deleted_at": "删除时间", "deleted_reason": "删除原因",
}

for _model in (Person, PersonIdentity, FamilyMember):
    label_fields(_model, {name: label for name, label in FIELD_LABELS.items() if name in _model._meta.fields})

# Which vocabulary a coded field's value is a code of (for showing labels).
FIELD_VOCABULARY = {
    "sex": "sex", "ethnicity": "ethnicity", "political": "political", "education": "education",
    "marital": "marital", "health": "health", "status": "person_status", "contact_tier": "contact_tier",
    "enlist_household_type": "household_type", "placement": "placement",
    "disability_nature": "disability_nature", "employment_status": "employment", "category": "identity",
    "relation": "relation", "employment": "employment",
}

MONEY_FIELDS = {"personal_income_fen", "family_income_fen"}

TABLE_LABELS = {"person": "基本信息", "person_identity": "人员类别", "family_member": "家庭成员",
                "village": "嘎查村", "station": "服务站"}
