"""Why a bundle was refused: one exception with a clear Chinese sentence and a stable reason code.

Every refusal happens before anything is written, or rolls the whole import back.
"""
from __future__ import annotations

from models.errors import DomainError


class BundleRefused(DomainError):
    code = "bundle_refused"

    def __init__(self, reason: str, message: str, **facts):
        super().__init__(message, reason=reason, **facts)
        self.reason = reason


class StickError(DomainError):
    """The USB stick is full, was removed, or the written file does not read back correctly."""

    code = "stick_error"
