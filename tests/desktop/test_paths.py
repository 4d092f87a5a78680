"""Where the data home is on each platform, decided without Qt."""
from __future__ import annotations

from pathlib import Path

from desktop.paths import default_home, resolve_home


def test_windows_uses_local_app_data():
    assert default_home(environ={"LOCALAPPDATA": r"C:\Users\li\AppData\Local"}, platform="win32",
                        user_home=Path("/u")) == Path(r"C:\Users\li\AppData\Local") / "vetstation"


def test_macos_uses_application_support():
    assert default_home(environ={}, platform="darwin", user_home=Path("/Users/li")) == \
        Path("/Users/li/Library/Application Support/vetstation")


def test_linux_follows_xdg_data_home_else_local_share():
    assert default_home(environ={"XDG_DATA_HOME": "/data"}, platform="linux", user_home=Path("/h")) == \
        Path("/data/vetstation")
    assert default_home(environ={"XDG_DATA_HOME": "relative"}, platform="linux", user_home=Path("/h")) == \
        Path("/h/.local/share/vetstation")


def test_option_beats_environment_beats_default(tmp_path):
    env = {"VETSTATION_HOME": str(tmp_path / "env")}
    assert resolve_home(tmp_path / "opt", environ=env) == tmp_path / "opt"
    assert resolve_home(None, environ=env) == tmp_path / "env"
    assert resolve_home(None, environ={"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "vetstation"
