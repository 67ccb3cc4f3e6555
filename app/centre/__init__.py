"""Centre mode: the contract served over HTTPS to every station of a test centre (docs/centre.md)."""
