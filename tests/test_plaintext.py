"""No plaintext of personal data, items, answers or incidents in the database file or its WAL."""

from __future__ import annotations

from pathlib import Path

from tests.store_fixtures import CANDIDATES, build_world, fresh_url, seated_login

SECRET_ANSWER = "这是考生独一无二的作答内容ZQX"
SECRET_INCIDENT = "考生甲突发不适已送医务室ZQX"


def raw_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.name.startswith("examdesk.db"))


def test_full_exam_leaves_no_plaintext_on_disk(tmp_path: Path):
    w = build_world(fresh_url("sqlite", tmp_path), written=True)  # written answers: any text is an answer
    w.exam.start_session(w.proctor, w.session_id)
    name, number = CANDIDATES["T001"]
    cand = seated_login(w.exam, w.proctor, "T001", number, "PC-01")
    for seq in range(20):
        w.exam.save_answer(cand.actor, cand.attempt_id, seq, seq % 5, f"{SECRET_ANSWER}{seq}")
    w.exam.record_incident(w.proctor, w.session_id, "illness", SECRET_INCIDENT, cand.candidate_id)
    w.exam.extend(w.proctor, w.session_id, cand.attempt_id, 300, "延时理由ZQX")
    w.exam.submit(cand.actor, cand.attempt_id)
    files = [p.name for p in tmp_path.iterdir()]
    assert "examdesk.db-wal" in files  # WAL content is searched before any checkpoint folds it in
    data = raw_bytes(tmp_path)
    secrets = [name, number, SECRET_ANSWER, SECRET_INCIDENT, "延时理由ZQX", "独特题干文本", "PHOTO-T001"]
    for other_name, other_number in CANDIDATES.values():
        secrets += [other_name, other_number]
    found = [s for s in secrets if s.encode("utf-8") in data]
    assert found == [], f"plaintext on disk: {found}"
    w.db.close()
    found_after_checkpoint = [s for s in secrets if s.encode("utf-8") in raw_bytes(tmp_path)]
    assert found_after_checkpoint == []
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith("examdesk.db")]  # no temp files
