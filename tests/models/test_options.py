"""Option lists are data: defaults from resources/, edited by the bureau, synced by stable codes."""
import pytest

from models import options
from models.errors import PermissionDenied, ValidationError
from models.options import Option, choices, is_option, label, save_option
from models.write import Actor

BUREAU = Actor("ju", "赵科长", "bureau_admin")


def test_defaults_come_from_the_resource_file_without_seeding(actor):
    assert choices("fund_source") == [("aid_fund", "帮扶援助资金"), ("donation", "社会捐助"), ("other", "其他")]
    assert options.setting("contact_cadence", "key", "days") == 30
    assert set(options.lists()) >= {"service_category", "visit_type", "dispute_type", "dispute_source",
                                    "fund_source", "aid_document", "hardship_type", "contact_cadence"}
    assert Option.select().count() == 0


def test_the_bureau_adds_relabels_and_retires_items_and_old_records_keep_their_label(actor):
    save_option("visit_type", "flood", "洪涝灾害慰问", actor=BUREAU)
    save_option("visit_type", "festival", "节日走访", actor=BUREAU)
    save_option("visit_type", "honour", "立功受奖", active=False, actor=BUREAU)
    codes = [c for c, _ in choices("visit_type")]
    assert codes[-1] == "flood" and "honour" not in codes
    assert label("visit_type", "festival") == "节日走访"
    assert label("visit_type", "honour") == "立功受奖" and not is_option("visit_type", "honour")
    assert Option.get_by_id("visit_type.flood").label == "洪涝灾害慰问"  # the record id is the stable code


def test_a_station_cannot_edit_option_lists(actor):
    with pytest.raises(PermissionDenied, match="服务站站长不能修改选项列表"):
        save_option("visit_type", "flood", "洪涝灾害", actor=actor)


def test_option_codes_and_labels_are_checked(actor):
    with pytest.raises(ValidationError) as caught:
        save_option("visit_type", "洪涝", " ", actor=BUREAU)
    assert set(caught.value.fields) == {"code", "label"}
