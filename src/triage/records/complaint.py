"""The complaint record: what a CRM, a hotline or a letter tells us about one complaint.

Only ``id``, ``text`` and ``received_at`` are required: most complaints arrive as free text
with little else. Everything else is optional and, when present, is trusted over what the
text analysis would guess.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

__all__ = [
    "Channel",
    "Complainant",
    "Complaint",
    "Evidence",
    "EvidenceKind",
    "HandledElsewhere",
    "HistoryEntry",
    "Money",
    "Request",
    "RequestKind",
    "Respondent",
]

_LARGEST = Decimal(sys.float_info.max)


def _comparable(value: Decimal) -> Decimal:
    """Refuse a sum that overflows to infinity when rules compare it (``"1e400"``)."""
    if value > _LARGEST:
        raise ValueError("too large: amounts above 1.8e308 overflow when compared")
    return value


Money = Annotated[Decimal, Field(ge=0, allow_inf_nan=False), AfterValidator(_comparable)]
"""A sum in yuan: a finite, non-negative Decimal that stays finite as a float."""

NonBlank = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Channel(StrEnum):
    """How the complaint reached the handling body."""

    HOTLINE = "hotline"
    WEB = "web"
    APP = "app"
    EMAIL = "email"
    LETTER = "letter"
    VISIT = "visit"
    SOCIAL_MEDIA = "social_media"
    MEDIA = "media"
    REGULATOR = "regulator"
    OTHER = "other"


class RequestKind(StrEnum):
    """What the complainant asks for."""

    APOLOGY = "apology"
    EXPLANATION = "explanation"
    REPAIR = "repair"
    REPLACE = "replace"
    REFUND = "refund"
    COMPENSATION = "compensation"
    PUNISH_STAFF = "punish_staff"
    OTHER = "other"


class EvidenceKind(StrEnum):
    """The kind of an item of evidence the complainant offers."""

    RECEIPT = "receipt"
    CONTRACT = "contract"
    PHOTO = "photo"
    VIDEO = "video"
    RECORDING = "recording"
    INSPECTION_REPORT = "inspection_report"
    MEDICAL_RECORD = "medical_record"
    WITNESS = "witness"
    OTHER = "other"


class HandledElsewhere(StrEnum):
    """A body that has already accepted or handled the same matter."""

    COURT = "court"
    ARBITRATION = "arbitration"
    REGULATOR = "regulator"
    CONSUMER_ASSOCIATION = "consumer_association"
    MEDIATION = "mediation"


class Complainant(_Record):
    """Who complains. An agent (``is_agent``) needs a power of attorney (``has_authorization``)."""

    name: str | None = None
    phone: str | None = None
    address: str | None = None
    anonymous: bool = False
    is_agent: bool = False
    has_authorization: bool | None = None


class Respondent(_Record):
    """Who is complained about: the business or body, and optionally a department or employee."""

    name: str | None = None
    department: str | None = None
    employee: str | None = None


class Request(_Record):
    """One thing the complainant asks for, with the sum demanded when it is money."""

    kind: RequestKind
    amount: Money | None = None
    description: str | None = None


class Evidence(_Record):
    """One item of evidence offered by the complainant."""

    kind: EvidenceKind
    description: str = ""


class HistoryEntry(_Record):
    """An earlier complaint of the same complainant."""

    id: NonBlank
    received_at: AwareDatetime
    same_matter: bool = False
    outcome: str | None = None


class Complaint(_Record):
    """One complaint as received. ``text`` is the complainant's own account (Chinese)."""

    id: NonBlank = Field(description="Identifier of the complaint in the source system.")
    text: NonBlank = Field(
        description="The complainant's own account; simplified or traditional Chinese."
    )
    received_at: AwareDatetime | None = Field(
        description="When it was received (timezone-aware); null when the source gives no "
        "date: then no time in the text is read against it (no 'written later', no ages, no "
        "promise overdue) and no days_open is set."
    )
    channel: Channel = Channel.OTHER
    hotline: Annotated[str, StringConstraints(pattern=r"^\d{3,8}$")] | None = Field(
        default=None, description='Hotline number it came through, e.g. "12315", "95598".'
    )
    sector: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")] | None = Field(
        default=None, description="Sector when the CRM knows it: power, aviation, food, ..."
    )
    complainant: Complainant = Field(default_factory=Complainant)
    respondent: Respondent | None = None
    requests: tuple[Request, ...] = ()
    amount_paid: Money | None = None
    loss_amount: Money | None = None
    incident_at: AwareDatetime | None = None
    evidence: tuple[Evidence, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    handled_elsewhere: HandledElsewhere | None = None
    in_scope: bool | None = Field(
        default=None, description="Whether the matter is within the handling body's scope."
    )
