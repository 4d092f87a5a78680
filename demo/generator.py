"""Synthetic, realistic people for the demo home and the benchmarks (乌审旗, division 150626).

    gen = PeopleGenerator(seed=7, today=date(2026, 11, 26))
    for fake in gen.people(1000, stations={"150626100": VILLAGES["150626100"]}):
        fake.values, fake.identities, fake.family   # ready for models.registry.validate_person

Deterministic: the same seed, `today` and `taken` set give the same people. Everything it makes is
valid by the domain rules: 18-digit ID numbers with the check digit of models.idnumber, issued under
the administrative code valid in the birth year (so python-stdnum accepts them too), sex digit and
birth date matching the person, enlistment at 17–22, service and placement dates in order and never
in the future. Names, villages, units and certificate numbers are made up (see demo/names.py).
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Iterator

from demo import names as N
from models.idnumber import check_digit

HAN, MONGOLIAN = "01", "02"
ETHNICITIES = [(HAN, 660), (MONGOLIAN, 300), ("03", 20), ("11", 12), ("31", 4), ("45", 2), ("10", 2)]

# profile: (weight, primary identity, birth-year range, share male)
PROFILES = {
    "soldier": (780, "retired_soldier", (1945, 2005), 0.96),
    "officer": (40, "transferred_officer", (1950, 1988), 0.92),
    "retiree": (20, "military_retiree", (1935, 1972), 0.95),
    "demob": (30, "demobilized", (1930, 1958), 0.97),
    "civilian_retiree": (5, "civilian_retiree", (1940, 1966), 0.7),
    "militia": (5, "disabled_militia", (1945, 1985), 0.9),
    "martyr": (6, "martyr_family", (1940, 1995), 0.3),
    "duty_death": (4, "duty_death_family", (1945, 1995), 0.3),
    "illness_death": (6, "illness_death_family", (1935, 1990), 0.3),
    "serving_family": (30, "serving_family", (1960, 1985), 0.55),
}
MILITARY = {"soldier", "officer", "retiree", "demob"}
FALLEN = {"martyr", "duty_death", "illness_death"}


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass
class FakePerson:
    """One generated person: editable values, status, identities and family, by village name."""

    station_code: str
    village: str
    values: dict
    status: str = "active"
    identities: list[dict] = field(default_factory=list)
    family: list[dict] = field(default_factory=list)


class PeopleGenerator:
    def __init__(self, seed: int = 1, *, today: dt.date | None = None, taken: set[str] | None = None):
        self.rng = random.Random(seed)
        self.today = today or dt.date.today()
        self.taken = set(taken or ())  # ID numbers already in use (never made twice)
        self._surnames, self._surname_weights = zip(*N.HAN_SURNAMES)
        self._profiles = list(PROFILES)
        self._profile_weights = [PROFILES[p][0] for p in self._profiles]

    # -- small helpers ---------------------------------------------------------------------
    def _pick(self, items, weights=None):
        return self.rng.choices(items, weights)[0] if weights else self.rng.choice(items)

    def _date_between(self, start: dt.date, end: dt.date) -> dt.date:
        end = min(end, self.today)
        if end <= start:
            return min(start, self.today)
        return dt.date.fromordinal(self.rng.randint(start.toordinal(), end.toordinal()))

    def _age(self, birth: dt.date) -> int:
        return self.today.year - birth.year - ((self.today.month, self.today.day) < (birth.month, birth.day))

    def han_name(self, sex: str) -> str:
        surname = self.rng.choices(self._surnames, self._surname_weights)[0]
        if sex == "M":
            given = (self._pick(N.HAN_MALE_SINGLE) if self.rng.random() < 0.25
                     else self._pick(N.HAN_MALE_FIRST) + self._pick(N.HAN_MALE_SECOND))
        else:
            given = (self._pick(N.HAN_FEMALE_SINGLE) if self.rng.random() < 0.25
                     else self._pick(N.HAN_FEMALE_FIRST) + self._pick(N.HAN_FEMALE_SECOND))
        return surname + given

    def name(self, sex: str, ethnicity: str) -> str:
        if ethnicity == MONGOLIAN and self.rng.random() < 0.85:
            return self._pick(N.MONGOLIAN_MALE if sex == "M" else N.MONGOLIAN_FEMALE)
        return self.han_name(sex)

    def id_number(self, birth: dt.date, sex: str) -> str:
        """A new valid 18-digit number for this birth date and sex (unique within `taken`)."""
        places = [p for _, p in N.ISSUE_PLACES]
        weights = [w for w, _ in N.ISSUE_PLACES]
        while True:
            place = self.rng.choices(places, weights)[0]
            code = next(c for c, start, end in place
                        if (start is None or birth.year >= start) and (end is None or birth.year <= end))
            order = self.rng.randrange(1, 500) * 2 + (1 if sex == "M" else 0)  # odd = male
            first17 = f"{code}{birth:%Y%m%d}{order:03d}"
            number = first17 + check_digit(first17)
            if number not in self.taken:
                self.taken.add(number)
                return number

    def phone(self) -> str:
        return self._pick(N.MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def landline(self) -> str:
        return f"0477-{self.rng.choice('78')}{self.rng.randrange(10**6):06d}"

    # -- one person --------------------------------------------------------------------------
    def person(self, station_code: str, villages: list[str]) -> FakePerson:
        rng = self.rng
        profile = rng.choices(self._profiles, self._profile_weights)[0]
        _, identity, (lo, hi), male_share = PROFILES[profile]
        hi = min(hi, self.today.year - 21)
        sex = "M" if rng.random() < male_share else "F"
        ethnicity = rng.choices([e for e, _ in ETHNICITIES], [w for _, w in ETHNICITIES])[0]
        birth = self._date_between(dt.date(lo, 1, 1), dt.date(hi, 12, 31))
        age = self._age(birth)
        village = rng.choice(villages)
        town = N.TOWNS.get(station_code, "")
        name = self.name(sex, ethnicity)
        v: dict = {
            "name": name, "sex": sex, "ethnicity": ethnicity, "birth_date": birth,
            "id_number": self.id_number(birth, sex),
        }
        if rng.random() < 0.01:
            v["former_name"] = self.han_name(sex)
        identities = [{"category": identity, "subtypes": []}]
        family: list[dict] = []
        household = "rural" if rng.random() < 0.7 else "urban"
        if profile in MILITARY:
            self._service(v, profile, birth, household)
        if profile in MILITARY and rng.random() < 0.05:
            identities.append({"category": "disabled_veteran", "subtypes": []})
            self._disability(v, v.get("discharge_date") or birth.replace(year=birth.year + 20))
        if profile == "militia":
            self._disability(v, dt.date(birth.year + 25, 6, 1))
        if profile == "soldier":
            if household == "rural" and age >= 60:
                identities[0]["subtypes"].append("rural_over_60")
            if 1955 <= birth.year <= 1966 and rng.random() < 0.15:
                identities[0]["subtypes"].append("combat_test")
            if rng.random() < 0.01:
                identities[0]["subtypes"].append("returned_ill")
        if profile == "demob":
            identities[0]["subtypes"].append("rural_demobilized")
        if profile in FALLEN:
            identities[0]["subtypes"].append("three_families")
        identities[0]["subtypes"].sort()
        self._social(v, profile, birth, age)
        self._contact(v, village, town, household)
        family += self._family(v, profile, birth, age)
        if profile == "soldier" and age < 60 and rng.random() < 0.02:
            identities.append({"category": "serving_family", "subtypes": []})
        status = self._status(v, age)
        return FakePerson(station_code, village, v, status, identities, family)

    def _service(self, v: dict, profile: str, birth: dt.date, household: str) -> None:
        rng = self.rng
        latest = self.today - dt.timedelta(days=60)
        for _ in range(20):
            enlist = self._date_between(_years_after(birth, 17), _years_after(birth, 23) - dt.timedelta(days=1))
            if profile == "officer":
                years = rng.randint(12, 24)
            elif profile == "retiree":
                years = rng.randint(20, 32)
            elif profile == "demob":
                years = rng.randint(3, 8)
            else:
                years = rng.choices([2, 3, 4, 5, 8, 12, 16], [45, 12, 8, 15, 12, 6, 2])[0]
            discharge = self._date_between(dt.date(enlist.year + years, 9, 1), dt.date(enlist.year + years, 12, 31))
            if enlist < discharge <= latest:
                break
        else:
            enlist = _years_after(birth, 18)
            discharge = max(min(_years_after(birth, 20), latest), enlist + dt.timedelta(days=1))
        v["enlist_date"], v["discharge_date"] = enlist, discharge
        v["enlist_household_type"] = household
        v["enlist_place"] = "内蒙古自治区鄂尔多斯市乌审旗"
        years = discharge.year - enlist.year
        v["branch_unit"] = (rng.choice(N.BRANCHES_OLD) if enlist.year < 2016 else rng.choice(N.BRANCHES_NEW)) + \
            f" {rng.randint(31000, 96999)}部队"
        if 1965 <= enlist.year and discharge.year <= 1988:
            rank = None  # the PLA had no ranks 1965–1988
        elif profile in ("officer", "retiree"):
            rank = rng.choice(N.OFFICER_RANKS[2:] if years > 15 else N.OFFICER_RANKS)
        else:
            rank = rng.choice(N.SOLDIER_RANKS_SHORT if years <= 2 else N.SOLDIER_RANKS_NCO)
        if rank:
            v["rank"] = rank
        v["reenlisted"] = rng.random() < 0.02
        if profile == "officer":
            v["placement"] = rng.choice(["transfer", "transfer", "monthly_pension"])
        elif profile == "retiree":
            v["placement"] = rng.choice(["retirement", "retreat"] if birth.year < 1940 else ["retirement"])
        elif profile == "demob":
            v["placement"] = "demobilization"
        elif discharge.year >= 2011:
            v["placement"] = rng.choices(["self_employment", "assigned_job", "monthly_pension", "retirement"],
                                         [80, 12, 5, 3])[0]
        else:
            v["placement"] = rng.choices(["self_employment", "assigned_job", "support"], [55, 43, 2])[0]
        v["discharge_cert_no"] = f"蒙退字{discharge.year}{rng.randrange(10**6):06d}"

    def _disability(self, v: dict, not_before: dt.date) -> None:
        rng = self.rng
        v["disability_level"] = rng.choices(range(1, 11), [1, 1, 2, 3, 5, 8, 12, 16, 20, 22])[0]
        v["disability_nature"] = rng.choices(["war", "duty", "illness"], [15, 55, 30])[0]
        v["disability_cert_no"] = f"蒙军残字第{rng.randrange(10**6):06d}号"
        v["disability_assessed_on"] = self._date_between(not_before, not_before + dt.timedelta(days=3650))

    def _social(self, v: dict, profile: str, birth: dt.date, age: int) -> None:
        rng = self.rng
        cpc_share = {"officer": 0.95, "retiree": 0.9, "demob": 0.45, "soldier": 0.3}.get(profile, 0.1)
        if rng.random() < cpc_share:
            v["political"] = "cpc"
            start = v.get("enlist_date") or dt.date(birth.year + 22, 1, 1)
            end = v.get("discharge_date") or dt.date(birth.year + 45, 12, 31)
            v["party_joined_on"] = self._date_between(start + dt.timedelta(days=365), end)
            v["party_branch"] = rng.choice(["退役军人党支部", "嘎查村党支部", "社区党支部", "机关党支部"])
            v["party_membership_local"] = rng.random() < 0.85
        elif age < 28 and rng.random() < 0.4:
            v["political"] = "cyl"
        else:
            v["political"] = "masses"
        if birth.year < 1955:
            edu = rng.choices(["none", "primary", "junior", "senior"], [15, 45, 30, 10])[0]
        elif birth.year < 1975:
            edu = rng.choices(["primary", "junior", "senior", "secondary_vocational", "college"], [15, 45, 25, 10, 5])[0]
        else:
            edu = rng.choices(["junior", "senior", "secondary_vocational", "college", "bachelor", "postgraduate"],
                              [25, 30, 15, 18, 11, 1])[0]
        if profile in ("officer", "retiree") and edu in ("none", "primary", "junior"):
            edu = "college"
        v["education"] = edu
        if age < 25:
            v["marital"] = rng.choices(["single", "married"], [80, 20])[0]
        else:
            widowed = 0.02 if age < 60 else 0.15 if age < 80 else 0.35
            v["marital"] = rng.choices(["married", "divorced", "widowed", "single"],
                                       [1 - widowed - 0.07, 0.04, widowed, 0.03])[0]
        v["health"] = rng.choices(["healthy", "chronic", "serious", "incapacitated"],
                                  [85, 12, 2, 1] if age < 60 else [45, 42, 8, 5])[0]
        if v.get("disability_level"):
            v["health"] = "disabled"
        if age >= 60:
            v["employment_status"] = "retired"
        else:
            v["employment_status"] = rng.choices(
                ["employed", "flexible", "entrepreneur", "seeking", "not_seeking"], [45, 25, 8, 12, 10])[0]
            if v["employment_status"] == "seeking":
                v["job_intention"] = rng.choice(N.JOB_INTENTIONS)
        if rng.random() < 0.35:
            v["skills"] = "、".join(rng.sample(N.SKILLS, rng.randint(1, 2)))
        personal = rng.randrange(8_000, 120_000) * 100 if v["employment_status"] != "seeking" else 0
        v["personal_income_fen"] = personal
        v["family_income_fen"] = personal + rng.randrange(0, 80_000) * 100

    def _contact(self, v: dict, village: str, town: str, household: str) -> None:
        rng = self.rng
        flat = (f"乌审旗{town}{rng.choice(N.STREETS)}{rng.choice(N.COMPOUNDS)}"
                f"{rng.randint(1, 30)}号楼{rng.randint(1, 6)}单元{rng.randint(101, 1802)}")
        if village.endswith("社区"):
            v["household_address"] = "内蒙古自治区鄂尔多斯市" + flat
        else:
            v["household_address"] = f"内蒙古自治区鄂尔多斯市乌审旗{town}{village}{rng.randint(1, 12)}社"
        v["residence_address"] = flat if household == "urban" or village.endswith("社区") else v["household_address"]
        r = rng.random()
        if r < 0.86:
            v["phone"] = self.phone()
        elif r < 0.94:
            v["phone"] = self.landline()
        if rng.random() < 0.6:
            v["backup_contact_phone"] = self.phone()
        tags = [rng.choice(N.TAGS)] if rng.random() < 0.12 else []
        if tags and rng.random() < 0.2:
            tags.append(rng.choice(N.TAGS))
        v["tags"] = sorted(set(tags))
        if rng.random() < 0.03:
            v["key_focus"] = True
            v["key_focus_reason"] = rng.choice(N.KEY_FOCUS_REASONS)
            v["contact_tier"] = "key"
        elif rng.random() < 0.8:
            v["contact_tier"] = "regular"
        v["filed_on"] = self._date_between(dt.date(2019, 3, 1), self.today)

    def _relative(self, relation: str, sex: str, birth: dt.date, ethnicity: str, *, id_share: float) -> dict:
        m = {"relation": relation, "name": self.name(sex, ethnicity)}
        if birth <= self.today and self.rng.random() < id_share:
            m["id_number"] = self.id_number(birth, sex)
        m["health"] = self.rng.choices(["healthy", "chronic", "serious"], [85, 12, 3])[0]
        return m

    def _family(self, v: dict, profile: str, birth: dt.date, age: int) -> list[dict]:
        rng = self.rng
        out = []
        sex, eth = v["sex"], v["ethnicity"]
        if v["marital"] == "married":
            spouse_birth = self._date_between(birth - dt.timedelta(days=5 * 365), birth + dt.timedelta(days=6 * 365))
            spouse_birth = min(spouse_birth, self.today - dt.timedelta(days=20 * 365))
            spouse = self._relative("spouse", "F" if sex == "M" else "M", spouse_birth, eth, id_share=0.75)
            if rng.random() < 0.7:
                spouse["phone"] = self.phone()
            out.append(spouse)
            v["backup_contact_name"] = spouse["name"]
        if v["marital"] != "single" and age >= 24:
            for _ in range(rng.choices([0, 1, 2, 3], [10, 40, 40, 10])[0]):
                child_birth = self._date_between(dt.date(birth.year + 22, 1, 1), dt.date(birth.year + 38, 12, 31))
                if child_birth >= self.today:
                    continue
                child_sex = rng.choice("MF")
                child = self._relative("son" if child_sex == "M" else "daughter", child_sex, child_birth, eth,
                                       id_share=0.7 if self._age(child_birth) >= 16 else 0.4)
                if self._age(child_birth) >= 18:
                    child["employer"] = rng.choice(N.EMPLOYERS)
                out.append(child)
        if profile in FALLEN:
            died = self._date_between(dt.date(1979, 2, 17), self.today - dt.timedelta(days=400))
            relation = rng.choice(["son", "spouse", "father", "brother"])
            fallen_sex = "F" if relation == "spouse" and sex == "M" else "M"
            fallen = self.han_name(fallen_sex)
            out.append({"relation": relation, "name": fallen, "deceased_name": fallen, "deceased_date": died,
                        "deceased_relation": {"son": "母子/父子", "spouse": "夫妻", "father": "父子/父女",
                                              "brother": "兄弟/兄妹"}[relation]})
        if profile == "serving_family" or (profile == "soldier" and rng.random() < 0.02 and age < 60):
            son_birth = self._date_between(dt.date(max(birth.year + 20, self.today.year - 26), 1, 1),
                                           dt.date(self.today.year - 18, 12, 31))
            son = self._relative("son", "M", son_birth, eth, id_share=0.9)
            son["employer"] = "中国人民解放军某部（现役）"
            out.append(son)
        return out

    def _status(self, v: dict, age: int) -> str:
        rng = self.rng
        death_share = 0.2 if age >= 85 else 0.06 if age >= 70 else 0.005
        r = rng.random()
        if r < death_share:
            v["status_date"] = self._date_between(v["filed_on"], self.today)
            v.pop("key_focus", None)
            v.pop("key_focus_reason", None)
            return "deceased"
        if r < death_share + 0.01:
            v["status_date"] = self._date_between(v["filed_on"], self.today)
            v["status_reason"] = "户籍迁往" + rng.choice(["东胜区", "杭锦旗", "榆林市", "呼和浩特市", "乌审召镇"])
            return "moved"
        if r < death_share + 0.011:
            v["status_date"] = self._date_between(v["filed_on"], self.today)
            v["status_reason"] = "经核实不属于服务对象"
            return "removed"
        return "active"

    # -- many people -----------------------------------------------------------------------
    def people(self, count: int, stations: dict[str, list[str]]) -> Iterator[FakePerson]:
        """`count` people spread over the given stations (code → village names)."""
        codes = list(stations)
        for _ in range(count):
            code = codes[0] if len(codes) == 1 else self.rng.choice(codes)
            yield self.person(code, stations[code])
