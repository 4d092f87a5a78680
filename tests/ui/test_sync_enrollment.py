"""Enrollment through the GUI: the bureau issues a station's file and passphrase; the station takes it."""
from __future__ import annotations

from models.db import close_database
from models.installation import current, init_station
from models.write import CLI_ACTOR
from sync.keys import load_keys
from tests.sync.conftest import Site, make_bureau
from tests.ui.sync_helpers import SLOW, exchange_page  # noqa: F401 (fixtures)
from ui.context import AppContext
from ui.sync.enrollment_dialog import AdoptEnrollmentDialog, EnrollStationDialog


def test_the_bureau_enrolls_a_station_and_the_station_takes_the_file_keeping_its_records(
        qtbot, tmp_path, dressed_app, monkeypatch):
    close_database()
    bureau = make_bureau(tmp_path)
    file = tmp_path / "usb" / "嘎鲁图.vse"
    file.parent.mkdir()
    with bureau:
        dialog = EnrollStationDialog(AppContext(bureau.home, current(), bureau.actor))
        qtbot.addWidget(dialog)
        assert dialog.code.text() and dialog.name.text()  # the first default station is proposed
        dialog.code.setText("150626100")
        dialog.name.setText("嘎鲁图镇退役军人服务站")
        dialog.file.edit.setText(str(file))
        with qtbot.waitSignal(dialog.written, timeout=SLOW):
            dialog.submit()
        passphrase = dialog.passphrase
        assert passphrase in dialog.result_box.text() and file.exists()
        page = exchange_page(qtbot, bureau)
        assert [r["code"] for r in page.stations.rows] == ["150626100"]

    station = Site(tmp_path / "station", "station", "150626100", "嘎鲁图镇退役军人服务站")
    with station:
        init_station("150626100", station.name, actor=CLI_ACTOR)  # began on its own, before enrollment
        page = exchange_page(qtbot, station)
        assert page.keys_button.isVisible() and not page.export_button.isEnabled()
        dialog = AdoptEnrollmentDialog(page.ctx)
        qtbot.addWidget(dialog)
        dialog.file.edit.setText(str(file))
        dialog.passphrase.setText("WRONG-WRONG-WRONG-WRONG-WRONG")
        with qtbot.waitSignal(dialog.refused, timeout=SLOW) as refused:
            dialog.submit()
        assert "口令不对" in refused.args[0] and load_keys(station.home) is None
        dialog.passphrase.setText(passphrase.lower())
        with qtbot.waitSignal(dialog.accepted, timeout=SLOW):
            dialog.submit()
        assert load_keys(station.home) is not None
        page.refresh()
        assert not page.keys_button.isVisible() and page.export_button.isEnabled()
    close_database()


def test_a_new_station_is_set_up_from_the_enrollment_file_in_the_first_start_dialog(qtbot, tmp_path, dressed_app):
    from models.accounts import any_users
    from models.db import open_database
    from models.home import Home
    from sync.enrollment import write_enrollment
    from ui.setup_dialog import SetupDialog

    close_database()
    bureau = make_bureau(tmp_path)
    file = tmp_path / "嘎鲁图.vse"
    with bureau:
        passphrase = write_enrollment(bureau.home, "150626100", "嘎鲁图镇退役军人服务站", file)
    home = Home(tmp_path / "new-station")
    open_database(home)
    try:
        dialog = SetupDialog(home=home)
        qtbot.addWidget(dialog)
        dialog.choose_enrollment()
        assert dialog.kind_pages.currentIndex() == 2 and dialog.kind == "station"
        values = {"enrollment_file": str(file), "passphrase": "WRONG", "username": "wangli", "display_name": "王丽",
                  "password": "secret123", "password_again": "secret123"}
        for key, text in values.items():
            dialog.fields[key].edit.setText(text)
        dialog.submit()
        assert "口令不对" in dialog.message.text() and current() is None and not any_users()
        dialog.fields["passphrase"].edit.setText(passphrase)
        with qtbot.waitSignal(dialog.accepted, timeout=SLOW):
            dialog.submit()
        inst = current()
        assert (inst.station_code, inst.name) == ("150626100", "嘎鲁图镇退役军人服务站")
        assert dialog.actor.username == "wangli" and load_keys(home) is not None
    finally:
        close_database()


def test_without_a_home_the_first_start_dialog_offers_only_the_two_original_ways(qtbot, home, dressed_app):
    from ui.setup_dialog import SetupDialog

    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.station_radio.isVisible() and not dialog.enrollment_radio.isVisible()
