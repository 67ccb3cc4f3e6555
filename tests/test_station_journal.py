"""The station journal on its own: sealed, durable, torn tails ignored, acknowledged records forgotten."""

from __future__ import annotations

import os
import uuid

import pytest

from app.security.envelope import FieldCipher
from app.security.station_journal import journal_key
from app.station.journal import FILE, Journal, JournalDamaged, JournalInUse, JournalRecord

KEY = bytes(range(32))


def record(n: int, kind: str = "answer") -> JournalRecord:
    return JournalRecord(uuid.uuid4().hex, 7, "T001", kind, n, n % 5, "B" if kind == "answer" else None, 100.0 + n)


def test_records_survive_a_reopen_in_order_and_sealed(tmp_path):
    made = [record(n) for n in range(5)]
    with Journal(tmp_path, KEY, "PC-01") as j:
        for r in made:
            j.append(r)
        j.acknowledge(made[1].step_id)
    blob = (tmp_path / FILE).read_bytes()
    assert b"T001" not in blob and made[0].step_id.encode() not in blob  # nothing readable on the disk
    with Journal(tmp_path, KEY, "PC-01") as j:
        assert j.pending() == [made[0], *made[2:]]


def test_a_torn_last_record_is_ignored_and_cut_off(tmp_path):
    made = [record(n) for n in range(3)]
    with Journal(tmp_path, KEY, "PC-01") as j:
        for r in made:
            j.append(r)
    path = tmp_path / FILE
    whole = path.read_bytes()
    for cut in (1, 5, 13, 40):  # a power cut anywhere inside the last frame
        path.write_bytes(whole[:-cut])
        with Journal(tmp_path, KEY, "PC-01") as j:
            assert j.pending() == made[:2]
            later = record(9)
            j.append(later)  # the next record follows the last good one
        with Journal(tmp_path, KEY, "PC-01") as j:
            assert j.pending() == [*made[:2], later]
        path.write_bytes(whole)


def test_a_damaged_record_before_good_ones_is_refused(tmp_path):
    with Journal(tmp_path, KEY, "PC-01") as j:
        for n in range(3):
            j.append(record(n))
    path = tmp_path / FILE
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 3] ^= 0x01
    path.write_bytes(bytes(blob))
    with pytest.raises(JournalDamaged):
        Journal(tmp_path, KEY, "PC-01")


def test_another_key_or_station_cannot_read_it(tmp_path):
    with Journal(tmp_path, KEY, "PC-01") as j:
        j.append(record(1))
        j.append(record(2))
    with pytest.raises(JournalDamaged):
        Journal(tmp_path, KEY, "PC-02")
    with pytest.raises(JournalDamaged):
        Journal(tmp_path, bytes(32), "PC-01")


def test_one_window_per_journal(tmp_path):
    with Journal(tmp_path, KEY, "PC-01"), pytest.raises(JournalInUse):
        Journal(tmp_path, KEY, "PC-01")
    Journal(tmp_path, KEY, "PC-01").close()  # free again once closed (or its process died)


def test_acknowledged_records_are_forgotten_by_compaction(tmp_path):
    with Journal(tmp_path, KEY, "PC-01") as j:
        made = [record(n) for n in range(100)]
        for r in made:
            j.append(r)
        size = os.path.getsize(tmp_path / FILE)
        for r in made[:99]:
            j.acknowledge(r.step_id)
        assert j.pending() == [made[99]]
        assert os.path.getsize(tmp_path / FILE) < size * 0.6  # compacted after 64 acknowledgements
        j.compact()
        assert os.path.getsize(tmp_path / FILE) < size / 50  # the header and the one record that waits
        j.acknowledge(made[99].step_id)
    with Journal(tmp_path, KEY, "PC-01") as j:
        assert j.pending() == []


def test_the_journal_key_is_hkdf_of_the_data_key_and_the_station():
    data_key = os.urandom(32)
    key = journal_key(data_key, "PC-01")
    assert len(key) == 32 and key != journal_key(data_key, "PC-02") and key != data_key
    assert FieldCipher(data_key).journal_key("PC-01") == key  # what the centre derives
    # HKDF-SHA256 as documented (RFC 5869, empty salt)
    import hashlib
    import hmac

    prk = hmac.new(b"\0" * 32, data_key, hashlib.sha256).digest()
    okm = hmac.new(prk, b"examdesk/station-journal/1|PC-01" + b"\x01", hashlib.sha256).digest()
    assert key == okm


CHILD = """
import os, signal, sys, uuid
from pathlib import Path
from app.station.journal import Journal, JournalRecord
journal = Journal(Path(sys.argv[1]), bytes(range(32)), "PC-01")
for n in range(int(sys.argv[2])):
    record = JournalRecord(uuid.uuid4().hex, 7, "T001", "answer", n, n % 5, "B", float(n))
    journal.append(record)
    if n % 3 == 0:
        journal.acknowledge(record.step_id)
        print("acked", record.step_id, flush=True)
    else:
        print("kept", record.step_id, flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # dies holding the journal open and locked
"""


def test_a_killed_station_process_leaves_every_appended_record(tmp_path):
    """What append() returned for is on disk when the process is killed; a new process opens the
    journal (the dead one's lock is gone) and finds exactly the unacknowledged records, in order."""
    import subprocess
    import sys

    from tests.conftest import REPO

    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), "40"], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    assert done.returncode == -9, done.stderr
    lines = [line.split() for line in done.stdout.splitlines()]
    assert len(lines) == 40
    with Journal(tmp_path, KEY, "PC-01") as j:
        assert [r.step_id for r in j.pending()] == [sid for what, sid in lines if what == "kept"]
