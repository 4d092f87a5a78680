"""First start on an empty home: make this PC a station or the bureau, and create its first administrator.

    dialog = SetupDialog()                      # empty home: installation + administrator
    dialog = SetupDialog(installation=current())  # set up by `vetstation init`, no account yet
    dialog = SetupDialog(home=home)             # …also offers "from the enrollment file" (sync.enrollment)
    if dialog.exec(): actor = dialog.actor      # logged in as the new administrator

Fields are checked as they are typed (after the first keystroke) and again on submit; each problem
is shown under its field. The installation and the account are created in one transaction.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QApplication, QButtonGroup, QComboBox, QDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLayout, QLineEdit, QPushButton, QRadioButton, QStackedWidget, QVBoxLayout,
                               QWidget)

from models.accounts import MIN_PASSWORD, ROLES, authenticate, create_user
from models.db import db
from models.errors import DomainError, ValidationError
from models.installation import Installation, default_division, default_stations, init_bureau, init_station
from models.resources import resource_path
from models.write import Actor
from ui.file_dialogs import choose_open_file

FIELD_WIDTH = 380
LABEL_WIDTH = 88  # the same label column in both forms, so the fields line up
ADMIN_ROLE = {"station": "station_head", "bureau": "bureau_admin"}


def create_installation_and_admin(kind: str, *, station_code: str = "", name: str = "", username: str,
                                  display_name: str, password: str, initialise: bool = True,
                                  enrollment: tuple | None = None) -> Actor:
    """Initialise the home (unless it already is) and create its administrator, all or nothing.

    `enrollment=(home, payload)` initialises a station from an opened enrollment file
    (sync.enrollment.open_enrollment) instead of from a typed code and name.

    Raises ValidationError whose fields are prefixed "installation." or "account." so the dialog
    can put each sentence under the right field.
    """
    role = ADMIN_ROLE[kind]
    actor = Actor(username.strip(), display_name.strip(), role)
    with db.atomic():
        if enrollment is not None:
            from sync.enrollment import adopt_enrollment

            adopt_enrollment(enrollment[0], enrollment[1], actor=actor)
        elif initialise:
            try:
                if kind == "station":
                    init_station(station_code, name, actor=actor)
                else:
                    init_bureau(name, actor=actor)
            except ValidationError as exc:
                raise ValidationError({f"installation.{k}": v for k, v in exc.fields.items()}) from None
        try:
            create_user(username, display_name, password, role, actor=actor)
        except ValidationError as exc:
            raise ValidationError({f"account.{k}": v for k, v in exc.fields.items()}) from None
    return authenticate(username, password)


class _Field(QWidget):
    """An input with its error sentence underneath."""

    def __init__(self, edit: QLineEdit, parent=None):
        super().__init__(parent)
        self.edit = edit
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(edit)
        layout.addWidget(self.error)

    def show_error(self, sentence: str | None) -> None:
        self.error.setText(sentence or "")
        self.error.setVisible(bool(sentence))
        self.edit.setProperty("invalid", bool(sentence))
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)


class SetupDialog(QDialog):
    def __init__(self, parent=None, *, installation: Installation | None = None, home=None):
        super().__init__(parent)
        self.actor: Actor | None = None
        self.existing = installation
        self.home = home  # given: a station may also start from the bureau's enrollment file
        self.touched: set[str] = set()
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("First start"))
        self.setWindowIcon(QIcon(str(resource_path("icons", "vetstation.png"))))

        self.fields: dict[str, _Field] = {}
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetFixedSize)  # grows to fit error sentences, never squeezes fields
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(14)
        layout.addLayout(self._header())
        if installation is None:
            layout.addWidget(self._section(self.tr("This computer serves")))
            layout.addWidget(self._installation_choice())
        else:
            note = QLabel(self.tr("This data folder is already set up as “{name}” ({kind}). "
                                  "Create its first administrator.").format(name=installation.name,
                                                                            kind=installation.kind_label))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self._section(self.tr("First administrator")))
        layout.addLayout(self._account_form())
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(self._buttons())
        self._update_role_hint()

    # --- building -----------------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_path("icons", "vetstation.svg"))).pixmap(48, 48))
        title = QLabel(self.tr("Welcome"))
        title.setObjectName("dialogTitle")
        subtitle = QLabel(self.tr("This is the first start of the program with this data folder. "
                                  "Say which office this computer serves and create the first "
                                  "administrator account."))
        subtitle.setObjectName("dialogSubtitle")
        subtitle.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(title)
        text.addWidget(subtitle)
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(icon, 0, Qt.AlignTop)
        header.addLayout(text, 1)
        return header

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    def _line(self, key: str, text: str = "", *, password: bool = False, placeholder: str = "") -> _Field:
        edit = QLineEdit(text)
        edit.setObjectName(key)
        edit.setMinimumWidth(FIELD_WIDTH)
        edit.setPlaceholderText(placeholder)
        if password:
            edit.setEchoMode(QLineEdit.Password)
        edit.textEdited.connect(lambda _t, k=key: self._edited(k))
        field = _Field(edit)
        self.fields[key] = field
        return field

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        return form

    def _row(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setFixedWidth(LABEL_WIDTH)
        label.setAlignment(Qt.AlignRight | Qt.AlignTop)
        label.setContentsMargins(0, 6, 0, 0)  # level with the text inside the field
        form.addRow(label, widget)

    def _installation_choice(self) -> QWidget:
        box = QWidget()
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 0, 0, 0)
        self.station_radio = QRadioButton(self.tr("A service station"))
        self.bureau_radio = QRadioButton(self.tr("The Veterans Affairs Bureau"))
        self.station_radio.setChecked(True)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.station_radio)
        self.kind_group.addButton(self.bureau_radio)
        radios = QHBoxLayout()
        radios.setSpacing(24)
        radios.addWidget(self.station_radio)
        radios.addWidget(self.bureau_radio)
        self.enrollment_radio = QRadioButton(self.tr("A station, from the enrollment file"))
        self.enrollment_radio.setVisible(self.home is not None)
        self.kind_group.addButton(self.enrollment_radio)
        radios.addWidget(self.enrollment_radio)
        radios.addStretch(1)
        outer.addLayout(radios)

        self.kind_pages = QStackedWidget()
        station_page = QWidget()
        form = self._form()
        form.setContentsMargins(0, 6, 0, 0)
        self.station_combo = QComboBox()
        self.station_combo.setMinimumWidth(FIELD_WIDTH)
        for station in default_stations():
            self.station_combo.addItem(f"{station['name']}（{station['code']}）", station)
        self.station_combo.addItem(self.tr("Another station (type its code and name)"), None)
        self.station_combo.currentIndexChanged.connect(self._station_chosen)
        self._row(form, self.tr("Station"), self.station_combo)
        self._row(form, self.tr("Station code"), self._line("station_code", placeholder="150626100"))
        self._row(form, self.tr("Station name"), self._line("station_name"))
        station_page.setLayout(form)
        bureau_page = QWidget()
        form = self._form()
        form.setContentsMargins(0, 6, 0, 0)
        self._row(form, self.tr("Bureau name"), self._line("bureau_name", default_division().get("bureau", "")))
        bureau_page.setLayout(form)
        self.kind_pages.addWidget(station_page)
        self.kind_pages.addWidget(bureau_page)
        self.kind_pages.addWidget(self._enrollment_page())
        outer.addWidget(self.kind_pages)
        self.station_radio.toggled.connect(self._kind_changed)
        self.enrollment_radio.toggled.connect(self._kind_changed)
        self._station_chosen(0)
        return box

    def _enrollment_page(self) -> QWidget:
        page = QWidget()
        form = self._form()
        form.setContentsMargins(0, 6, 0, 0)
        file_field = self._line("enrollment_file", placeholder=self.tr("the .vse file from the bureau"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse_enrollment)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(file_field, 1)
        row.addWidget(browse, 0, Qt.AlignTop)
        holder = QWidget()
        holder.setLayout(row)
        self._row(form, self.tr("Enrollment file"), holder)
        self._row(form, self.tr("Passphrase"), self._line("passphrase", placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"))
        page.setLayout(form)
        return page

    def _browse_enrollment(self) -> None:
        path = choose_open_file(self, "enrollment", self.tr("Open the enrollment file"),
                                self.tr("Enrollment files (*.vse);;All files (*)"))
        if path:
            self.fields["enrollment_file"].edit.setText(path)
            self._edited("enrollment_file")

    def _account_form(self) -> QFormLayout:
        form = self._form()
        self._row(form, self.tr("Login name"), self._line("username", placeholder=self.tr("letters and digits")))
        self._row(form, self.tr("Full name"), self._line("display_name"))
        self._row(form, self.tr("Password"), self._line("password", password=True,
                                                     placeholder=self.tr("at least {n} characters")
                                                     .format(n=MIN_PASSWORD)))
        self._row(form, self.tr("Password again"), self._line("password_again", password=True))
        self.role_hint = QLabel()
        self.role_hint.setObjectName("hint")
        self._row(form, "", self.role_hint)
        return form

    def _buttons(self) -> QHBoxLayout:
        self.create_button = QPushButton(self.tr("Create and log in"))
        self.create_button.setObjectName("primaryButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.quit_button)
        row.addWidget(self.create_button)
        return row

    # --- behaviour ----------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        if self.existing is not None:
            return self.existing.kind
        return "bureau" if self.bureau_radio.isChecked() else "station"

    @property
    def from_enrollment(self) -> bool:
        return self.existing is None and self.enrollment_radio.isChecked()

    def choose_bureau(self) -> None:
        self.bureau_radio.setChecked(True)

    def choose_enrollment(self) -> None:
        self.enrollment_radio.setChecked(True)

    def _kind_changed(self) -> None:
        self.kind_pages.setCurrentIndex(2 if self.from_enrollment else 0 if self.kind == "station" else 1)
        self._update_role_hint()

    def _update_role_hint(self) -> None:
        self.role_hint.setText(self.tr("Role: {role}").format(role=ROLES[ADMIN_ROLE[self.kind]]))

    def _station_chosen(self, index: int) -> None:
        station = self.station_combo.itemData(index)
        code, name = self.fields["station_code"].edit, self.fields["station_name"].edit
        if station:
            code.setText(station["code"])
            name.setText(station["name"])
        else:
            code.clear()
            name.clear()
            code.setFocus()
        for key in ("station_code", "station_name"):
            self.fields[key].show_error(None)

    def _edited(self, key: str) -> None:
        self.touched.add(key)
        if key in ("station_code", "station_name"):
            self._match_combo()
        self._show({k: v for k, v in self.problems().items() if k in self.touched}, only=self.touched)

    def _match_combo(self) -> None:
        """Typing a code/name that is not the chosen default switches the combo to "another station"."""
        station = self.station_combo.currentData()
        typed = (self.fields["station_code"].edit.text().strip(), self.fields["station_name"].edit.text().strip())
        if station and typed != (station["code"], station["name"]):
            self.station_combo.blockSignals(True)
            self.station_combo.setCurrentIndex(self.station_combo.count() - 1)
            self.station_combo.blockSignals(False)

    def _text(self, key: str) -> str:
        return self.fields[key].edit.text()

    def problems(self) -> dict[str, str]:
        """What is wrong with the form as typed, by field key."""
        found = {}
        if self.from_enrollment:
            if not self._text("enrollment_file").strip():
                found["enrollment_file"] = self.tr("Choose the enrollment file the bureau gave you.")
            if not self._text("passphrase").strip():
                found["passphrase"] = self.tr("Type the passphrase the bureau told you.")
        elif self.existing is None and self.kind == "station":
            if not re.fullmatch(r"\d{9,12}", self._text("station_code").strip()):
                found["station_code"] = self.tr("The station code is 9 to 12 digits (the statistical "
                                                "division code), for example 150626100.")
            if not self._text("station_name").strip():
                found["station_name"] = self.tr("Please enter the station's name.")
        if self.existing is None and self.kind == "bureau" and not self._text("bureau_name").strip():
            found["bureau_name"] = self.tr("Please enter the bureau's name.")
        username = self._text("username").strip()
        if not username or not username.isascii() or " " in username:
            found["username"] = self.tr("Use letters and digits without spaces.")
        if not self._text("display_name").strip():
            found["display_name"] = self.tr("Please enter the administrator's full name.")
        if len(self._text("password")) < MIN_PASSWORD:
            found["password"] = self.tr("The password needs at least {n} characters.").format(n=MIN_PASSWORD)
        if self._text("password_again") != self._text("password"):
            found["password_again"] = self.tr("The two passwords are not the same.")
        return found

    def _show(self, problems: dict[str, str], only: set[str] | None = None) -> None:
        for key, field in self.fields.items():
            if only is None or key in only:
                field.show_error(problems.get(key))

    def submit(self) -> None:
        self.message.hide()
        problems = self.problems()
        self.touched.update(self.fields)
        self._show(problems)
        if problems:
            self.fields[next(k for k in self.fields if k in problems)].edit.setFocus()
            return
        kind, fresh = self.kind, self.existing is None
        name_key = "station_name" if kind == "station" else "bureau_name"
        try:
            enrollment = self._open_enrollment() if self.from_enrollment else None
            self.actor = create_installation_and_admin(
                kind, station_code=self._text("station_code").strip() if fresh and kind == "station" else "",
                name=self._text(name_key) if fresh else "",
                username=self._text("username"), display_name=self._text("display_name"),
                password=self._text("password"), initialise=fresh, enrollment=enrollment)
        except ValidationError as exc:
            where = {"installation.station_code": "station_code", "installation.name": name_key,
                     "account.username": "username", "account.display_name": "display_name",
                     "account.password": "password"}
            self._show({where[k]: v for k, v in exc.fields.items() if k in where})
            unplaced = [v for k, v in exc.fields.items() if k not in where]
            if unplaced:
                self._say("；".join(unplaced))
            return
        except DomainError as exc:
            self._say(exc.message)
            return
        self.accept()

    def _open_enrollment(self) -> tuple:
        """(home, payload) from the sealed file; opening it takes a few seconds (scrypt)."""
        from sync.enrollment import open_enrollment

        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            return self.home, open_enrollment(Path(self._text("enrollment_file").strip()), self._text("passphrase"))
        finally:
            QApplication.restoreOverrideCursor()

    def _say(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.show()
