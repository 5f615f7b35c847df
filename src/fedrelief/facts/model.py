"""The case file, format 1 (SPEC.md): the facts of one judgment and one request.

Frozen, typed, validated, and nothing else: no legal rule lives here. A missing fact is `None`
(unknown), never a default that pretends to be a fact; avenues turn `None` into a question.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

AVENUE_IDS = (
    "inherent_power", "rule35a", "rule35b", "rule36", "appeal", "s2255", "s2241", "coram_nobis",
    "s3582c1a", "s3582c2", "fsa404", "s3583e", "s3607c", "departure", "reclassification",
    "clemency", "s3573",
)

SEEKS = (
    "sentence_reduction", "correct_sentence", "vacate_sentence", "vacate_conviction",
    "reclassify_offense", "expungement", "early_termination", "modify_supervision",
    "compassionate_release", "credit_for_time_served", "departure", "clemency", "guidance",
    "remit_fine",
)

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    """Accept a date or an ISO `YYYY-MM-DD` string; nothing else (no timestamps, no 6/20/03)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"not a real calendar date: {value!r}") from exc
    raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")


def _months(value: Any) -> Any:
    if value == "life":
        return "life"
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number of months or 'life', got {value!r}")
    if value < 0:
        raise ValueError(f"expected a non-negative number of months, got {value}")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Months = Annotated[Union[int, Literal["life"]], BeforeValidator(_months)]


class _Facts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Conviction(_Facts):
    statute: str | None = Field(default=None, min_length=1)
    description: str | None = None
    offense_date: IsoDate | None = None
    statutory_maximum_months: Months | None = None
    offense_class: str | None = Field(default=None, alias="class")


class Guidelines(_Facts):
    offense_level: int | None = Field(default=None, ge=1, le=43)
    criminal_history_points: int | None = Field(default=None, ge=0)
    criminal_history_category: Literal["I", "II", "III", "IV", "V", "VI"] | None = None
    status_points: int | None = Field(default=None, ge=0, le=2)
    range_months: tuple[Months, Months] | None = None
    career_offender: bool | None = None
    armed_career_criminal: bool | None = None
    guideline_sections: tuple[str, ...] = ()
    departures: tuple[str, ...] = ()


class Sentence(_Facts):
    imposed_on: IsoDate | None = None
    judgment_entered_on: IsoDate | None = None
    imprisonment_months: Months | None = None
    supervised_release_months: Months | None = None
    probation_months: int | None = Field(default=None, ge=0)
    mandatory_minimum_months: int | None = Field(default=None, ge=0)
    fine_dollars: float | None = Field(default=None, ge=0)
    guidelines: Guidelines | None = None

    @property
    def judgment_date(self) -> date | None:
        """SPEC: `judgment_entered_on` defaults to `imposed_on`."""
        return self.judgment_entered_on or self.imposed_on


class Appeal(_Facts):
    filed_on: IsoDate | None = None
    decided_on: IsoDate | None = None
    result: Literal["affirmed", "reversed", "vacated", "remanded", "dismissed", "pending"] | None = None
    certiorari_denied_on: IsoDate | None = None


class Immigration(_Facts):
    detainer: bool | None = None
    final_removal_order: bool | None = None
    removed: bool | None = None


class Custody(_Facts):
    status: Literal[
        "imprisoned", "supervised_release", "probation", "released", "immigration_detention"
    ] | None = None
    release_date: IsoDate | None = None
    supervision_started_on: IsoDate | None = None
    facility_district: str | None = None
    immigration: Immigration | None = None


class HistoryEntry(_Facts):
    avenue: Literal[AVENUE_IDS]  # type: ignore[valid-type]
    filed_on: IsoDate | None = None
    decided_on: IsoDate | None = None
    result: Literal["granted", "denied", "dismissed", "transferred", "pending", "withdrawn"] | None = None
    merits: bool | None = None
    authorized_by_court_of_appeals: bool | None = None


class Government(_Facts):
    rule35b_motion_filed_on: IsoDate | None = None
    substantial_assistance_at_sentencing: bool | None = None
    safety_valve: bool | None = None
    petition_to_remit_fine: bool | None = None
    opposes_motion: bool | None = None


class Administrative(_Facts):
    warden_request_on: IsoDate | None = None
    warden_response_on: IsoDate | None = None
    warden_denied: bool | None = None
    fully_exhausted: bool | None = None


class Ground(_Facts):
    """One ground: a tag and its optional detail (`guideline_amendment: 782`)."""

    tag: str
    detail: Any = None

    @property
    def details(self) -> tuple[str, ...]:
        if self.detail is None:
            return ()
        if isinstance(self.detail, (list, tuple)):
            return tuple(str(d) for d in self.detail)
        return (str(self.detail),)


def _ground(value: Any) -> Any:
    if isinstance(value, Ground):
        return value
    if isinstance(value, str) and value.strip():
        return {"tag": value.strip()}
    if isinstance(value, dict) and len(value) == 1:
        (tag, detail), = value.items()
        if isinstance(tag, str) and tag.strip():
            return {"tag": tag.strip(), "detail": detail}
    if isinstance(value, dict) and "tag" in value:
        return value
    raise ValueError(f"expected a tag or a one-key mapping like 'guideline_amendment: 782', got {value!r}")


class Request(_Facts):
    filed_on: IsoDate | None = None
    title: str | None = None
    pro_se: bool | None = None
    docket_entry: str | None = None
    seeks: tuple[Literal[SEEKS], ...] = ()  # type: ignore[valid-type]
    invokes: tuple[str, ...] = ()
    grounds: tuple[Annotated[Ground, BeforeValidator(_ground)], ...] = ()

    def has_ground(self, tag: str) -> bool:
        return any(g.tag == tag for g in self.grounds)

    def ground(self, tag: str) -> Ground | None:
        return next((g for g in self.grounds if g.tag == tag), None)


class Case(_Facts):
    format: Literal[1]
    as_of: IsoDate | None = None
    court: str = Field(min_length=1)
    case_number: str | None = None
    defendant: str | None = None
    convictions: tuple[Conviction, ...] = ()
    plea: Literal["guilty", "trial", "nolo"] | None = None
    plea_agreement: Literal["none", "11(c)(1)(A)", "11(c)(1)(B)", "11(c)(1)(C)"] | None = None
    sentence: Sentence = Sentence()
    appeal: Literal["none"] | Appeal | None = None
    custody: Custody = Custody()
    history: tuple[HistoryEntry, ...] = ()
    government: Government = Government()
    administrative: Administrative = Administrative()
    request: Request

    @property
    def appealed(self) -> bool | None:
        """True / False, or None when the file does not say."""
        if self.appeal is None:
            return None
        return self.appeal != "none"
