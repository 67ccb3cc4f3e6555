"""Keys, envelope encryption, password hashing and canonical digests. No Qt, no SQL."""
