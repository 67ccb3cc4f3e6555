"""Use cases: one user action = one call = one transaction = one audit entry.

Services check the caller's role and ownership themselves (never the screens), and return
small values that say what changed.
"""
