"""Demo partners: the organisations the municipality's policy names.

A place's "hours" are written as advisors write them (asfportal.core.hours);
its "sessions" are titles, dated on the place's next occurrences in order, so
the demo's sessions always fall within the hours shown beside them.

Descriptions are our own words from the facts in the policy document. Addresses
of places are fictional, in the fictional municipality of the demo.
"""

from registry.models import HelpTopic as T
from registry.models import PartnerKind as K

MUNICIPAL_ADVICE = {
    "name": "Kommunens rådgivning för sociala företag",
    "kind": K.MUNICIPAL,
    "summary": "Kommunens rådgivare hjälper dig som vill jobba på eller starta ett socialt företag.",
    "description": (
        "Kommunen har bestämt att ge råd och stöd till alla som vill jobba på ett socialt "
        "företag och till alla som vill starta ett. Rådgivarna känner företagen i katalogen, "
        "kan hjälpa dig att ta kontakt och vet vilka andra organisationer som kan stötta dig.\n\n"
        "Rådgivarna håller också katalogen aktuell: de kontrollerar uppgifterna om varje "
        "företag och om det uppfyller kriterierna för ett arbetsintegrerande socialt företag."
    ),
    "email": "asf@exempelkommunen.se",
    "topics": [T.START, T.DEVELOP, T.TRAINING, T.KNOWLEDGE],
    "places": [
        {
            "name": "Kommunhuset, kontaktcenter",
            "street_address": "Rådhustorget 1",
            "postal_code": "136 81",
            "city": "Exempelkommunen",
            "latitude": "59.168100",
            "longitude": "18.142900",
            "hours": "Måndag–torsdag 8–16.30\nFredag 8–15",
        }
    ],
}

PARTNERS = [
    MUNICIPAL_ADVICE,
    {
        "name": "Coompanion",
        "kind": K.SUPPORT,
        "summary": "Kostnadsfri rådgivning till dig som vill starta eller utveckla ett företag tillsammans med andra.",
        "description": (
            "Coompanion är experter på kooperativt företagande. Eftersom de flesta sociala "
            "företag är ekonomiska föreningar är Coompanion ofta den första kontakten för en "
            "grupp som vill starta. Du får hjälp med affärsidé, stadgar, ekonomi och "
            "styrelsearbete.\n\n"
            "Coompanion driver också projektet Kugghjulet tillsammans med Famna, för att bygga "
            "en stödstruktur för arbetsintegrerande sociala företag i Stockholms län."
        ),
        "website": "https://coompanion.se/",
        "topics": [T.START, T.DEVELOP, T.FINANCING, T.KNOWLEDGE],
        "places": [
            {
                "name": "Coompanion, rådgivning i Företagarhuset",
                "street_address": "Storgatan 14",
                "postal_code": "136 40",
                "city": "Exempelkommunen",
                "latitude": "59.169500",
                "longitude": "18.139800",
                "hours": "Tisdag och torsdag 9–16, efter bokning",
            }
        ],
    },
    {
        "name": "Start Up Stockholm",
        "kind": K.SUPPORT,
        "summary": "Gratis rådgivning om affärsidé och företagande. Finns på flera platser i kommunen under året.",
        "description": (
            "Start Up Stockholm ger kostnadsfri rådgivning till dig som funderar på att starta "
            "företag: hur du prövar din idé, gör en budget och kommer i gång. Under året "
            "finns rådgivarna på flera platser i kommunen, så att du kan komma förbi utan att "
            "boka tid."
        ),
        "website": "https://www.startupstockholm.se/",
        "topics": [T.START, T.DEVELOP, T.KNOWLEDGE],
        "places": [
            {
                "name": "Huvudbiblioteket",
                "street_address": "Bibliotekstorget 2",
                "postal_code": "136 46",
                "city": "Exempelkommunen",
                "latitude": "59.167300",
                "longitude": "18.137200",
                "hours": "Första tisdagen i månaden 13–16, drop-in",
                "sessions": ["Drop-in: prata med en företagsrådgivare"],
            },
            {
                "name": "Medborgarhuset Norrby",
                "street_address": "Norrby centrum 5",
                "postal_code": "136 50",
                "city": "Exempelkommunen",
                "latitude": "59.185600",
                "longitude": "18.151000",
                # {onsdag}: the next Wednesday when the demo is loaded.
                "hours": "Varannan onsdag 17–19 från {onsdag}, kvällsrådgivning",
                "sessions": [
                    "Kvällsrådgivning: från idé till företag",
                    "Kvällsrådgivning: budget och finansiering",
                ],
            },
            {
                "name": "Söderdals bibliotek",
                "street_address": "Söderdalsvägen 30",
                "postal_code": "136 60",
                "city": "Exempelkommunen",
                "latitude": "59.151200",
                "longitude": "18.128400",
                "hours": "Sista torsdagen i månaden 10–13, drop-in",
                "sessions": ["Drop-in: starta socialt företag"],
            },
        ],
    },
    {
        "name": "Famna",
        "kind": K.NETWORK,
        "summary": "Idéburen organisation som leder projektet Kugghjulet, ett stöd till arbetsintegrerande sociala företag.",
        "description": (
            "Famna samlar idéburna organisationer inom vård och social omsorg. Famna fick "
            "15 miljoner kronor från Europeiska socialfonden för att bygga upp en stödstruktur "
            "för arbetsintegrerande sociala företag i Stockholms län.\n\n"
            "Projektet heter Kugghjulet, efter orden kunskap, utveckling och gemenskap. Det "
            "drivs av Famna tillsammans med Coompanion och Samordningsförbundet Östra "
            "Södertörn, och pågick till och med 2020. Bedömningen i projektet var att det "
            "finns ungefär 55 arbetsintegrerande sociala företag i regionen."
        ),
        "website": "https://famna.org/",
        "topics": [T.DEVELOP, T.KNOWLEDGE],
        "places": [],
    },
    {
        "name": "Arbetsförmedlingen",
        "kind": K.AUTHORITY,
        "summary": "Kan ordna arbetsträning, arbetsprövning eller anställning med stöd på ett socialt företag.",
        "description": (
            "Arbetsförmedlingen ska bidra till att det blir fler sociala företag och fler "
            "anställda på dem. Genom Arbetsförmedlingen kan du få arbetsträning, "
            "arbetsprövning eller en anställning med lönestöd på ett socialt företag.\n\n"
            "Myndighetens generaldirektör beslutade 2014 om en handlingsplan i åtta punkter "
            "för arbetet med arbetsintegrerande sociala företag. Planen arbetas om men gäller "
            "fortfarande."
        ),
        "website": "https://arbetsformedlingen.se/",
        "phone": "0771-416 416",
        "topics": [T.TRAINING, T.REHABILITATION],
        "places": [],
    },
    {
        "name": "Försäkringskassan",
        "kind": K.AUTHORITY,
        "summary": "Samarbetar om arbetslivsinriktad rehabilitering, bland annat på sociala företag.",
        "description": (
            "Försäkringskassan vill skapa nya vägar till rehabilitering och sysselsättning "
            "för människor som står långt från arbetsmarknaden. Många sociala företag är "
            "specialiserade på arbetslivsinriktad rehabilitering och kan forma arbetet efter "
            "varje persons behov.\n\n"
            "Är du sjukskriven kan du prata med din handläggare om en plats på ett socialt "
            "företag kan vara ett steg tillbaka till arbete."
        ),
        "website": "https://www.forsakringskassan.se/",
        "phone": "0771-524 524",
        "topics": [T.REHABILITATION],
        "places": [],
    },
    {
        "name": "Samordningsförbundet Östra Södertörn",
        "kind": K.COORDINATION,
        "summary": "Finansierar rehabilitering där Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna samarbetar.",
        "description": (
            "Ett samordningsförbund är en gemensam plattform för Försäkringskassan, "
            "Arbetsförmedlingen, regionen och kommunerna. Förbundet finansierar insatser som "
            "minskar sjukskrivning och arbetslöshet för personer som behöver stöd från flera "
            "håll samtidigt.\n\n"
            "Sex samordningsförbund i tolv kommuner i Stockholms län har fått 100 miljoner "
            "kronor från Europeiska socialfonden för att tillsammans med sociala företag få "
            "fler personer i arbete."
        ),
        "topics": [T.REHABILITATION, T.FINANCING, T.TRAINING],
        "places": [],
    },
    {
        "name": "Tillväxtverket",
        "kind": K.AUTHORITY,
        "summary": "Myndigheten som definierar vad ett arbetsintegrerande socialt företag är och stöttar sektorn.",
        "description": (
            "Tillväxtverket står bakom den definition av arbetsintegrerande sociala företag "
            "som kommunen använder: företag som integrerar människor i arbetsliv och "
            "samhälle, låter medarbetarna vara delaktiga, återinvesterar vinsten och är "
            "fristående från offentlig sektor. Myndigheten samarbetar med de andra "
            "myndigheterna enligt regeringens handlingsplan från 2010."
        ),
        "website": "https://tillvaxtverket.se/",
        "topics": [T.KNOWLEDGE, T.DEVELOP, T.FINANCING],
        "places": [],
    },
    {
        "name": "Socialstyrelsen",
        "kind": K.AUTHORITY,
        "summary": "Samarbetar med de andra myndigheterna om sociala företag, rehabilitering och sysselsättning.",
        "description": (
            "Socialstyrelsen är en av myndigheterna i samarbetet som regeringen tog initiativ "
            "till 2010, med uppdrag att öka kunskapen om vad sociala företag kan betyda för "
            "rehabilitering och sysselsättning."
        ),
        "website": "https://www.socialstyrelsen.se/",
        "topics": [T.KNOWLEDGE],
        "places": [],
    },
    {
        "name": "Sveriges Kommuner och Regioner",
        "kind": K.NETWORK,
        "summary": "Kommunernas och regionernas organisation, som vill öka kunskapen om socialt företagande.",
        "description": (
            "Sveriges Kommuner och Regioner (SKR, tidigare SKL) ser sociala företag och "
            "samhällsentreprenörer som viktiga för att lösa behov som varken offentlig eller "
            "privat sektor möter. SKR vill att kunskapen om socialt företagande ökar, och att "
            "kommuner och regioner hittar bättre sätt att samverka med dem."
        ),
        "website": "https://skr.se/",
        "topics": [T.KNOWLEDGE],
        "places": [],
    },
]
