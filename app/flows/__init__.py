"""Qt-free flows: what each role does, step by step, over the services (screens render them)."""
