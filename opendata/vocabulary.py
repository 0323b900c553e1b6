"""The taxonomies the open data publishes, and the ids of their terms.

Editor-kept lists (industries, target groups, areas) use each row's own UUID.
The closed lists in the code (offering kinds, referrers, what partners help
with, the ASF facts) get UUIDs derived from one fixed namespace, so every
installation of the portal publishes the same ids for them and a harvester can
match "Arbetsträning" across municipalities. Pure: no database.
"""

import uuid
from dataclasses import dataclass

from registry.models import Criterion, HelpTopic, OfferingKind, Referrer

NAMESPACE = uuid.UUID("79600b26-7f9c-4c72-b27f-773c4db72f0c")  # never change


def derived_id(*parts: object) -> str:
    """A stable UUID for something without a row of its own (a phone number,
    an address, an attribute): the same parts give the same id in every run."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str

    @property
    def id(self) -> str:
        return derived_id("taxonomy", self.key)


@dataclass(frozen=True)
class Term:
    id: str
    code: str
    name: str
    taxonomy: Taxonomy

    @property
    def description(self) -> str:
        return f"{self.taxonomy.name}: {self.name}"


INDUSTRY = Taxonomy("bransch", "Bransch", "Branscher som sociala företag verkar i.")
OFFERING_KIND = Taxonomy(
    "erbjudande", "Typ av erbjudande", "Vad en person kan få hos ett socialt företag."
)
TARGET_GROUP = Taxonomy("malgrupp", "Målgrupp", "Vem ett erbjudande är till för.")
AREA = Taxonomy("omrade", "Område", "Kommundelar och områden i kommunen.")
REFERRER = Taxonomy("remittent", "Remittent", "Vem som kan skicka en person till ett erbjudande.")
HELP_TOPIC = Taxonomy(
    "hjalper-med", "Hjälper med", "Vad en samarbetspartner hjälper sociala företag med."
)
ASF_FACT = Taxonomy(
    "asf-fakta",
    "Fakta om arbetsintegrerande sociala företag",
    "Kontrollerade uppgifter om ett socialt företag: de fyra kriterierna, "
    "Skoopi-certifiering, underlag för reserverad upphandling (LOU 4 kap. 18 §), "
    "lediga platser och vem som senast kontrollerade uppgifterna.",
)
TAXONOMIES = [INDUSTRY, OFFERING_KIND, TARGET_GROUP, AREA, REFERRER, HELP_TOPIC, ASF_FACT]
BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}
ROW_TAXONOMIES = {INDUSTRY, TARGET_GROUP, AREA}  # terms are registry rows


def closed_term(taxonomy: Taxonomy, code: str, name: str) -> Term:
    return Term(derived_id("term", taxonomy.key, code), code, name, taxonomy)


# ASF facts: an attribute's value carries the fact (a date, a share, a number).
FACT_CRITERION = {
    criterion.value: closed_term(ASF_FACT, f"kriterium-{criterion.value}", str(criterion.label))
    for criterion in Criterion
}
# A criterion has three states: met (the term above), not met (this one), and
# not assessed yet (neither term).
FACT_CRITERION_NOT_MET = {
    criterion.value: closed_term(
        ASF_FACT, f"kriterium-{criterion.value}-inte-uppfyllt", f"Inte uppfyllt: {criterion.label}"
    )
    for criterion in Criterion
}
FACT_SKOOPI = closed_term(ASF_FACT, "skoopi-certifierad", "Skoopi-certifierad")
FACT_SKOOPI_UNTIL = closed_term(ASF_FACT, "skoopi-giltig-till", "Skoopi-certifieringen gäller till")
FACT_LOU_SHARE = closed_term(
    ASF_FACT,
    "lou-4-18-andel",
    "Andel anställda långt från arbetsmarknaden, procent (LOU 4 kap. 18 §)",
)
FACT_LOU_CHECKED = closed_term(ASF_FACT, "lou-4-18-kontrollerat", "LOU-underlaget kontrollerat")
FACT_OPEN_PLACES = closed_term(ASF_FACT, "lediga-platser", "Lediga platser")
FACT_CHECKED_BY = closed_term(
    ASF_FACT, "senast-kontrollerad-av", "Senast kontrollerad av (kommunen eller företaget)"
)
FACT_TERMS = [
    *FACT_CRITERION.values(),
    *FACT_CRITERION_NOT_MET.values(),
    FACT_SKOOPI,
    FACT_SKOOPI_UNTIL,
    FACT_LOU_SHARE,
    FACT_LOU_CHECKED,
    FACT_OPEN_PLACES,
    FACT_CHECKED_BY,
]


def _choices(taxonomy: Taxonomy, choices) -> dict[str, Term]:
    return {value: closed_term(taxonomy, value, str(label)) for value, label in choices}


def offering_kind_terms() -> dict[str, Term]:
    return _choices(OFFERING_KIND, OfferingKind.choices)


def referrer_terms() -> dict[str, Term]:
    return _choices(REFERRER, Referrer.choices)


def help_topic_terms() -> dict[str, Term]:
    return _choices(HELP_TOPIC, HelpTopic.choices)


def closed_terms() -> list[Term]:
    """Every term of the closed lists, in a fixed order."""
    return [
        *offering_kind_terms().values(),
        *referrer_terms().values(),
        *help_topic_terms().values(),
        *FACT_TERMS,
    ]
