"""ExamDesk screens."""
