"""Domain errors: a stable code, the facts, and a Chinese sentence for the person at the desk.

    raise DuplicateIdNumber("该身份证号码已登记：王建国", existing_id=pid)

The GUI shows `message` next to the field or in a dialog; the CLI prints it as one line and exits 1.
"""
from __future__ import annotations


class DomainError(Exception):
    code = "domain_error"

    def __init__(self, message: str, **facts):
        super().__init__(message)
        self.message = message
        self.facts = facts

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """One or more fields are wrong; `fields` maps field name -> sentence."""

    code = "validation"

    def __init__(self, fields: dict[str, str]):
        super().__init__("；".join(fields.values()), fields=fields)
        self.fields = fields


class NotFound(DomainError):
    code = "not_found"


class DuplicateIdNumber(DomainError):
    code = "duplicate_id_number"


class WrongPassword(DomainError):
    code = "wrong_password"


class NotInitialized(DomainError):
    code = "not_initialized"


class AlreadyInitialized(DomainError):
    code = "already_initialized"


class EditedMeanwhile(DomainError):
    """Another person saved the same field of a record after this edit read it (models.write)."""

    code = "edited_meanwhile"


class DatabaseTooNew(DomainError):
    code = "database_too_new"


class HomeNotWritable(DomainError):
    code = "home_not_writable"


class SearchTooShort(DomainError):
    code = "search_too_short"


class PermissionDenied(DomainError):
    code = "permission_denied"
