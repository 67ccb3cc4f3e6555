"""Launchers for a station in centre mode: `examdesk station shortcuts` (Linux desktop entries)."""

from __future__ import annotations

import os

import pytest

from app.cli import main
from app.errors import UserFacingError
from app.station.shortcuts import StationLaunch, desktop_entry, exec_line


def _exec_arguments(entry: str) -> list[str]:
    """The Exec line's arguments as the Desktop Entry Specification reads them: spaces separate,
    double quotes group, a backslash inside quotes takes the next character as it is, %% is %."""
    [line] = [line for line in entry.splitlines() if line.startswith("Exec=")]
    text = line.removeprefix("Exec=").replace("%%", "%")
    out, word, quoted, n, started = [], "", False, 0, False
    while n < len(text):
        ch = text[n]
        if quoted and ch == "\\":
            n += 1
            word += text[n]
        elif ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if word or started:
                out.append(word)
            word, started = "", False
        else:
            word += ch
        n += 1
    if word or started:
        out.append(word)
    return out


def test_the_command_writes_a_launcher_per_role_and_the_candidates_on_the_desktop(tmp_path, capsys):
    apps, desktop = tmp_path / "applications", tmp_path / "Desktop"
    apps.mkdir()
    desktop.mkdir()
    assert main(["station", "shortcuts", "--centre", "https://10.0.0.2:8443", "--station", "R101-07", "--room", "R101",
                 "--roles", "candidate,proctor", "--out", str(apps), "--desktop", str(desktop),
                 "--program", "/opt/examdesk/examdesk-gui"]) == 0  # fmt: skip
    assert sorted(p.name for p in apps.iterdir()) == ["examdesk-centre-candidate.desktop",
                                                      "examdesk-centre-proctor.desktop"]  # fmt: skip
    assert [p.name for p in desktop.iterdir()] == ["examdesk-centre-candidate.desktop"]
    entry = (desktop / "examdesk-centre-candidate.desktop").read_text(encoding="utf-8")
    assert _exec_arguments(entry) == ["/opt/examdesk/examdesk-gui", "--centre", "https://10.0.0.2:8443",
                                      "--mode", "candidate", "--station", "R101-07", "--room", "R101"]  # fmt: skip
    assert "Name[zh_CN]=ExamDesk 考生端（R101-07）" in entry
    assert os.access(desktop / "examdesk-centre-candidate.desktop", os.X_OK)  # a desktop starts trusted launchers
    proctor = (apps / "examdesk-centre-proctor.desktop").read_text(encoding="utf-8")
    assert _exec_arguments(proctor)[3:5] == ["--mode", "proctor"]
    assert "wrote" in capsys.readouterr().out


def test_awkward_names_are_quoted_as_the_desktop_entry_specification_says():
    launch = StationLaunch("/opt/Exam Desk/examdesk-gui", "https://examdesk-server", "机房 3-07", 'R"1$0%')
    line = exec_line(launch.arguments("candidate"))
    assert '"/opt/Exam Desk/examdesk-gui"' in line and '"R\\"1\\$0%%"' in line
    assert _exec_arguments(desktop_entry(launch, "candidate")) == [
        "/opt/Exam Desk/examdesk-gui", "--centre", "https://examdesk-server", "--mode", "candidate",
        "--station", "机房 3-07", "--room", 'R"1$0%']  # fmt: skip


def test_a_wrong_address_role_or_folder_is_refused_and_nothing_is_written(tmp_path, capsys):
    with pytest.raises(UserFacingError, match="https://HOST"):
        StationLaunch("examdesk-gui", "http://10.0.0.2:8443")
    args = ["station", "shortcuts", "--centre", "https://10.0.0.2:8443", "--out", str(tmp_path)]
    assert main([*args, "--roles", "candidate,teacher"]) == 1
    assert "--roles: candidate,teacher" in capsys.readouterr().err
    assert main([*args[:-1], str(tmp_path / "missing")]) == 1
    assert "is not a folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
