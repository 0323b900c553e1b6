"""What an enterprise may change from its personal link, and the link's token.

The enterprise is the authority on its open places and contact details: those
apply at once (``DIRECT_FIELDS``, offering ``open_places``). Everything else it
asks for becomes a change proposal an advisor decides (``PROPOSED_FIELDS``,
``PROPOSED_OFFERING_FIELDS``), the languages and the premises' accessibility
too: people choose a workplace by them, so an advisor sees each change first.

The token in the link /uppdatera/<token>/:
Signed with the site's SECRET_KEY (Django's signing, its own salt) and
timestamped, so it cannot be made up or altered and expires after
``SELF_SERVICE_LINK_DAYS``. It names the link row and its enterprise; whether
the link still works (not revoked, not replaced by a newer one) is the
database's answer, in ``selectors.selfservice.link_for_token``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "registry.selfservice.link"

DIRECT_FIELDS = ("phone", "email", "website", "opening_hours", "contact_name")
PROPOSED_FIELDS = (
    "name",
    "org_number",
    "legal_form",
    "short_description",
    "description",
    "industries",
    "street_address",
    "postal_code",
    "city",
    "languages",
    "step_free_entrance",
    "lift",
    "accessible_toilet",
    "hearing_loop",
    "disabled_parking",
    "quiet_workplace",
    "public_transport",
    "transit_stop",
)
# Many-to-many fields: a proposal holds their sorted ids.
PROPOSED_LINKS = ("industries", "languages")
PROPOSED_OFFERING_FIELDS = ("kind", "description", "target_groups", "referrers")

# The parts of the change form an owner can choose to change ("?delar=kontakt"),
# each with the record's fields it shows; "erbjudanden" shows the offerings.
SECTIONS = {
    "kontakt": DIRECT_FIELDS,
    "erbjudanden": (),
    "foretaget": ("name", "org_number", "legal_form", "short_description", "description",
                  "industries"),
    "adress": ("street_address", "postal_code", "city"),
    "sprak": ("languages", "step_free_entrance", "lift", "accessible_toilet", "hearing_loop",
              "disabled_parking", "quiet_workplace", "public_transport", "transit_stop"),
}  # fmt: skip
OFFERINGS_SECTION = "erbjudanden"


def offering_key(offering_id: int, field: str) -> str:
    """A proposal's key for one field of one offering: "offering:12:kind"."""
    return f"offering:{offering_id}:{field}"


def split_key(key: str) -> tuple[int | None, str]:
    """(offering id or None, field name) of a proposal key."""
    if key.startswith("offering:"):
        _prefix, offering_id, field = key.split(":", 2)
        return int(offering_id), field
    return None, key


@dataclass(frozen=True)
class TokenClaims:
    link_id: int
    enterprise_id: int


def make_token(*, link_id: int, enterprise_id: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object({"l": link_id, "e": enterprise_id})


def read_token(token: str) -> TokenClaims | None:
    """The claims of a genuine, unexpired token; None for anything else."""
    if not token or len(token) > 200:
        return None
    try:
        claims = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=settings.SELF_SERVICE_LINK_DAYS * 24 * 60 * 60
        )
        return TokenClaims(link_id=int(claims["l"]), enterprise_id=int(claims["e"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
