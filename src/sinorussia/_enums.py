"""The closed vocabularies of the data model.

Members are UPPER_CASE; their values are the lowercase strings the release
files store. Adding a member is a minor schema change; removing one is major.
"""

from __future__ import annotations

import enum

__all__ = [
    "ActorKind",
    "DocumentKind",
    "EventKind",
    "MembershipStatus",
    "QuadClass",
    "Qualifier",
    "SourceKind",
    "Stance",
]


class ActorKind(enum.Enum):
    """What kind of actor a record describes."""

    STATE = "state"
    ORGANIZATION = "organization"
    PERSON = "person"
    MEDIA = "media"


class EventKind(enum.Enum):
    """What happened."""

    VISIT = "visit"
    SUMMIT = "summit"
    MEETING = "meeting"
    TALKS = "talks"
    EXERCISE = "exercise"
    INCIDENT = "incident"
    INTERVIEW = "interview"
    BRIEFING = "briefing"
    SPEECH = "speech"
    STATEMENT = "statement"
    SIGNING = "signing"
    LAUNCH = "launch"
    REPORT = "report"
    PUBLICATION = "publication"
    DECISION = "decision"
    APPLICATION = "application"
    PLAN = "plan"
    CEREMONY = "ceremony"


class DocumentKind(enum.Enum):
    """What kind of text a document is."""

    JOINT_STATEMENT = "joint_statement"
    DECLARATION = "declaration"
    TREATY = "treaty"
    MEMORANDUM = "memorandum"
    AGREEMENT = "agreement"
    CONTRACT = "contract"
    PLAN = "plan"
    ROADMAP = "roadmap"
    RESOLUTION = "resolution"
    REPORT = "report"
    CONVENTION = "convention"
    EDITORIAL = "editorial"
    OPINION = "opinion"
    PRESS_NOTE = "press_note"
    SPEECH = "speech"
    ARTICLE = "article"


class MembershipStatus(enum.Enum):
    """A state's standing in an organization."""

    MEMBER = "member"
    ACCEDING = "acceding"
    OBSERVER = "observer"
    DIALOGUE_PARTNER = "dialogue_partner"
    APPLICANT = "applicant"


class Stance(enum.Enum):
    """An actor's position on an issue."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    CAUTIOUS = "cautious"
    NEUTRAL = "neutral"
    PROPOSE = "propose"
    MIXED = "mixed"


class Qualifier(enum.Enum):
    """How a stated number relates to the true one ("more than 200")."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    ABOUT = "about"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class SourceKind(enum.Enum):
    """What kind of work a source is, so users can tell the article from the rest."""

    ARTICLE = "article"
    DOCUMENT = "document"
    REFERENCE = "reference"
    GENERAL_KNOWLEDGE = "general_knowledge"


class QuadClass(enum.IntEnum):
    """The CAMEO quad class of an event code (as ICEWS and Phoenix use it)."""

    VERBAL_COOPERATION = 1
    MATERIAL_COOPERATION = 2
    VERBAL_CONFLICT = 3
    MATERIAL_CONFLICT = 4
