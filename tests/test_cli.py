"""The command-line contract other tools rely on: exact JSON shapes and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app.cli import main
from tests.conftest import REPO
from tests.test_standards import OLS_SKILL, OLS_THEORY


def run_json(capsys, *argv: str):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_standards_list_shape(capsys):
    rows = run_json(capsys, "standards", "list", "--json")
    by_code = {row["code"]: row for row in rows}
    assert by_code["4-13-99-02"]["name"] == "在线学习服务师"
    assert by_code["4-13-99-02"]["levels"] == [5, 4, 3, 2, 1]
    assert by_code["4-07-03-01"]["levels"] == [4, 3, 2, 1]
    assert by_code["570002"]["levels"] == ["初级", "中级", "高级"]
    assert all({"code", "name", "levels"} <= set(row) for row in rows)


def test_standards_show_shape(capsys):
    data = run_json(capsys, "standards", "show", "4-13-99-02", "--json")
    assert (data["code"], data["name"], data["pass_mark"]) == ("4-13-99-02", "在线学习服务师", 60)
    five = data["levels"][0]
    assert five["level"] == 5 and five["name"] == "五级/初级工"
    assert five["theory_weights"] == OLS_THEORY[5]
    assert list(five["theory_weights"]) == list(OLS_THEORY[5])  # the seed's order
    assert five["skill_weights"] == OLS_SKILL[5]
    assert five["min_minutes"] == {"theory": 90, "skill": 90, "review": None}
    assert five["review_required"] is False
    two = data["levels"][3]
    assert two["min_minutes"]["review"] == 15 and two["review_required"] is True
    assert "学习规划" not in five["theory_weights"]  # areas a level does not weigh are left out
    assert data["staffing"]["theory"] == {"candidates_per_proctor": 15, "min_proctors_per_room": 2}


def test_standards_show_subtype(capsys):
    data = run_json(capsys, "standards", "show", "4-07-03-01", "--subtype", "残疾人职业能力评估师", "--json")
    assert [lv["level"] for lv in data["levels"]] == [4, 3, 2]
    assert data["levels"][0]["skill_weights"] == {"测评准备": 40, "测评实施": 30, "测评结果处理": 30}
    assert data["levels"][2]["min_minutes"]["review"] == 30


def test_unknown_names_exit_one_with_a_message(capsys):
    assert main(["standards", "show", "9-99"]) == 1
    assert "unknown standard '9-99'" in capsys.readouterr().err
    assert main(["standards", "show", "4-07-03-01", "--subtype", "无"]) == 1
    assert "has no subtype '无'" in capsys.readouterr().err


def test_paper_build_shape(capsys):
    data = run_json(capsys, "paper", "build", "--standard", "4-13-99-02", "--level", "3",
                    "--part", "theory", "--seed", "42", "--json")  # fmt: skip
    assert data["seed"] == 42
    assert data["total_points"] == 100
    assert data["area_points"] == OLS_THEORY[3]
    assert len(data["items"]) >= 40
    for item in data["items"]:
        assert set(item) == {"id", "type", "area", "points", "options_order"}
    sums: dict[str, float] = {}
    for item in data["items"]:
        sums[item["area"]] = sums.get(item["area"], 0) + item["points"]
    assert sums == OLS_THEORY[3]


def test_missing_weight_table_is_explained(capsys):
    code = main(["paper", "build", "--standard", "570002", "--level", "初级", "--part", "theory", "--seed", "1"])
    assert code == 1
    err = capsys.readouterr().err
    assert "has no official theory weight table" in err and "--weights FILE" in err


def test_same_seed_is_byte_identical_across_processes():
    argv = [sys.executable, "-m", "app.cli", "paper", "build", "--standard", "4-13-99-02", "--level", "3",
            "--part", "theory", "--seed", "7", "--json"]  # fmt: skip
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    first = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, check=True).stdout
    second = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, check=True).stdout
    assert first == second and len(first) > 1000
    other = subprocess.run([*argv[:-2], "8", "--json"], cwd=REPO, env=env, capture_output=True, check=True).stdout
    assert other != first


@pytest.mark.parametrize("argv", [["paper"], ["paper", "build", "--standard", "x"], ["nonsense"]])
def test_bad_command_lines_exit_two(argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_exam_owner_weights_make_a_standard_without_tables_usable(capsys):
    weights = str(REPO / "question_banks" / "weights" / "570002-example.yaml")
    code = main(["paper", "build", "--standard", "570002", "--level", "初级", "--part", "theory",
                 "--seed", "1", "--weights", weights])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "60 items, 100 points" in out
    assert "by area: 职业素养 10  在线学习咨询服务 30  在线学习辅导服务 35  在线学习社群服务 25" in out


def test_standards_show_says_which_rules_570002_borrows_and_its_notes(capsys):
    assert main(["standards", "show", "570002"]) == 0
    out = capsys.readouterr().out
    borrowed_text = "570002 sets no pass_mark, min_minutes, staffing of its own: they are borrowed from 4-13-99-02"
    assert f"{borrowed_text} (2022) 1.9" in out
    assert "(minimum minutes borrowed from 4-13-99-02 (2022) 1.9)" in out
    assert "pass mark 60 (borrowed from 4-13-99-02 (2022) 1.9)" in out
    assert "notes: 标准文本为2021年2.0版" in out
    data = run_json(capsys, "standards", "show", "570002", "--json")
    assert data["borrowed"] == {"from": "4-13-99-02 (2022) 1.9", "fields": ["pass_mark", "min_minutes", "staffing"]}
    assert data["notes"].startswith("标准文本为2021年2.0版")
    borrowed = {"kind": "borrowed", "from": "4-13-99-02 (2022) 1.9"}
    assert data["origins"] == {"pass_mark": borrowed, "min_minutes": borrowed, "staffing": borrowed}
    first = data["levels"][0]
    assert first["origins"]["min_minutes"] == {"theory": borrowed, "skill": borrowed}
    assert first["pass_mark"] == 60 and first["origins"]["pass_mark"] == borrowed
    national = run_json(capsys, "standards", "show", "4-13-99-02", "--json")
    assert national["borrowed"] is None and national["origins"]["pass_mark"] == {"kind": "standard"}


OWNER_FILE = """\
schema: examdesk-weights/1
standard: "570002"
source: 某考核评价组织 2026 年考核方案
levels:
  初级:
    theory_weights: {在线学习咨询服务: 35, 在线学习辅导服务: 40, 在线学习社群服务: 25}
    pass_mark: 70
    min_minutes: {theory: 120}
    staffing:
      theory: {candidates_per_proctor: 20, min_proctors_per_room: 2}
"""


def test_standards_show_with_the_owners_weight_file_says_who_set_what(tmp_path, capsys):
    path = tmp_path / "owner.yaml"
    path.write_text(OWNER_FILE, encoding="utf-8")
    assert main(["standards", "show", "570002", "--weights", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Weight tables set by the exam owner: 某考核评价组织 2026 年考核方案" in out
    assert "[theory ≥120 min, skill ≥90 min]  (minimum minutes theory: set by the exam owner: 某考核评价组织 " \
           "2026 年考核方案; skill: borrowed from 4-13-99-02 (2022) 1.9)" in out  # fmt: skip
    assert "pass mark 70 (set by the exam owner: 某考核评价组织 2026 年考核方案)" in out
    data = run_json(capsys, "standards", "show", "570002", "--weights", str(path), "--json")
    first, second = data["levels"][0], data["levels"][1]
    owner = {"kind": "owner", "from": "某考核评价组织 2026 年考核方案"}
    assert first["pass_mark"] == 70 and first["origins"]["pass_mark"] == owner
    assert first["min_minutes"]["theory"] == 120 and first["origins"]["min_minutes"]["theory"] == owner
    assert first["staffing"]["theory"]["candidates_per_proctor"] == 20
    assert first["origins"]["staffing"]["theory"] == owner
    assert first["origins"]["staffing"]["skill"]["kind"] == "borrowed"
    assert second["pass_mark"] == 60 and second["origins"]["pass_mark"]["kind"] == "borrowed"
    assert data["weights_from"] == "某考核评价组织 2026 年考核方案"


def test_a_bad_owner_setting_stops_the_paper_naming_file_line_and_field(tmp_path, capsys):
    path = tmp_path / "owner.yaml"
    path.write_text(OWNER_FILE.replace("pass_mark: 70", "pass_mark: 170"), encoding="utf-8")
    code = main(["paper", "build", "--standard", "570002", "--level", "初级", "--part", "theory",
                 "--seed", "1", "--weights", str(path)])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 1
    assert f"{path}:7: levels.初级.pass_mark: must be between 1 and 100, got 170" in captured.out + captured.err


def test_bank_validate_checks_weight_files_too(tmp_path, capsys):
    bad = tmp_path / "w.yaml"
    text = (REPO / "question_banks" / "weights" / "570002-example.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("在线学习社群服务: 25}", "在线学习社群服务: 20}", 1), encoding="utf-8")
    assert main(["bank", "validate", str(bad)]) == 1
    assert "levels.初级.theory_weights: weights sum to 95, must be 100" in capsys.readouterr().out
