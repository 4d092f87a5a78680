"""The one lookup for files under resources/ — works from a checkout and inside the frozen app.

    resource_path("defaults", "stations.json")
"""
from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path


def resources_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


@cache
def default_data(name: str) -> dict:
    """A JSON file of resources/defaults/ (seed lists the bureau may later edit)."""
    return json.loads(resource_path("defaults", f"{name}.json").read_text(encoding="utf-8"))
