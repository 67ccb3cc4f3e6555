"""ExamDesk: an offline exam client for vocational skill assessments (职业技能等级认定)."""

__version__ = "0.1.0"
