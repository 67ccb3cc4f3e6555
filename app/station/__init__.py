"""What runs on a station of a centre, beside its screens: the readiness check (readiness.py)."""
