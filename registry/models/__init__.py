"""The registry's facts: social enterprises, their offerings, partners, taxonomies.

Models stay thin (fields, constraints, ``__str__``, ``get_absolute_url``); writes
live in ``services/`` and multi-model reads in ``selectors/``. One module per
subject; Django finds them all through this package.
"""

from registry.models.alerts import AlertFrequency, AlertSubscription
from registry.models.enterprises import (
    ACCESS_FACTS,
    AcceptedReferrer,
    CheckSource,
    Criterion,
    CriterionState,
    CriterionVerification,
    EnterpriseQuerySet,
    LegalForm,
    Offering,
    OfferingKind,
    PublicationStatus,
    Referrer,
    SocialEnterprise,
)
from registry.models.harvest import HarvestedRecord, HarvestSource
from registry.models.localities import Locality
from registry.models.partners import (
    HelpTopic,
    Partner,
    PartnerKind,
    PartnerTopic,
    Place,
    Session,
)
from registry.models.search import SearchWord
from registry.models.selfservice import (
    ChangeProposal,
    CheckMethod,
    LinkReason,
    ProposalStatus,
    RecordCheck,
    SelfServiceLink,
)
from registry.models.taxonomies import (
    Area,
    Industry,
    Language,
    TargetGroup,
    Taxonomy,
)
from registry.models.workflow import (
    EnterpriseImport,
    EnterpriseReport,
    ReportDecision,
    ReviewDigest,
    ReviewReminder,
)

__all__ = [
    "ACCESS_FACTS",
    "AcceptedReferrer",
    "AlertFrequency",
    "AlertSubscription",
    "Area",
    "ChangeProposal",
    "CheckMethod",
    "CheckSource",
    "Criterion",
    "CriterionState",
    "CriterionVerification",
    "EnterpriseImport",
    "EnterpriseQuerySet",
    "EnterpriseReport",
    "HarvestSource",
    "HarvestedRecord",
    "HelpTopic",
    "Industry",
    "Language",
    "LegalForm",
    "LinkReason",
    "Locality",
    "Offering",
    "OfferingKind",
    "Partner",
    "PartnerKind",
    "PartnerTopic",
    "Place",
    "ProposalStatus",
    "PublicationStatus",
    "RecordCheck",
    "Referrer",
    "ReportDecision",
    "ReviewDigest",
    "ReviewReminder",
    "SearchWord",
    "SelfServiceLink",
    "Session",
    "SocialEnterprise",
    "TargetGroup",
    "Taxonomy",
]
