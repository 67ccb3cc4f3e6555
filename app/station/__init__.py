"""A station's own side of centre mode: its enrolment, its journal of answers, its readiness."""
