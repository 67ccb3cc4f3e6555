"""Desktop launchers for a station in centre mode (Linux: freedesktop .desktop entries).

The installer's own entries (installer/examdesk.desktop) open the single-station screens; a PC of a
centre needs the centre's address (and its seat and room) on every launch, which only the
technician knows, at set-up. `examdesk station shortcuts --centre URL` writes one launcher per role
with `examdesk-gui --centre URL --mode ROLE [--station SEAT] [--room ROOM]`, into the applications
folder and, for the candidate's PC, onto the desktop. Windows: the Inno Setup installer asks for the
same at install time (installer/examdesk.iss).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from app.centre.addresses import host_of
from app.errors import UserFacingError

ROLES = ("candidate", "proctor", "examiner", "admin")
ROLE_NAMES = {  # (English, Chinese) as the installer's entries name them
    "candidate": ("Candidate", "考生端"),
    "proctor": ("Proctor", "监考端"),
    "examiner": ("Examiner", "考评端"),
    "admin": ("Admin", "管理端"),
}
_PLAIN = re.compile(r"[A-Za-z0-9._:/@+=,-]+")  # needs no quoting in a desktop entry's Exec


@dataclass(frozen=True)
class StationLaunch:
    """How this PC's screens reach the centre."""

    program: str  # the examdesk-gui program
    centre: str  # https://HOST[:PORT]
    station: str = ""  # the seat's name (empty: the PC's host name, as examdesk-gui decides)
    room: str = ""

    def __post_init__(self) -> None:
        host_of(self.centre)  # https://HOST[:PORT], or a refusal naming it
        for name, value in (("station", self.station), ("room", self.room)):
            if any(ch in value for ch in "\n\r\t") or value != value.strip():
                raise UserFacingError("the {name} {value} has spaces around it or a line break",
                                       name=name, value=repr(value))  # fmt: skip

    def arguments(self, role: str) -> list[str]:
        if role not in ROLES:
            raise UserFacingError("unknown role {role}: one of {roles}", role=role, roles=", ".join(ROLES))
        args = [self.program, "--centre", self.centre.strip(), "--mode", role]
        if self.station:
            args += ["--station", self.station]
        if self.room:
            args += ["--room", self.room]
        return args


def exec_line(arguments: list[str]) -> str:
    """A desktop entry's Exec value: arguments with reserved characters in double quotes, with
    `"`, backquote, `$` and backslash escaped inside them, and `%` doubled (the Desktop Entry
    Specification, "The Exec key")."""
    out = []
    for arg in arguments:
        if _PLAIN.fullmatch(arg):
            out.append(arg)
        else:
            escaped = re.sub(r'(["`$\\])', r"\\\1", arg)
            out.append(f'"{escaped}"')
    return " ".join(out).replace("%", "%%")


def desktop_entry(launch: StationLaunch, role: str) -> str:
    english, chinese = ROLE_NAMES[role]
    where = launch.station or launch.centre
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name=ExamDesk {english} ({where})",
        f"Name[zh_CN]=ExamDesk {chinese}（{where}）",
        f"Comment=ExamDesk in centre mode: {launch.centre}",
        f"Comment[zh_CN]=ExamDesk 考点模式：{launch.centre}",
        f"Exec={exec_line(launch.arguments(role))}",
        "Terminal=false",
        "Categories=Education;",
        "",
    ])  # fmt: skip


def write_shortcuts(launch: StationLaunch, roles: list[str], folders: list[Path]) -> list[Path]:
    """One launcher per role in each folder (`examdesk-centre-ROLE.desktop`), marked executable (a
    desktop only starts a trusted launcher); each written aside and renamed, so none is half
    written. The files written."""
    entries = {role: desktop_entry(launch, role) for role in roles}  # every role checked before anything is written
    written = []
    for folder in folders:
        if not folder.is_dir():
            raise UserFacingError("{folder} is not a folder", folder=str(folder))
        for role, text in entries.items():
            path = folder / f"examdesk-centre-{role}.desktop"
            aside = path.with_suffix(".desktop.tmp")
            try:
                aside.write_text(text, encoding="utf-8")
                aside.chmod(aside.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
                os.replace(aside, path)
            except OSError as exc:
                aside.unlink(missing_ok=True)
                raise UserFacingError("cannot write {path}: {error}", path=str(path),
                                      error=exc.strerror or str(exc)) from None  # fmt: skip
            written.append(path)
    return written
