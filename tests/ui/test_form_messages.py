"""A refused save says "please correct what is marked in red" only when a field really is red."""
from __future__ import annotations

from models.errors import ValidationError
from ui.casework.forms import show_refusal
from ui.registry.editors import TextEdit
from ui.registry.field_grid import FieldGrid, MessageLine


def refused(qtbot, fields: dict) -> tuple[FieldGrid, MessageLine]:
    grid, banner = FieldGrid(), MessageLine()
    grid.add("name", TextEdit())
    qtbot.addWidget(grid)
    qtbot.addWidget(banner)
    grid.show()
    show_refusal(grid, banner, ValidationError(fields))
    return grid, banner


def test_a_problem_next_to_a_field_is_red_and_the_banner_points_to_it(qtbot, dressed_app):
    grid, banner = refused(qtbot, {"name": "请填写姓名"})
    assert grid.messages["name"].is_problem
    assert banner.text() == "未保存：请修改标红的内容。"


def test_a_problem_with_no_field_on_the_form_is_said_in_the_banner_without_pointing_at_red(qtbot, dressed_app):
    grid, banner = refused(qtbot, {"station_code": "请选择服务站"})
    assert not grid.messages["name"].is_problem
    assert "标红" not in banner.text() and banner.text() == "未保存： 请选择服务站"
