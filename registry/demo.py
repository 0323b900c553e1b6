"""Demo content: the partners the policy names and 55 fictional enterprises.

Everything is generated from a fixed seed, so every run produces the same
records. ``load_demo`` only adds what is missing: running it again changes and
loses nothing, including edits an advisor made to demo records.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from asfportal.core import hours
from asfportal.core.hours.rules import SV_DAYS
from registry.demo_partners import PARTNERS
from registry.models import (
    Area,
    CheckSource,
    Criterion,
    Industry,
    Language,
    LegalForm,
    OfferingKind,
    Partner,
    PublicationStatus,
    Referrer,
    SocialEnterprise,
    TargetGroup,
)
from registry.orgnr import luhn_check_digit
from registry.services.enterprises import criterion_set, enterprise_create, offering_create
from registry.services.partners import partner_create, place_create, session_create
from registry.services.taxonomies import taxonomy_get_or_create

ENTERPRISE_COUNT = 55
SEED = 2026

AREAS = [
    # name, kind, centre latitude, centre longitude
    ("Centrum", Area.Kind.DISTRICT, 59.1685, 18.1405),
    ("Norrby", Area.Kind.DISTRICT, 59.1856, 18.1510),
    ("Söderdal", Area.Kind.DISTRICT, 59.1512, 18.1284),
    ("Västerhöjden", Area.Kind.DISTRICT, 59.1701, 18.0950),
    ("Ekbacken", Area.Kind.DISTRICT, 59.1590, 18.1720),
    ("Sjöstaden", Area.Kind.DISTRICT, 59.1450, 18.1600),
    ("Tyresö", Area.Kind.NEIGHBOUR, 59.2440, 18.2290),
    ("Nynäshamn", Area.Kind.NEIGHBOUR, 58.9030, 17.9480),
]

TARGET_GROUPS = [
    "Långtidsarbetslösa",
    "Personer med funktionsnedsättning",
    "Personer med psykisk ohälsa",
    "Nyanlända",
    "Unga vuxna 18–29 år",
    "Personer som har varit i missbruk",
    "Långtidssjukskrivna",
]


@dataclass(frozen=True)
class Trade:
    industry: str
    names: tuple[str, ...]
    short: str
    long: str
    tasks: str


TRADES = [
    Trade(
        "Café och restaurang",
        (
            "Kafé Kornet",
            "Gröna Gaffeln",
            "Lunchkooperativet Smaka",
            "Kafé Trappan",
            "Bageriet Surdegen",
            "Matsalen på Torget",
            "Kafé Solrosen",
            "Soppköket",
        ),
        "Kafé och lunchrestaurang där du lär dig kök, servering och kassa.",
        "Vi driver ett kafé med hembakat bröd och en lunchrestaurang som lagar husmanskost från grunden. Hos oss jobbar människor som av olika skäl har stått utanför arbetsmarknaden länge. Alla börjar i sin egen takt med en handledare vid sin sida.",
        "Du kan jobba med bakning, matlagning, disk, servering eller kassa. Många tar med sig ett intyg om livsmedelshygien härifrån.",
    ),
    Trade(
        "Catering",
        (
            "Catering Kastrullen",
            "Matlådan Ekonomisk förening",
            "Festkök Syster",
            "Buffé & Bord",
            "Matverket Norrby",
        ),
        "Catering till möten, fester och förskolor – lagad från grunden.",
        "Vi lagar mat till kommunens möten, till föreningar och till privata fester. Köket är stort och lugnt, och arbetet är uppdelat så att alla kan hitta en uppgift som passar.",
        "Du kan jobba med förberedelser, matlagning, packning och leveranser.",
    ),
    Trade(
        "Lokalvård och städ",
        (
            "Rent & Klart",
            "Städkooperativet Glans",
            "Skinande Service",
            "Fönsterputsarna",
            "Städlaget Norrsken",
            "Puts & Polish",
        ),
        "Städning av kontor, trapphus och hem med svanenmärkta medel.",
        "Vi städar kontor, trapphus och hem åt företag, bostadsrättsföreningar och privatpersoner. Arbetet sker i små lag med en arbetsledare, och alla får utbildning i metoder och arbetsmiljö.",
        "Du lär dig professionell städning, maskiner och kundkontakt. Körkort är en fördel men inget krav.",
    ),
    Trade(
        "Trädgård och grönyteskötsel",
        (
            "Gröna Händer",
            "Trädgårdslaget",
            "Odlingskooperativet Fröet",
            "Parkgänget",
            "Blomsterbruket",
            "Koloniträdgården",
        ),
        "Trädgårdsskötsel, plantering och odling – mycket av arbetet sker utomhus.",
        "Vi sköter gårdar och parker åt bostadsföretag och kommunen, och driver en egen handelsträdgård där vi odlar grönsaker och sommarblommor. Arbetet följer årstiderna och ger både frisk luft och gemenskap.",
        "Du kan jobba med gräsklippning, plantering, beskärning, odling och försäljning.",
    ),
    Trade(
        "Återbruk och second hand",
        (
            "Returverket",
            "Andra Chansen Second Hand",
            "Prylbanken",
            "Möbelräddarna",
            "Loppis & Lagning",
            "Kretsloppsboden",
        ),
        "Second hand-butik som tar emot, sorterar, lagar och säljer begagnat.",
        "Vi tar emot möbler, kläder och husgeråd, lagar det som går att laga och säljer det i vår butik. Det är bra för miljön och skapar jobb. Vi har många olika arbetsuppgifter, så det finns något för de flesta.",
        "Du kan jobba med sortering, prissättning, butik, möbelrenovering eller hämtning.",
    ),
    Trade(
        "Tvätteri och textil",
        ("Tvättstugan Ren", "Sömnadsateljén Tråden", "Textilverkstaden", "Mangelboden"),
        "Tvätteri och syateljé för företag och privatpersoner.",
        "Vi tvättar arbetskläder och textilier åt företag och syr om, lagar och tillverkar textilprodukter. Arbetsplatsen är lugn och väl anpassad.",
        "Du kan jobba med tvätt, mangling, sömnad, lagning och leveranser.",
    ),
    Trade(
        "Snickeri och hantverk",
        (
            "Snickarglädjen",
            "Verkstan i Ekbacken",
            "Hantverkshuset",
            "Träkooperativet Kvisten",
            "Hyvelbänken",
        ),
        "Snickeri som bygger möbler, odlingslådor och inredning på beställning.",
        "I vår verkstad bygger vi möbler, odlingslådor, fågelholkar och inredning på beställning. Vi arbetar mycket med återbrukat virke. Handledarna är utbildade snickare.",
        "Du lär dig hantera maskiner och verktyg på ett säkert sätt, läsa ritningar och ytbehandla trä.",
    ),
    Trade(
        "Cykelverkstad",
        ("Cykelköket", "Ekrar & Kedjor", "Cykelverkstaden Trampa", "Cykelfixarna"),
        "Cykelverkstad som lagar, säljer och hyr ut cyklar.",
        "Vi lagar cyklar åt privatpersoner, renoverar övergivna cyklar och säljer dem vidare. På sommaren hyr vi ut cyklar till besökare.",
        "Du lär dig felsöka och laga cyklar, ta emot kunder och sköta verkstaden.",
    ),
    Trade(
        "Flytt och transport",
        ("Flyttkompaniet Bära", "Budkooperativet Snabbfot", "Transportlaget", "Bärhjälpen"),
        "Flyttar, budtjänster och bortforsling med egna bilar.",
        "Vi hjälper privatpersoner och företag med flyttar, bud och bortforsling till återvinning. Vi arbetar i lag och lägger stor vikt vid säkerhet och ergonomi.",
        "Du kan jobba som flyttare, med packning eller som chaufför om du har körkort.",
    ),
    Trade(
        "Kontorsservice och IT",
        (
            "Datahjälpen",
            "Skanna & Spara",
            "Kontorsservice Ordning",
            "IT-Återbruket",
            "Pixelverkstan",
        ),
        "Digitalisering, skanning och återställning av begagnade datorer.",
        "Vi skannar arkiv åt företag och föreningar, hjälper till med enklare administration och renoverar begagnade datorer som vi säljer vidare. Många av våra medarbetare har en neuropsykiatrisk funktionsnedsättning och trivs med noggrant arbete.",
        "Du kan jobba med skanning, registrering, datorservice eller kundtjänst.",
    ),
    Trade(
        "Djur och natur",
        ("Hundgården Tass", "Stallet Hästhoven", "Naturvårdslaget", "Fårakooperativet Ullen"),
        "Hunddagis, stallskötsel och naturvård.",
        "Vi tar hand om hundar på dagtid, sköter ett stall och gör naturvårdsuppdrag som röjning och stigunderhåll. Att arbeta med djur och natur ger lugn och struktur.",
        "Du kan jobba med djurskötsel, rastning, stallarbete eller röjning i skog och mark.",
    ),
]

OFFERING_TEXT = {
    OfferingKind.EMPLOYMENT: "Anställning, ofta med lönestöd från Arbetsförmedlingen i början.",
    OfferingKind.WORK_TRAINING: "Arbetsträning i din egen takt, med en handledare som följer dig.",
    OfferingKind.WORK_TRIAL: "Arbetsprövning för att ta reda på vad du klarar och trivs med.",
    OfferingKind.PLACEMENT: "Praktik under några veckor eller månader.",
    OfferingKind.REHABILITATION: "Arbetslivsinriktad rehabilitering, i samarbete med din handläggare.",
    OfferingKind.OCCUPATION: "Sysselsättning eller daglig verksamhet med meningsfulla uppgifter.",
}

LEGAL_FORM_WEIGHTS = [
    (LegalForm.ECONOMIC_ASSOCIATION, 24),
    (LegalForm.NONPROFIT_ASSOCIATION, 9),
    (LegalForm.FOUNDATION, 5),
    (LegalForm.LIMITED_COMPANY, 6),
    (LegalForm.LIMITED_COMPANY_SVB, 8),
    (LegalForm.OTHER, 3),
]

# Typical first three digits of organisation numbers for each legal form.
ORG_PREFIX = {
    LegalForm.ECONOMIC_ASSOCIATION: "769",
    LegalForm.NONPROFIT_ASSOCIATION: "802",
    LegalForm.FOUNDATION: "817",
    LegalForm.LIMITED_COMPANY: "559",
    LegalForm.LIMITED_COMPANY_SVB: "559",
    LegalForm.OTHER: "969",
}

LEGAL_SUFFIX = {
    LegalForm.ECONOMIC_ASSOCIATION: "ekonomisk förening",
    LegalForm.NONPROFIT_ASSOCIATION: "ideell förening",
    LegalForm.FOUNDATION: "stiftelse",
    LegalForm.LIMITED_COMPANY: "AB",
    LegalForm.LIMITED_COMPANY_SVB: "AB (svb)",
    LegalForm.OTHER: "",
}

STREETS = [
    "Storgatan",
    "Industrivägen",
    "Verkstadsgatan",
    "Skolvägen",
    "Hamnvägen",
    "Kvarnbacken",
    "Ängsvägen",
    "Torggatan",
]


def _org_number(rng: random.Random, legal_form: str, used: set[str]) -> str:
    while True:
        first_nine = ORG_PREFIX[legal_form] + f"{rng.randrange(10**6):06d}"
        number = first_nine + luhn_check_digit(first_nine)
        if number not in used:
            used.add(number)
            return number


def _enterprise_specs(today: datetime.date) -> list[dict]:
    """The fictional enterprises as plain data, always the same for the same day."""
    rng = random.Random(SEED)
    forms = [form for form, weight in LEGAL_FORM_WEIGHTS for _ in range(weight)]
    names = [(trade, name) for trade in TRADES for name in trade.names]
    rng.shuffle(names)
    used: set[str] = set()
    specs = []
    for index, (trade, base_name) in enumerate(names[:ENTERPRISE_COUNT]):
        legal_form = rng.choice(forms)
        area_name, _kind, lat, lon = rng.choice(AREAS)
        months_ago = rng.choice([0, 0, 1, 1, 2, 3, 4, 5, 6, 8, 10, 13, 15, 20])
        kinds = rng.sample(list(OfferingKind.values), k=rng.choice([1, 2, 2, 3]))
        suffix = LEGAL_SUFFIX[legal_form]
        specs.append(
            {
                "name": f"{base_name} {suffix}".strip() if suffix and index % 3 == 0 else base_name,
                "org_number": _org_number(rng, legal_form, used),
                "legal_form": legal_form,
                "short_description": trade.short,
                "description": f"{trade.long}\n\n{trade.tasks}",
                "industry": trade.industry,
                "area": area_name,
                "street_address": f"{rng.choice(STREETS)} {rng.randint(1, 60)}",
                "postal_code": f"136 {rng.randint(30, 79)}",
                "city": "Exempelkommunen" if _kind == Area.Kind.DISTRICT else area_name,
                "latitude": Decimal(f"{lat + rng.uniform(-0.01, 0.01):.6f}"),
                "longitude": Decimal(f"{lon + rng.uniform(-0.015, 0.015):.6f}"),
                "email": f"info@{_domain(base_name)}.example",
                "website": f"https://{_domain(base_name)}.example/",
                "phone": f"08-{rng.randint(500, 799)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                "contact_name": rng.choice(
                    [
                        "Anna Lind",
                        "Mehmet Yilmaz",
                        "Sara Nilsson",
                        "Johan Berg",
                        "Amina Hassan",
                        "Per Ek",
                        "",
                    ]
                ),
                "employee_count": rng.randint(4, 45),
                "last_checked": today
                - datetime.timedelta(days=30 * months_ago + rng.randint(0, 20)),
                "checked_by_enterprise": index % 4 == 1,
                "offerings": [
                    {
                        "kind": kind,
                        "description": OFFERING_TEXT[kind],
                        "open_places": rng.choice([None, None, 0, 0, 0, 0, 1, 2, 3]),
                        "target_groups": rng.sample(TARGET_GROUPS, k=rng.choice([1, 2])),
                        "referrers": rng.sample(list(Referrer.values), k=rng.choice([1, 2, 3])),
                    }
                    for kind in kinds
                ],
                "criteria_verified": rng.choice([4, 4, 4, 3, 0]),
                "skoopi": rng.random() < 0.2,
                "lou_share": rng.choice([None, None, 35, 48, 60, 72, 85]),
                **_languages_and_access(index),
            }
        )
    return specs


# Languages spoken besides Swedish, and how often an enterprise's premises have
# each accessibility fact (an own generator, so the other demo values stay).
DEMO_LANGUAGES = ["en", "ar", "so", "fa", "ti", "fi", "pl", "swl", "ku", "uk"]
ACCESS_SHARE = {
    "step_free_entrance": 0.6, "lift": 0.35, "accessible_toilet": 0.5, "hearing_loop": 0.15,
    "disabled_parking": 0.3, "quiet_workplace": 0.4, "public_transport": 0.75,
}  # fmt: skip
STOPS = ["Torget", "Stationen", "Skolvägen", "Vårdcentralen", "Idrottsplatsen", "Kyrkan"]


def _languages_and_access(index: int) -> dict:
    rng = random.Random(SEED * 1000 + index)
    access = {field: rng.random() < share for field, share in ACCESS_SHARE.items()}
    stop = f"Busshållplats {rng.choice(STOPS)}, {rng.choice([100, 200, 300, 500])} meter"
    return {
        "languages": ["sv", *rng.sample(DEMO_LANGUAGES, k=rng.choice([0, 1, 1, 2, 3]))],
        "access": access | {"transit_stop": stop if access["public_transport"] else ""},
    }


def _domain(name: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "&": "", " ": "-"})
    return "-".join(part for part in name.lower().translate(table).split("-") if part)


@transaction.atomic
def load_demo(today: datetime.date | None = None) -> dict[str, int]:
    """Create whatever demo content is missing. Returns counts of what was added."""
    today = today or timezone.localdate()
    added = {"partners": 0, "enterprises": 0}
    areas = {name: taxonomy_get_or_create(Area, name, kind=kind) for name, kind, _, _ in AREAS}
    groups = {name: taxonomy_get_or_create(TargetGroup, name) for name in TARGET_GROUPS}
    industries = {t.industry: taxonomy_get_or_create(Industry, t.industry) for t in TRADES}
    for spec in PARTNERS:
        if not Partner.objects.filter(name=spec["name"]).exists():
            _create_partner(spec, today)
            added["partners"] += 1
    for spec in _enterprise_specs(today):
        if not SocialEnterprise.objects.filter(org_number=spec["org_number"]).exists():
            _create_enterprise(spec, areas, groups, industries, today)
            added["enterprises"] += 1
    return added


def _create_partner(spec: dict, today: datetime.date) -> None:
    fields = {k: v for k, v in spec.items() if k not in {"places", "topics"}}
    partner = partner_create(topics=spec["topics"], **fields)
    for place_spec in spec["places"]:
        place_fields = {k: v for k, v in place_spec.items() if k not in {"sessions", "hours"}}
        rules = hours.parse(_dated(place_spec.get("hours", ""), today))
        place = place_create(partner=partner, hours=rules, **place_fields)
        titles = place_spec.get("sessions", [])
        tomorrow = today + datetime.timedelta(days=1)
        dates = hours.next_occurrences(rules, tomorrow, len(titles))
        for title, (day, rule) in zip(titles, dates, strict=True):
            session_create(
                place=place,
                title=title,
                starts_at=_at(day, rule["opens"]),
                ends_at=_at(day, rule["closes"]),
                description="Ingen föranmälan. Ta gärna med din affärsidé på papper.",
            )


def _dated(text: str, today: datetime.date) -> str:
    """``text`` with {måndag} … {söndag} replaced by the next such date."""
    ahead = {
        name: today + datetime.timedelta(days=(index - today.weekday()) % 7 or 7)
        for index, name in enumerate(SV_DAYS)
    }
    return text.format(**ahead)


def _at(day: datetime.date, hhmm: str) -> datetime.datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
    )


def _create_enterprise(spec, areas, groups, industries, today) -> None:
    enterprise = enterprise_create(
        name=spec["name"],
        org_number=spec["org_number"],
        legal_form=spec["legal_form"],
        short_description=spec["short_description"],
        description=spec["description"],
        industries=[industries[spec["industry"]]],
        area=areas[spec["area"]],
        status=PublicationStatus.PUBLISHED,
        is_example=True,
        street_address=spec["street_address"],
        postal_code=spec["postal_code"],
        city=spec["city"],
        latitude=spec["latitude"],
        longitude=spec["longitude"],
        email=spec["email"],
        website=spec["website"],
        phone=spec["phone"],
        contact_name=spec["contact_name"],
        employee_count=spec["employee_count"],
        last_checked=spec["last_checked"],
        last_checked_source=CheckSource.ENTERPRISE
        if spec["checked_by_enterprise"]
        else CheckSource.ADVISOR,
        skoopi_certified_on=spec["last_checked"] - datetime.timedelta(days=200)
        if spec["skoopi"]
        else None,
        skoopi_valid_until=spec["last_checked"] + datetime.timedelta(days=530)
        if spec["skoopi"]
        else None,
        lou_share_percent=spec["lou_share"],
        lou_checked_on=spec["last_checked"] if spec["lou_share"] else None,
        languages=Language.objects.filter(code__in=spec["languages"]),
        **spec["access"],
    )
    for offering in spec["offerings"]:
        offering_create(
            enterprise=enterprise,
            kind=offering["kind"],
            description=offering["description"],
            open_places=offering["open_places"],
            target_groups=[groups[name] for name in offering["target_groups"]],
            referrers=offering["referrers"],
        )
    checked_at = datetime.datetime.combine(
        spec["last_checked"], datetime.time(10), tzinfo=timezone.get_current_timezone()
    )
    for criterion in list(Criterion)[: spec["criteria_verified"]]:
        criterion_set(
            enterprise=enterprise, criterion=criterion, verified=True, user=None, at=checked_at
        )
