"""Fill the benchmark database with N published enterprises in realistic Swedish.

Usage (DATABASE_URL must name the benchmark's own PostgreSQL database):
    python bench/seed.py 10000

Rows go in with bulk_create (no history, no signals), then the search vectors
are built in one UPDATE the same way the services build them.
"""

import datetime
import os
import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asfportal.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from registry.models import (  # noqa: E402
    ACCESS_FACTS,
    Area,
    Criterion,
    CriterionVerification,
    Industry,
    Language,
    LegalForm,
    Offering,
    OfferingKind,
    PublicationStatus,
    SearchWord,
    SocialEnterprise,
    TargetGroup,
)
from registry.services.search import rebuild_search_vectors, rebuild_vocabulary  # noqa: E402

INDUSTRIES = [
    "Kafé och restaurang",
    "Catering",
    "Bageri",
    "Städ och fastighetsservice",
    "Trädgård och grönytor",
    "Second hand och återbruk",
    "Cykelverkstad",
    "Snickeri",
    "Textil och sömnad",
    "Tvätteri",
    "Flytt och transport",
    "Hunddagis",
    "Tryckeri och reklam",
    "Bilvård",
    "IT och digitalisering",
]
TARGET_GROUPS = [
    "Långtidsarbetslösa",
    "Unga vuxna",
    "Nyanlända",
    "Personer med funktionsnedsättning",
    "Personer i missbruksrehabilitering",
    "Personer med psykisk ohälsa",
]
AREAS = [
    "Centrum",
    "Norrby",
    "Söderby",
    "Västerås gärde",
    "Östermalm",
    "Ekbacken",
    "Tallåsen",
    "Björkhagen",
    "Hamnen",
    "Kvarnbacken",
    "Ängsvik",
    "Lindholmen",
    "Solberga",
    "Mossen",
    "Haninge",
    "Tyresö",
    "Nynäshamn",
    "Botkyrka",
    "Huddinge",
    "Salem",
]
TRADES = [
    "Kafé",
    "Cykelverkstaden",
    "Bageriet",
    "Snickeriet",
    "Trädgårdsgruppen",
    "Återbruket",
    "Städkooperativet",
    "Tvätteriet",
    "Cateringen",
    "Syateljén",
    "Fastighetsservice",
    "Hunddagiset",
    "Tryckeriet",
    "Flyttfirman",
    "Bilvården",
    "Secondhandbutiken",
]
PLACES = [
    "Linden",
    "Ekbacken",
    "Tallåsen",
    "Björkhagen",
    "Solrosen",
    "Hamnen",
    "Kvarnen",
    "Ängen",
    "Mästerlotsen",
    "Kornet",
    "Vågen",
    "Stegen",
    "Nyckeln",
    "Ankaret",
    "Bryggan",
    "Gnistan",
    "Fröet",
    "Verkstan",
    "Navet",
    "Eken",
    "Lotsen",
    "Tuvan",
    "Klövern",
    "Pilen",
]
SENTENCES = [
    "Vi driver {trade} med lunchservering och fika för grannarna.",
    "Hos oss kan du arbetsträna i köket, i kassan eller med leveranser.",
    "Vinsten återinvesteras i verksamheten så att fler får ett arbete.",
    "Vi tar emot deltagare från Arbetsförmedlingen och socialtjänsten.",
    "Här lagar vi cyklar, säljer begagnade delar och lär ut hur man sköter sin cykel.",
    "Våra trädgårdslag sköter parker, gårdar och kolonilotter året runt.",
    "Vi bakar surdegsbröd och kanelbullar varje morgon.",
    "Företaget ägs av medlemmarna och beslut fattas gemensamt.",
    "Varje deltagare får en handledare och en egen plan.",
    "Vi tar hand om möbler och kläder som annars hade slängts.",
    "Många av oss har varit långt från arbetsmarknaden och vet hur det känns.",
    "Snickeriet bygger odlingslådor, fågelholkar och enklare möbler på beställning.",
    "Vi städar kontor, trapphus och lokaler åt företag och föreningar.",
    "Praktik och anställning med lönebidrag är möjligt.",
    "Vi samarbetar med samordningsförbundet och kommunens arbetsmarknadsenhet.",
    "Du kan börja med några timmar i veckan och öka i din egen takt.",
]
OFFERING_TEXT = [
    "Arbetsträning i kök och servering.",
    "Praktik med handledare.",
    "Anställning efter en tids arbetsträning.",
    "Arbetsprövning i lugn miljö.",
    "Sysselsättning på dagtid.",
    "Rehabilitering i samarbete med Försäkringskassan.",
]
TODAY = datetime.date(2026, 11, 1)


def org_number(n: int) -> str:
    """A valid Swedish organisation number (Luhn) from a running number."""
    body = f"8{n:08d}"
    digits = [int(d) for d in body]
    total = 0
    for index, digit in enumerate(digits):
        doubled = digit * 2 if index % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return body + str((10 - total % 10) % 10)


def taxonomies():
    def make(model, names, **extra):
        existing = {t.name: t for t in model.objects.all()}
        new = [
            model(
                name=name,
                slug=slugify(name.replace("å", "a").replace("ä", "a").replace("ö", "o")),
                **extra,
            )
            for name in names
            if name not in existing
        ]
        model.objects.bulk_create(new)
        return list(model.objects.all())

    return make(Industry, INDUSTRIES), make(TargetGroup, TARGET_GROUPS), make(Area, AREAS)


def enterprise(rng: random.Random, n: int, areas) -> SocialEnterprise:
    trade, place = rng.choice(TRADES), rng.choice(PLACES)
    name = f"{trade} {place}" if rng.random() < 0.7 else f"{place}s {trade.lower()}"
    sentences = rng.sample(SENTENCES, rng.randint(3, 5))
    description = " ".join(s.format(trade=trade.lower()) for s in sentences)
    checked = None
    if rng.random() > 0.1:
        checked = TODAY - datetime.timedelta(days=rng.randint(0, 1000))
    return SocialEnterprise(
        name=name,
        slug=f"{slugify(name)}-{n}",
        org_number=org_number(n),
        legal_form=rng.choice(LegalForm.values),
        short_description=sentences[0].format(trade=trade.lower()),
        description=description,
        area=rng.choice(areas),
        city="Exempelstad",
        status=PublicationStatus.PUBLISHED if rng.random() > 0.05 else PublicationStatus.DRAFT,
        last_checked=checked,
        search_document=f"{name} {description}".casefold(),
    )


def seed(count: int, batch: int = 5000) -> None:
    rng = random.Random(2026)  # noqa: S311 - repeatable test data, not secrets
    # Languages and accessibility from a generator of their own, so the rest of
    # the data is what it was before they existed.
    facts = random.Random(17)  # noqa: S311
    places = random.Random(59)  # noqa: S311 - positions, for "nearest first"
    languages = list(Language.objects.all())
    industries, groups, areas = taxonomies()
    start = SocialEnterprise.objects.count()
    for offset in range(start, count, batch):
        with transaction.atomic():
            rows = [enterprise(rng, n, areas) for n in range(offset, min(offset + batch, count))]
            for row in rows:
                for field, _param in ACCESS_FACTS:
                    setattr(row, field, facts.random() < 0.4)
                # Spread over southern and middle Sweden; a few without a position.
                if places.random() > 0.03:
                    row.latitude = Decimal(f"{places.uniform(55.5, 63.5):.6f}")
                    row.longitude = Decimal(f"{places.uniform(12.0, 19.5):.6f}")
            created = SocialEnterprise.objects.bulk_create(rows)
            SocialEnterprise.languages.through.objects.bulk_create(
                SocialEnterprise.languages.through(socialenterprise_id=e.pk, language_id=lang.pk)
                for e in created
                for lang in facts.sample(languages[:10], facts.randint(1, 3))
            )
            links, offerings, verifications = [], [], []
            for e in created:
                for industry in rng.sample(industries, rng.randint(1, 2)):
                    links.append(
                        SocialEnterprise.industries.through(
                            socialenterprise_id=e.pk, industry_id=industry.pk
                        )
                    )
                for kind in rng.sample(OfferingKind.values, rng.randint(1, 3)):
                    offerings.append(
                        Offering(
                            enterprise_id=e.pk,
                            kind=kind,
                            open_places=rng.choice([0, 0, 1, 2, 4]),
                            description=rng.choice(OFFERING_TEXT),
                        )
                    )
                if rng.random() < 0.3:
                    verifications += [
                        CriterionVerification(enterprise_id=e.pk, criterion=c, verified=True)
                        for c in Criterion
                    ]
            SocialEnterprise.industries.through.objects.bulk_create(links)
            made = Offering.objects.bulk_create(offerings)
            through = Offering.target_groups.through
            through.objects.bulk_create(
                [
                    through(offering_id=o.pk, targetgroup_id=g.pk)
                    for o in made
                    for g in rng.sample(groups, rng.randint(0, 2))
                ]
            )
            CriterionVerification.objects.bulk_create(verifications)
        print(f"  {min(offset + batch, count):>7} enterprises", flush=True)
    rebuild_search_vectors()
    rebuild_vocabulary()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def vocabulary() -> None:
    """Fill the search vocabulary of a database seeded before it existed."""
    if not SearchWord.objects.exists():
        rebuild_vocabulary()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE registry_searchword")


if __name__ == "__main__":
    if sys.argv[1] == "vocabulary":
        vocabulary()
    else:
        seed(int(sys.argv[1]))
