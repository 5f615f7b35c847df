"""Runs every avenue as of a date and picks the disposition."""
from .result import Analysis, AvenueResult, Deadline, Question, Reason
from .run import analyze, vehicles

__all__ = ["Analysis", "AvenueResult", "Deadline", "Question", "Reason", "analyze", "vehicles"]
