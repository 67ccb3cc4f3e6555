"""What runs on a station of a centre, beside its screens: its enrolment (enrolment.py), the
readiness check (readiness.py) and its journal of answers not yet at the centre (journal.py)."""
