"""The case file model (format 1) and its loader."""
from .load import CaseDocument, CaseFileError, Problem, case_from_data, json_schema, load_case, load_case_document
from .model import AVENUE_IDS, SEEKS, Case

__all__ = ["AVENUE_IDS", "SEEKS", "Case", "CaseDocument", "CaseFileError", "Problem", "case_from_data",
           "json_schema", "load_case", "load_case_document"]
