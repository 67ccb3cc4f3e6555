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
    err = capsys.readouterr().err
    # the weights are accepted; the sample banks hold no 570002 items, so the shortage is named
    assert code == 1 and "no official" not in err
    assert "在线学习咨询服务 / 单项选择题 (single, 2 points each): needs" in err


def test_bank_validate_checks_weight_files_too(tmp_path, capsys):
    bad = tmp_path / "w.yaml"
    text = (REPO / "question_banks" / "weights" / "570002-example.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("在线学习社群服务: 25}", "在线学习社群服务: 20}", 1), encoding="utf-8")
    assert main(["bank", "validate", str(bad)]) == 1
    assert "levels.初级.theory_weights: weights sum to 95, must be 100" in capsys.readouterr().out
