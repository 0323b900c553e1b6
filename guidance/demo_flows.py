"""Seed data for the two advice flows; editors change them in the admin afterwards.

Partners, industries and areas are named as in registry/demo*.py; the loader
looks them up by name and skips a filter whose target does not exist.
"""

LANGUAGE_STEP = (
    "Berätta för din handläggare eller för kommunens rådgivare vilket språk du vill använda "
    "på jobbet. Vi visar först företag där handledarna kan det."
)
ACCESS_STEP = (
    "Fråga företaget om lokalerna innan du börjar, och be gärna att få komma på ett besök "
    "först. Vi visar bara företag som har det du behöver."
)


def _filtering(value: str, label: str, next_key: str | None, step: str, **filters) -> dict:
    """A choice whose recommendation is a next step and a filter on the matches
    (``language`` by slug, or ``access_need`` by field)."""
    recommendation = {"text": step, "partners": [], "offering_kind": "", "industry": "", "area": ""}
    return {
        "value": value,
        "label": label,
        "next": next_key,
        "recommendations": [recommendation | filters],
    }


def _language(value: str, label: str, slug: str) -> dict:
    return _filtering(value, label, "tillganglighet", LANGUAGE_STEP, language=slug)


def _access(value: str, label: str, field: str) -> dict:
    return _filtering(value, label, None, ACCESS_STEP, access_need=field)


LANGUAGE_QUESTION = {
    "key": "sprak",
    "text": "Vilket språk vill du kunna prata med din handledare?",
    "help_text": (
        "Handledaren är den som visar dig arbetet och stöttar dig. Många sociala företag har "
        "handledare som kan fler språk än svenska."
    ),
    "kind": "single",
    "choices": [
        _language("svenska", "Svenska", "svenska"),
        _language("engelska", "Engelska", "engelska"),
        _language("arabiska", "Arabiska", "arabiska"),
        _language("somaliska", "Somaliska", "somaliska"),
        _language("persiska", "Persiska (dari, farsi)", "persiska"),
        _language("tigrinja", "Tigrinja", "tigrinja"),
        _language("teckensprak", "Svenskt teckenspråk", "teckensprak"),
        {
            "value": "spelar_ingen_roll",
            "label": "Spelar ingen roll",
            "next": "tillganglighet",
            "recommendations": [],
        },
    ],
}

ACCESS_QUESTION = {
    "key": "tillganglighet",
    "text": "Behöver du något av det här på arbetsplatsen?",
    "help_text": ("Välj allt du behöver. Då visar vi bara företag som har det."),
    "kind": "multiple",
    "choices": [
        _access("trappfri_entre", "Entré utan trappsteg", "step_free_entrance"),
        _access("hiss", "Hiss", "lift"),
        _access("toalett", "Tillgänglighetsanpassad toalett", "accessible_toilet"),
        _access("horslinga", "Hörslinga", "hearing_loop"),
        _access("lugn", "En lugn arbetsplats med lite ljud och intryck", "quiet_workplace"),
        _access("kollektivtrafik", "Nära till buss, tåg eller tunnelbana", "public_transport"),
        {
            "value": "inget",
            "label": "Nej, inget av det här",
            "next": None,
            "recommendations": [],
        },
    ],
}

# "Starta": what the enterprise will do. A founder is shown social enterprises
# already in that trade (AdviceFlow.enterprises "same_trade"): they can tell
# how they began. The step names the trade only when one is found.
TRADE_STEP = (
    "Prata med ett socialt företag som redan gör det du vill göra. Fråga hur de kom i gång "
    "och vad de önskar att de hade vetat från början."
)
TRADES = [
    ("cafe", "Café, restaurang eller catering", "Café och restaurang"),
    ("stad", "Städning", "Lokalvård och städ"),
    ("tradgard", "Trädgård och grönytor", "Trädgård och grönyteskötsel"),
    ("aterbruk", "Second hand och återbruk", "Återbruk och second hand"),
    ("snickeri", "Snickeri och hantverk", "Snickeri och hantverk"),
    ("cykel", "Cyklar", "Cykelverkstad"),
    ("kontor", "Kontorsservice och IT", "Kontorsservice och IT"),
    ("djur", "Djur och natur", "Djur och natur"),
]


def _trade(value: str, label: str, industry: str) -> dict:
    return _filtering(value, label, "grupp", TRADE_STEP, industry=industry)


TRADE_QUESTION = {
    "key": "bransch",
    "text": "Vad ska företaget göra?",
    "help_text": "Välj det som ligger närmast. Vi visar sociala företag som redan gör det.",
    "kind": "single",
    "choices": [
        *(_trade(value, label, industry) for value, label, industry in TRADES),
        {"value": "annat", "label": "Något annat", "next": "grupp", "recommendations": []},
        {"value": "vet_inte", "label": "Jag vet inte än", "next": "grupp", "recommendations": []},
    ],
}


FLOWS = [
    {
        "slug": "jobba",
        "title": "Jag vill jobba på ett socialt företag",
        "intro": (
            "Svara på sex korta frågor om din situation och vad du vill göra. Sedan får du veta "
            "vem som kan hjälpa dig vidare och vilka sociala företag som kan passa dig.\n\n"
            "Det tar ungefär 2 minuter."
        ),
        "result_intro": (
            "Utifrån dina svar föreslår vi de här nästa stegen och vem du kan kontakta."
        ),
        "questions": [
            {
                "key": "situation",
                "text": "Vilket av det här stämmer in på dig?",
                "help_text": (
                    "Vi frågar för att kunna berätta vem som kan skicka dig till ett socialt "
                    "företag. Det kallas remittent."
                ),
                "kind": "single",
                "choices": [
                    {
                        "value": "arbetsformedlingen",
                        "label": "Jag är inskriven på Arbetsförmedlingen",
                        "next": "soker",
                        "recommendations": [
                            {
                                "text": (
                                    "Prata med din handläggare på Arbetsförmedlingen och säg att "
                                    "du vill jobba på ett socialt företag. Handläggaren kan ordna "
                                    "arbetsträning, arbetsprövning eller en anställning med "
                                    "lönestöd. Ta gärna med namnet på ett företag du har hittat i "
                                    "katalogen."
                                ),
                                "partners": ["Arbetsförmedlingen"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "forsakringskassan",
                        "label": (
                            "Jag är sjukskriven eller får till exempel sjukpenning eller "
                            "aktivitetsersättning från Försäkringskassan"
                        ),
                        "next": "soker",
                        "recommendations": [
                            {
                                "text": (
                                    "Fråga din handläggare på Försäkringskassan om "
                                    "arbetslivsinriktad rehabilitering på ett socialt företag. Där "
                                    "kan du börja i din egen takt, med arbetsuppgifter som passar "
                                    "dig. Rehabiliteringen kan också ordnas tillsammans med "
                                    "Arbetsförmedlingen eller samordningsförbundet."
                                ),
                                "partners": [
                                    "Försäkringskassan",
                                    "Samordningsförbundet Östra Södertörn",
                                ],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "socialtjansten",
                        "label": (
                            "Jag har kontakt med socialtjänsten, till exempel för försörjningsstöd"
                        ),
                        "next": "soker",
                        "recommendations": [
                            {
                                "text": (
                                    "Berätta för din handläggare på socialtjänsten att du vill "
                                    "jobba på ett socialt företag. Socialtjänsten kan skicka dig "
                                    "dit, till exempel till arbetsträning eller sysselsättning. "
                                    "Kommunens rådgivare kan hjälpa dig och din handläggare att "
                                    "hitta ett företag som passar."
                                ),
                                "partners": ["Kommunens rådgivning för sociala företag"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "inget",
                        "label": "Inget av det här",
                        "next": "soker",
                        "recommendations": [
                            {
                                "text": (
                                    "Du kan kontakta kommunens rådgivare direkt. De berättar vilka "
                                    "vägar som finns för dig och hjälper dig att ta kontakt med "
                                    "ett företag. En del sociala företag tar emot egen anmälan, "
                                    "det vill säga att du själv hör av dig utan att någon skickar "
                                    "dig."
                                ),
                                "partners": ["Kommunens rådgivning för sociala företag"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                            {
                                "text": (
                                    "Är du utan arbete kan du också skriva in dig på "
                                    "Arbetsförmedlingen. Då kan du få arbetsträning eller en "
                                    "anställning med lönestöd genom dem."
                                ),
                                "partners": ["Arbetsförmedlingen"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                ],
            },
            {
                "key": "soker",
                "text": "Vad söker du?",
                "help_text": (
                    "Välj ett eller flera alternativ. Vi visar företag som erbjuder det du söker "
                    "och förklarar vad det innebär."
                ),
                "kind": "multiple",
                "choices": [
                    {
                        "value": "anstallning",
                        "label": "En anställning",
                        "next": "bransch",
                        "recommendations": [
                            {
                                "text": (
                                    "En anställning betyder att du har ett anställningsavtal och "
                                    "får lön. På sociala företag börjar anställningen ofta med "
                                    "lönestöd från Arbetsförmedlingen. Fråga din handläggare om du "
                                    "kan få lönestöd."
                                ),
                                "partners": ["Arbetsförmedlingen"],
                                "offering_kind": "anstallning",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "arbetstraning",
                        "label": "Arbetsträning",
                        "next": "bransch",
                        "recommendations": [
                            {
                                "text": (
                                    "Arbetsträning är för dig som vill komma tillbaka till "
                                    "arbetslivet i din egen takt, med en handledare som följer "
                                    "dig. Det är ingen anställning, så fråga din handläggare "
                                    "vilken ersättning du får under tiden."
                                ),
                                "partners": [],
                                "offering_kind": "arbetstraning",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "arbetsprovning",
                        "label": "Arbetsprövning",
                        "next": "bransch",
                        "recommendations": [
                            {
                                "text": (
                                    "Vid en arbetsprövning tar du under en begränsad tid reda på "
                                    "vilka arbetsuppgifter du klarar och trivs med. Resultatet "
                                    "hjälper dig och din handläggare att planera nästa steg."
                                ),
                                "partners": [],
                                "offering_kind": "arbetsprovning",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "praktik",
                        "label": "Praktik",
                        "next": "bransch",
                        "recommendations": [
                            {
                                "text": (
                                    "Praktik betyder att du lär dig ett arbete på plats under "
                                    "några veckor eller månader. Praktiken ordnas oftast av den "
                                    "som skickar dig, så fråga din handläggare."
                                ),
                                "partners": [],
                                "offering_kind": "praktik",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "rehabilitering",
                        "label": "Rehabilitering",
                        "next": "bransch",
                        "recommendations": [
                            {
                                "text": (
                                    "Arbetslivsinriktad rehabilitering är för dig som har varit "
                                    "sjuk och vill tillbaka till arbete. Många sociala företag kan "
                                    "forma arbetet efter dina behov. Fråga din handläggare på "
                                    "Försäkringskassan eller Arbetsförmedlingen."
                                ),
                                "partners": ["Försäkringskassan"],
                                "offering_kind": "rehabilitering",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "sysselsattning",
                        "label": "Sysselsättning eller daglig verksamhet",
                        "next": "bransch",
                        "recommendations": [
                            {
                                "text": (
                                    "Sysselsättning och daglig verksamhet ger dig meningsfulla "
                                    "uppgifter och en plats att gå till, utan krav på att du ska "
                                    "klara ett helt arbete. Fråga din handläggare på "
                                    "socialtjänsten om det passar dig."
                                ),
                                "partners": [],
                                "offering_kind": "sysselsattning",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "vet_inte",
                        "label": "Jag vet inte än",
                        "next": "bransch",
                        "recommendations": [
                            {
                                "text": (
                                    "Det gör inget. Kommunens rådgivare eller din handläggare kan "
                                    "hjälpa dig att ta reda på vad som passar dig bäst."
                                ),
                                "partners": ["Kommunens rådgivning för sociala företag"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                ],
            },
            {
                "key": "bransch",
                "text": "Vilket slags arbete är du intresserad av?",
                "help_text": (
                    "Sociala företag finns i många branscher. Välj det som lockar dig mest, så "
                    "visar vi företag i den branschen. Vet du inte än går det bra att välja det."
                    ""
                ),
                "kind": "single",
                "choices": [
                    {
                        "value": "cafe",
                        "label": "Café och restaurang",
                        "next": "omrade",
                        "recommendations": [
                            {
                                "text": (
                                    "På ett kafé eller en restaurang kan du lära dig bakning, "
                                    "matlagning, servering och kassa. Fråga företaget om du kan få "
                                    "gå en kurs i livsmedelshygien."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "Café och restaurang",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "stad",
                        "label": "Lokalvård och städ",
                        "next": "omrade",
                        "recommendations": [
                            {
                                "text": (
                                    "Inom lokalvård jobbar du ofta i ett litet lag med en "
                                    "arbetsledare. Du lär dig metoder, maskiner och arbetsmiljö."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "Lokalvård och städ",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "tradgard",
                        "label": "Trädgård och grönyteskötsel",
                        "next": "omrade",
                        "recommendations": [
                            {
                                "text": (
                                    "Inom trädgård och grönyteskötsel är du mycket utomhus, och "
                                    "arbetet följer årstiderna. Berätta för företaget om du har "
                                    "svårt med tunga lyft, så kan ni hitta uppgifter som passar."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "Trädgård och grönyteskötsel",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "aterbruk",
                        "label": "Återbruk och second hand",
                        "next": "omrade",
                        "recommendations": [
                            {
                                "text": (
                                    "I en second hand-butik finns många olika uppgifter: "
                                    "sortering, prissättning, butik och reparationer. Fråga vilka "
                                    "uppgifter du kan börja med."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "Återbruk och second hand",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "snickeri",
                        "label": "Snickeri och hantverk",
                        "next": "omrade",
                        "recommendations": [
                            {
                                "text": (
                                    "I en snickeriverkstad lär du dig använda verktyg och maskiner "
                                    "på ett säkert sätt, med en handledare vid din sida."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "Snickeri och hantverk",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "cykel",
                        "label": "Cykelverkstad",
                        "next": "omrade",
                        "recommendations": [
                            {
                                "text": (
                                    "I en cykelverkstad lär du dig felsöka och laga cyklar och ta "
                                    "emot kunder. Fråga företaget vad du behöver kunna för att "
                                    "börja."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "Cykelverkstad",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "kontor",
                        "label": "Kontorsservice och IT",
                        "next": "omrade",
                        "recommendations": [
                            {
                                "text": (
                                    "Inom kontorsservice och IT kan du till exempel skanna "
                                    "dokument, registrera uppgifter eller laga datorer. Arbetet "
                                    "passar dig som tycker om noggranna uppgifter."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "Kontorsservice och IT",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "djur",
                        "label": "Djur och natur",
                        "next": "omrade",
                        "recommendations": [
                            {
                                "text": (
                                    "Här kan du jobba med djurskötsel, stallarbete eller "
                                    "naturvård. Berätta för företaget om du har allergier, och "
                                    "fråga om arbetstiderna."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "Djur och natur",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "vet_inte",
                        "label": "Jag vet inte än",
                        "next": "omrade",
                        "recommendations": [
                            {
                                "text": (
                                    "Titta gärna på företagen i katalogen och se vad de gör. Du "
                                    "kan också be att få besöka ett företag innan du bestämmer dig."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                ],
            },
            {
                "key": "omrade",
                "text": "Var vill du helst jobba?",
                "help_text": (
                    "Vi visar företag i det område du väljer. Vill du se alla företag väljer du "
                    "Spelar ingen roll."
                ),
                "kind": "single",
                "choices": [
                    {
                        "value": "centrum",
                        "label": "Centrum",
                        "next": "sprak",
                        "recommendations": [
                            {
                                "text": (
                                    "Ring eller mejla ett företag i Centrum och fråga om de har "
                                    "lediga platser och vem som kan skicka dig dit."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "Centrum",
                            },
                        ],
                    },
                    {
                        "value": "norrby",
                        "label": "Norrby",
                        "next": "sprak",
                        "recommendations": [
                            {
                                "text": (
                                    "Ring eller mejla ett företag i Norrby och fråga om de har "
                                    "lediga platser och vem som kan skicka dig dit."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "Norrby",
                            },
                        ],
                    },
                    {
                        "value": "soderdal",
                        "label": "Söderdal",
                        "next": "sprak",
                        "recommendations": [
                            {
                                "text": (
                                    "Ring eller mejla ett företag i Söderdal och fråga om de har "
                                    "lediga platser och vem som kan skicka dig dit."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "Söderdal",
                            },
                        ],
                    },
                    {
                        "value": "vasterhojden",
                        "label": "Västerhöjden",
                        "next": "sprak",
                        "recommendations": [
                            {
                                "text": (
                                    "Ring eller mejla ett företag i Västerhöjden och fråga om de "
                                    "har lediga platser och vem som kan skicka dig dit."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "Västerhöjden",
                            },
                        ],
                    },
                    {
                        "value": "ekbacken",
                        "label": "Ekbacken",
                        "next": "sprak",
                        "recommendations": [
                            {
                                "text": (
                                    "Ring eller mejla ett företag i Ekbacken och fråga om de har "
                                    "lediga platser och vem som kan skicka dig dit."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "Ekbacken",
                            },
                        ],
                    },
                    {
                        "value": "sjostaden",
                        "label": "Sjöstaden",
                        "next": "sprak",
                        "recommendations": [
                            {
                                "text": (
                                    "Ring eller mejla ett företag i Sjöstaden och fråga om de har "
                                    "lediga platser och vem som kan skicka dig dit."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "Sjöstaden",
                            },
                        ],
                    },
                    {
                        "value": "tyreso",
                        "label": "Tyresö (grannkommun)",
                        "next": "sprak",
                        "recommendations": [
                            {
                                "text": (
                                    "Ring eller mejla ett företag i Tyresö och fråga om de har "
                                    "lediga platser och vem som kan skicka dig dit."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "Tyresö",
                            },
                        ],
                    },
                    {
                        "value": "nynashamn",
                        "label": "Nynäshamn (grannkommun)",
                        "next": "sprak",
                        "recommendations": [
                            {
                                "text": (
                                    "Ring eller mejla ett företag i Nynäshamn och fråga om de har "
                                    "lediga platser och vem som kan skicka dig dit."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "Nynäshamn",
                            },
                        ],
                    },
                    {
                        "value": "spelar_ingen_roll",
                        "label": "Spelar ingen roll",
                        "next": "sprak",
                        "recommendations": [
                            {
                                "text": (
                                    "Titta på företagen i hela katalogen. Tänk på hur lång resväg "
                                    "du orkar med varje dag när du väljer."
                                ),
                                "partners": [],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                ],
            },
            LANGUAGE_QUESTION,
            ACCESS_QUESTION,
        ],
    },
    {
        "slug": "starta",
        "title": "Jag vill starta ett socialt företag",
        # A founder learns most from enterprises in the same trade, not from
        # every enterprise that could employ someone.
        "enterprises": "same_trade",
        "intro": (
            "Svara på några korta frågor om din idé. Sedan får du förslag på nästa steg och på "
            "vilka organisationer som kan hjälpa dig med till exempel affärsplan, juridisk form "
            "och pengar till starten.\n\n"
            "Det tar ungefär 2 minuter."
        ),
        "result_intro": (
            "Utifrån dina svar föreslår vi de här nästa stegen för ditt sociala företag."
        ),
        "questions": [
            {
                "key": "fas",
                "text": "Hur långt har du kommit?",
                "help_text": ("Vi frågar för att kunna ge råd som passar där du är just nu."),
                "kind": "single",
                "choices": [
                    {
                        "value": "ide",
                        "label": "Jag har en idé",
                        "next": "bransch",
                        "recommendations": [
                            {
                                "text": (
                                    "Prata om idén med någon som kan socialt företagande. Start Up "
                                    "Stockholm har drop-in på flera platser i kommunen, och "
                                    "Coompanion ger kostnadsfri rådgivning till dig som vill "
                                    "starta tillsammans med andra. Skriv gärna ner idén på ett "
                                    "papper och ta med det."
                                ),
                                "partners": ["Start Up Stockholm", "Coompanion"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "plan",
                        "label": "Jag har en plan och vill komma i gång",
                        "next": "bransch",
                        "recommendations": [
                            {
                                "text": (
                                    "Boka en tid hos Coompanion, eller prata med en rådgivare på "
                                    "kommunen. Ta med din plan och en första budget, och fråga "
                                    "vad som saknas innan du kan registrera företaget."
                                ),
                                "partners": [
                                    "Coompanion",
                                    "Kommunens rådgivning för sociala företag",
                                ],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "befintlig",
                        "label": (
                            "Jag driver redan ett företag eller en förening som vill bli ett "
                            "socialt företag"
                        ),
                        "next": "form",
                        "recommendations": [
                            {
                                "text": (
                                    "Jämför er verksamhet med Tillväxtverkets fyra kriterier: "
                                    "syftet är att integrera människor i arbetsliv och samhälle, "
                                    "medarbetarna är delaktiga, vinsten återinvesteras i huvudsak "
                                    "och ni är fristående från offentlig sektor. Kommunens "
                                    "rådgivare går gärna igenom kriterierna med er och kan ta med "
                                    "er i katalogen."
                                ),
                                "partners": [
                                    "Kommunens rådgivning för sociala företag",
                                    "Tillväxtverket",
                                ],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                ],
            },
            TRADE_QUESTION,
            {
                "key": "grupp",
                "text": "Vill du starta själv eller tillsammans med andra?",
                "help_text": ("Hur många ni är påverkar vilken juridisk form som passar."),
                "kind": "single",
                "choices": [
                    {
                        "value": "sjalv",
                        "label": "Jag vill starta själv",
                        "next": "form",
                        "recommendations": [
                            {
                                "text": (
                                    "Du kan starta ensam, till exempel ett aktiebolag. Vill du "
                                    "starta en ekonomisk förening behövs minst tre medlemmar, så "
                                    "fundera på vilka som kan vara med. Start Up Stockholm kan "
                                    "hjälpa dig att pröva idén."
                                ),
                                "partners": ["Start Up Stockholm"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "grupp",
                        "label": "Vi är en grupp",
                        "next": "form",
                        "recommendations": [
                            {
                                "text": (
                                    "En grupp startar ofta ett kooperativ, i form av en ekonomisk "
                                    "förening där medarbetarna kan vara medlemmar och bestämma "
                                    "tillsammans. En ekonomisk förening behöver minst tre "
                                    "medlemmar. Coompanion är experter på kooperativt företagande "
                                    "och kan hjälpa er."
                                ),
                                "partners": ["Coompanion"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                ],
            },
            {
                "key": "form",
                "text": "Vilken juridisk form tror du passar?",
                "help_text": (
                    "Den juridiska formen avgör bland annat vem som äger företaget och vad som "
                    "händer med vinsten. Välj Jag vet inte om du inte har bestämt dig."
                ),
                "kind": "single",
                "choices": [
                    {
                        "value": "ekonomisk_forening",
                        "label": "Ekonomisk förening (kooperativ)",
                        "next": "finansiering",
                        "recommendations": [
                            {
                                "text": (
                                    "De flesta sociala företag är ekonomiska föreningar i "
                                    "kooperativ form. Föreningen behöver minst tre medlemmar, och "
                                    "medarbetarna kan bli medlemmar och vara med och bestämma. Be "
                                    "Coompanion om hjälp med stadgar och registrering."
                                ),
                                "partners": ["Coompanion"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "ideell_forening",
                        "label": "Ideell förening",
                        "next": "finansiering",
                        "recommendations": [
                            {
                                "text": (
                                    "En ideell förening kan driva ett socialt företag, ofta när "
                                    "verksamheten växer fram ur en förening som redan finns. "
                                    "Överskottet går till föreningens ändamål, inte till "
                                    "medlemmarna. Fråga kommunens rådgivare eller Coompanion om "
                                    "formen passar det ni vill sälja."
                                ),
                                "partners": [
                                    "Kommunens rådgivning för sociala företag",
                                    "Coompanion",
                                ],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "stiftelse",
                        "label": "Stiftelse",
                        "next": "finansiering",
                        "recommendations": [
                            {
                                "text": (
                                    "En stiftelse har inga ägare eller medlemmar, utan förvaltar "
                                    "egendom för ett bestämt syfte. Därför behöver medarbetarnas "
                                    "delaktighet ordnas på annat sätt, till exempel genom skrivna "
                                    "avtal. Prata med kommunens rådgivare innan du väljer den här "
                                    "formen."
                                ),
                                "partners": ["Kommunens rådgivning för sociala företag"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "aktiebolag",
                        "label": "Aktiebolag, också med särskild vinstutdelningsbegränsning (svb)",
                        "next": "finansiering",
                        "recommendations": [
                            {
                                "text": (
                                    "Ett aktiebolag kan startas av en person och kräver ett "
                                    "aktiekapital. Ett aktiebolag med särskild "
                                    "vinstutdelningsbegränsning (svb) får bara dela ut en "
                                    "begränsad del av vinsten, vilket passar ett socialt företag "
                                    "som ska återinvestera sitt överskott. Start Up Stockholm kan "
                                    "hjälpa dig med budget och start."
                                ),
                                "partners": ["Start Up Stockholm"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "vet_inte",
                        "label": "Jag vet inte",
                        "next": "finansiering",
                        "recommendations": [
                            {
                                "text": (
                                    "Det är vanligt att inte veta än. De flesta sociala företag är "
                                    "ekonomiska föreningar, men det finns också ideella "
                                    "föreningar, stiftelser och aktiebolag; det viktiga är att "
                                    "vinsten i huvudsak går tillbaka till verksamheten. Coompanion "
                                    "och kommunens rådgivare hjälper dig att välja."
                                ),
                                "partners": [
                                    "Coompanion",
                                    "Kommunens rådgivning för sociala företag",
                                ],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                ],
            },
            {
                "key": "finansiering",
                "text": "Hur vill du finansiera starten?",
                "help_text": (
                    "Välj ett eller flera alternativ. Vi frågar för att kunna visa vem som kan "
                    "hjälpa dig med pengar och budget."
                ),
                "kind": "multiple",
                "choices": [
                    {
                        "value": "egna_medel",
                        "label": "Med egna pengar eller insatser från medlemmarna",
                        "next": "hjalp",
                        "recommendations": [
                            {
                                "text": (
                                    "Gör en enkel budget för det första året, så att du vet hur "
                                    "långt pengarna räcker. Start Up Stockholm har rådgivning om "
                                    "budget och finansiering."
                                ),
                                "partners": ["Start Up Stockholm"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "bidrag",
                        "label": (
                            "Med bidrag eller projektpengar, till exempel från Europeiska "
                            "socialfonden (ESF) eller ett samordningsförbund"
                        ),
                        "next": "hjalp",
                        "recommendations": [
                            {
                                "text": (
                                    "Samordningsförbunden finansierar rehabilitering och driver "
                                    "projekt med pengar från Europeiska socialfonden tillsammans "
                                    "med sociala företag. Fråga Samordningsförbundet Östra "
                                    "Södertörn om ni kan samarbeta, och be Coompanion om hjälp att "
                                    "söka pengar."
                                ),
                                "partners": ["Samordningsförbundet Östra Södertörn", "Coompanion"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "lan",
                        "label": "Med lån",
                        "next": "hjalp",
                        "recommendations": [
                            {
                                "text": (
                                    "Coompanion kan ge råd om finansiering för företag som drivs "
                                    "tillsammans med andra. Ta med affärsplan och budget när du "
                                    "kontaktar en bank eller någon annan som lånar ut pengar."
                                ),
                                "partners": ["Coompanion"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "vet_inte",
                        "label": "Jag vet inte än",
                        "next": "hjalp",
                        "recommendations": [
                            {
                                "text": (
                                    "Börja med att ta reda på vad starten kostar. Coompanion och "
                                    "Start Up Stockholm hjälper dig att göra en budget och se "
                                    "vilka sätt att finansiera den som finns."
                                ),
                                "partners": ["Coompanion", "Start Up Stockholm"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                ],
            },
            {
                "key": "hjalp",
                "text": "Vad behöver du hjälp med?",
                "help_text": (
                    "Välj allt som stämmer. Vi visar vilka organisationer som kan hjälpa dig med "
                    "just det."
                ),
                "kind": "multiple",
                "choices": [
                    {
                        "value": "affarsplan",
                        "label": "Affärsplan och budget",
                        "next": None,
                        "recommendations": [
                            {
                                "text": (
                                    "Start Up Stockholm ger kostnadsfri rådgivning om affärsidé "
                                    "och budget och finns på flera platser i kommunen under året. "
                                    "Se tider och platser på deras sida här på portalen, och ta "
                                    "med din idé på papper."
                                ),
                                "partners": ["Start Up Stockholm"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "juridik",
                        "label": "Juridisk form och stadgar",
                        "next": None,
                        "recommendations": [
                            {
                                "text": (
                                    "Coompanion hjälper dig att välja juridisk form och att skriva "
                                    "stadgar. Ta med en kort beskrivning av verksamheten och hur "
                                    "många ni är."
                                ),
                                "partners": ["Coompanion"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "medarbetare",
                        "label": "Hitta medarbetare, deltagare och remittenter",
                        "next": None,
                        "recommendations": [
                            {
                                "text": (
                                    "Sociala företag får ofta sina deltagare genom en remittent, "
                                    "till exempel Arbetsförmedlingen, Försäkringskassan, "
                                    "socialtjänsten eller ett samordningsförbund. Kontakta dem och "
                                    "berätta vad ni kan erbjuda, till exempel arbetsträning eller "
                                    "anställning med lönestöd. Kommunens rådgivare kan hjälpa dig "
                                    "att hitta rätt person."
                                ),
                                "partners": [
                                    "Arbetsförmedlingen",
                                    "Samordningsförbundet Östra Södertörn",
                                    "Kommunens rådgivning för sociala företag",
                                ],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "offentlig_sektor",
                        "label": "Sälja till kommunen och andra offentliga köpare",
                        "next": None,
                        "recommendations": [
                            {
                                "text": (
                                    "En offentlig köpare får reservera en upphandling för företag "
                                    "vars huvudsyfte är social och yrkesmässig integration, om "
                                    "minst 30 procent av de anställda har en funktionsnedsättning "
                                    "eller har svårt att komma in på arbetsmarknaden (LOU 4 kap. "
                                    "18 §). Skriv därför ner hur stor andel av era anställda det "
                                    "gäller. Fråga kommunens rådgivare hur kommunen använder "
                                    "reserverad upphandling."
                                ),
                                "partners": ["Kommunens rådgivning för sociala företag"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                    {
                        "value": "natverk",
                        "label": "Nätverk och kontakt med andra sociala företag",
                        "next": None,
                        "recommendations": [
                            {
                                "text": (
                                    "Famna samlar idéburna organisationer inom vård och social "
                                    "omsorg, och ledde projektet Kugghjulet för sociala företag i "
                                    "länet till och med 2020. Kommunens rådgivare känner företagen "
                                    "i katalogen och kan hjälpa dig att ta kontakt med dem."
                                ),
                                "partners": ["Famna", "Kommunens rådgivning för sociala företag"],
                                "offering_kind": "",
                                "industry": "",
                                "area": "",
                            },
                        ],
                    },
                ],
            },
        ],
    },
]


# The easy-to-read wording (lättläst) of the flows above, by flow slug and
# question key: the question, its hint, and the choices by value. A choice not
# listed keeps its ordinary label (place names are already easy).
EASY_WORDING = {
    "jobba": {
        "intro": (
            "Här svarar du på sex frågor. Sedan får du veta vem som kan hjälpa dig. "
            "Du får också se företag som kan passa dig.\n\n"
            "Det tar ungefär två minuter."
        ),
        "situation": (
            "Vilket stämmer för dig?",
            "Ditt svar visar vem som kan hjälpa dig att få en plats.",
            {
                "arbetsformedlingen": "Jag får hjälp av Arbetsförmedlingen.",
                "forsakringskassan": "Jag är sjuk och får pengar från Försäkringskassan.",
                "socialtjansten": "Jag får pengar eller annan hjälp från socialtjänsten.",
                "inget": "Inget av det här.",
            },
        ),
        "soker": (
            "Vad vill du göra?",
            "Du kan välja fler än ett svar. Vi visar företag där du kan göra det du vill.",
            {
                "anstallning": "Ha ett jobb med lön",
                "arbetstraning": "Träna på att jobba",
                "arbetsprovning": "Prova om ett jobb passar mig",
                "praktik": "Vara på ett jobb en tid och lära mig",
                "rehabilitering": "Komma tillbaka till jobb när jag har varit sjuk",
                "sysselsattning": "Ha något att göra på dagarna",
                "vet_inte": "Jag vet inte än",
            },
        ),
        "bransch": (
            "Vad vill du jobba med?",
            "Välj det som du tycker verkar roligast. Vi visar företag som gör det. "
            "Vet du inte? Då kan du välja det.",
            {
                "cafe": "Kafé och mat",
                "stad": "Städa",
                "tradgard": "Trädgård och parker",
                "aterbruk": "Sälja saker som andra har använt",
                "snickeri": "Bygga saker av trä",
                "cykel": "Laga cyklar",
                "kontor": "Kontor och datorer",
                "djur": "Djur och natur",
                "vet_inte": "Jag vet inte än",
            },
        ),
        "sprak": (
            "Vilket språk vill du prata med din handledare?",
            "Handledaren visar dig jobbet och hjälper dig.",
            {
                "svenska": "Jag vill prata svenska.",
                "engelska": "Jag vill prata engelska.",
                "arabiska": "Jag vill prata arabiska.",
                "somaliska": "Jag vill prata somaliska.",
                "persiska": "Jag vill prata persiska.",
                "tigrinja": "Jag vill prata tigrinja.",
                "teckensprak": "Jag vill prata med tecken.",
                "spelar_ingen_roll": "Det spelar ingen roll för mig.",
            },
        ),
        "tillganglighet": (
            "Vad behöver du på jobbet?",
            "Du kan välja fler än ett svar. Då visar vi bara företag som har det.",
            {
                "trappfri_entre": "Jag kan gå in utan trappor",
                "hiss": "Det finns en hiss",
                "toalett": "En toalett som jag kan använda",
                "horslinga": "En hörslinga, som hjälper mig att höra",
                "lugn": "Ett lugnt ställe, med lite ljud",
                "kollektivtrafik": "Det är nära till en buss eller ett tåg",
                "inget": "Jag behöver inget av det här",
            },
        ),
        "omrade": (
            "Var vill du jobba?",
            "Vi visar företag i den del av kommunen som du väljer. "
            "Vill du se alla företag? Välj då Det spelar ingen roll.",
            {
                "tyreso": "Tyresö, en kommun nära oss",
                "nynashamn": "Nynäshamn, en kommun nära oss",
                "spelar_ingen_roll": "Det spelar ingen roll",
            },
        ),
    },
    "starta": {
        "intro": (
            "Här svarar du på några frågor om din idé. Sedan får du veta vad du kan göra nu. "
            "Du får också veta vem som kan hjälpa dig.\n\n"
            "Det tar ungefär två minuter."
        ),
        "fas": (
            "Hur långt har du kommit?",
            "Ditt svar hjälper oss att ge dig rätt råd.",
            {
                "ide": "Jag har en idé.",
                "plan": "Jag har en plan och vill börja nu.",
                "befintlig": "Jag har redan ett företag eller en förening.",
            },
        ),
        "bransch": (
            "Vad ska företaget göra?",
            "Välj det som liknar din idé mest. Vi visar företag som redan gör det.",
            {
                "cafe": "Mat och kafé",
                "stad": "Städa",
                "tradgard": "Sköta växter och parker",
                "aterbruk": "Sälja saker som andra har haft",
                "snickeri": "Bygga saker av trä",
                "cykel": "Laga cyklar",
                "kontor": "Kontor och datorer",
                "djur": "Djur och natur",
                "annat": "Något annat",
                "vet_inte": "Jag vet inte än",
            },
        ),
        "grupp": (
            "Vill du starta själv eller med andra?",
            "Hur många ni är spelar roll. Det styr vilken sorts företag ni kan ha.",
            {
                "sjalv": "Jag vill starta själv.",
                "grupp": "Vi är flera som vill starta.",
            },
        ),
        "form": (
            "Vilken sorts företag vill du ha?",
            "Det finns olika sorters företag och föreningar. De har olika regler om vem som "
            "äger och vem som får pengarna. Vet du inte? Välj då Jag vet inte.",
            {
                "ekonomisk_forening": "En förening där alla äger företaget ihop",
                "ideell_forening": "En förening som inte ska tjäna pengar åt någon",
                "stiftelse": "En stiftelse, som har pengar för ett visst mål",
                "aktiebolag": "Ett aktiebolag, som har ägare",
                "vet_inte": "Jag vet inte",
            },
        ),
        "finansiering": (
            "Var ska du få pengar till starten?",
            "Du kan välja fler än ett svar. Vi visar vem som kan hjälpa dig med pengar.",
            {
                "egna_medel": "Jag har egna pengar, eller så hjälps vi åt",
                "bidrag": "Vi söker pengar som vi inte ska betala tillbaka",
                "lan": "Vi lånar pengar",
                "vet_inte": "Jag vet inte än",
            },
        ),
        "hjalp": (
            "Vad vill du ha hjälp med?",
            "Du kan välja fler än ett svar. Vi visar vem som kan hjälpa dig med det.",
            {
                "affarsplan": "Göra en plan för företaget och för pengarna",
                "juridik": "Välja sorts företag och skriva regler",
                "medarbetare": "Hitta folk som vill jobba hos oss",
                "offentlig_sektor": "Sälja till kommunen",
                "natverk": "Träffa andra sociala företag",
            },
        ),
    },
}


# The easy-to-read wording of the result pages: the intro, and each
# recommendation's step by (question key, choice value), in order.
LANGUAGE_STEP_EASY = (
    "Säg till din handläggare vilket språk du vill prata på jobbet. "
    "Vi visar först de företag där man kan det."
)
ACCESS_STEP_EASY = (
    "Fråga företaget om det har det du behöver. Be att få hälsa på först. "
    "Vi visar bara företag som har det."
)
TRADE_STEP_EASY = "Prata med ett socialt företag som gör det du vill göra. Fråga hur de började."
AREAS = ["Centrum", "Norrby", "Söderdal", "Västerhöjden", "Ekbacken", "Sjöstaden", "Tyresö"]
AREAS += ["Nynäshamn"]
AREA_VALUES = ["centrum", "norrby", "soderdal", "vasterhojden", "ekbacken", "sjostaden"]
AREA_VALUES += ["tyreso", "nynashamn"]

EASY_RESULTS = {
    "jobba": {
        "result_intro": "Här ser du vad du kan göra nu. Du ser också vem som kan hjälpa dig.",
        "steps": {
            ("situation", "arbetsformedlingen"): [
                "Prata med din handläggare på Arbetsförmedlingen. Säg att du vill jobba på "
                "ett socialt företag. Ta med namnet på ett företag som du gillar."
            ],
            ("situation", "forsakringskassan"): [
                "Prata med din handläggare på Försäkringskassan. Fråga om du kan börja på ett "
                "socialt företag. Där får du jobba i din egen takt."
            ],
            ("situation", "socialtjansten"): [
                "Prata med din handläggare på socialtjänsten. Säg att du vill jobba på ett "
                "socialt företag. Kommunen kan hjälpa er att hitta ett."
            ],
            ("situation", "inget"): [
                "Du kan ringa eller skriva till kommunen. Vi berättar vad du kan göra. "
                "Du kan också ringa ett företag själv.",
                "Har du inget jobb? Då kan du skriva in dig på Arbetsförmedlingen. "
                "De kan hjälpa dig att få ett jobb.",
            ],
            ("soker", "anstallning"): [
                "Ett jobb ger dig lön. Ofta får företaget pengar från Arbetsförmedlingen när "
                "du börjar. Fråga din handläggare om det."
            ],
            ("soker", "arbetstraning"): [
                "Här tränar du på att jobba, i din egen takt. En handledare hjälper dig. "
                "Du får ingen lön. Fråga din handläggare vilka pengar du får."
            ],
            ("soker", "arbetsprovning"): [
                "Här provar du olika jobb en kort tid. Sedan vet du vad du kan och vad du gillar."
            ],
            ("soker", "praktik"): [
                "På en praktik lär du dig ett jobb. Den är några veckor eller månader. "
                "Fråga din handläggare hur du får en."
            ],
            ("soker", "rehabilitering"): [
                "Har du varit sjuk? Då kan du få hjälp att komma tillbaka till jobb. "
                "Fråga din handläggare."
            ],
            ("soker", "sysselsattning"): [
                "Här får du saker att göra varje dag. Du behöver inte klara ett helt jobb. "
                "Fråga din handläggare på socialtjänsten."
            ],
            ("soker", "vet_inte"): [
                "Det gör inget. Kommunen eller din handläggare kan hjälpa dig att välja."
            ],
            ("bransch", "cafe"): [
                "På ett kafé lär du dig att baka, laga mat och ta betalt. "
                "Fråga om du kan gå en kurs om hur man hanterar mat."
            ],
            ("bransch", "stad"): [
                "När du städar jobbar du ofta i en liten grupp. Du lär dig att städa på rätt sätt."
            ],
            ("bransch", "tradgard"): [
                "Här är du mest ute och sköter växter. Säg till om du inte kan lyfta tungt."
            ],
            ("bransch", "aterbruk"): [
                "I en butik med saker som andra har haft finns mycket att göra. "
                "Du kan sortera, sälja eller laga saker."
            ],
            ("bransch", "snickeri"): [
                "Här lär du dig att bygga saker av trä. En handledare hjälper dig."
            ],
            ("bransch", "cykel"): ["Här lär du dig att laga cyklar. Du möter också kunder."],
            ("bransch", "kontor"): [
                "På ett kontor jobbar du med papper och datorer. "
                "Det passar dig som gillar att vara noga."
            ],
            ("bransch", "djur"): [
                "Här tar du hand om djur eller natur. Säg till om du är allergisk."
            ],
            ("bransch", "vet_inte"): [
                "Titta på företagen i listan. Du kan be att få hälsa på innan du väljer."
            ],
            **{
                ("omrade", value): [
                    f"Ring eller mejla ett företag i {area}. Fråga om det finns plats för dig."
                ]
                for value, area in zip(AREA_VALUES, AREAS, strict=True)
            },
            ("omrade", "spelar_ingen_roll"): [
                "Titta på alla företag. Tänk på hur långt du orkar åka varje dag."
            ],
            **{
                ("sprak", value): [LANGUAGE_STEP_EASY]
                for value in (
                    "svenska",
                    "engelska",
                    "arabiska",
                    "somaliska",
                    "persiska",
                    "tigrinja",
                    "teckensprak",
                )
            },
            **{
                ("tillganglighet", value): [ACCESS_STEP_EASY]
                for value in (
                    "trappfri_entre",
                    "hiss",
                    "toalett",
                    "horslinga",
                    "lugn",
                    "kollektivtrafik",
                )
            },
        },
    },
    "starta": {
        "result_intro": "Här ser du vad du kan göra nu. Du ser också vem som kan hjälpa dig.",
        "steps": {
            ("fas", "ide"): [
                "Prata med någon som kan hjälpa dig. Start Up Stockholm och Coompanion ger "
                "gratis råd. Skriv ner din idé och ta med den."
            ],
            ("fas", "plan"): [
                "Boka en tid hos Coompanion. Eller prata med en rådgivare på kommunen. "
                "Ta med din plan. "
                "Ta också med vad det kostar att starta."
            ],
            ("fas", "befintlig"): [
                "Ett socialt företag ska ge jobb till folk som har svårt att få jobb. "
                "De som jobbar ska få vara med och bestämma. Vinsten ska stanna i företaget. "
                "Företaget ska inte höra till kommunen. Kommunen kan gå igenom det med er."
            ],
            **{("bransch", value): [TRADE_STEP_EASY] for value, _l, _i in TRADES},
            ("grupp", "sjalv"): [
                "Du kan starta ett företag själv. Till en förening behövs minst tre personer. "
                "Start Up Stockholm kan hjälpa dig."
            ],
            ("grupp", "grupp"): [
                "En grupp kan starta en förening. Då äger alla företaget ihop och bestämmer "
                "ihop. Ni måste vara minst tre. Coompanion kan hjälpa er."
            ],
            ("form", "ekonomisk_forening"): [
                "De flesta sociala företag är en sådan förening. Ni måste vara minst tre. "
                "Alla kan vara med och bestämma. Coompanion kan hjälpa er att starta."
            ],
            ("form", "ideell_forening"): [
                "En sådan förening ska inte tjäna pengar åt någon. Pengar som blir över går "
                "till det som föreningen vill göra. Fråga kommunen eller Coompanion om den "
                "passar er."
            ],
            ("form", "stiftelse"): [
                "En stiftelse har inga ägare. Den har pengar för ett visst mål. "
                "Prata med kommunen innan ni väljer den."
            ],
            ("form", "aktiebolag"): [
                "Ett aktiebolag kan en person starta. Det behövs pengar för att starta det. "
                "I en sorts aktiebolag får ägarna bara ta ut lite av vinsten. "
                "Den sorten passar ett socialt företag."
            ],
            ("form", "vet_inte"): [
                "Det är vanligt att inte veta. Det viktiga är att vinsten stannar i "
                "företaget. Coompanion och kommunen hjälper dig att välja."
            ],
            ("finansiering", "egna_medel"): [
                "Skriv ner vad det kostar det första året. Då vet du hur länge pengarna räcker. "
                "Start Up Stockholm kan hjälpa dig."
            ],
            ("finansiering", "bidrag"): [
                "Det finns pengar att söka för att hjälpa folk till jobb. Fråga "
                "Samordningsförbundet om ni kan jobba ihop. Coompanion kan hjälpa er att söka."
            ],
            ("finansiering", "lan"): [
                "Coompanion ger råd om pengar. Ta med er plan och vad det kostar när ni "
                "pratar med en bank."
            ],
            ("finansiering", "vet_inte"): [
                "Ta först reda på vad det kostar att starta. Coompanion och Start Up "
                "Stockholm kan hjälpa dig."
            ],
            ("hjalp", "affarsplan"): [
                "Start Up Stockholm ger gratis råd om din idé och om pengar. De finns på flera "
                "ställen i kommunen. Se tider på deras sida."
            ],
            ("hjalp", "juridik"): [
                "Coompanion hjälper dig att välja sorts företag. De hjälper dig också att "
                "skriva regler."
            ],
            ("hjalp", "medarbetare"): [
                "Folk som ska jobba hos er kommer ofta genom till exempel Arbetsförmedlingen "
                "eller socialtjänsten. Berätta för dem vad ni kan ge. Kommunen kan hjälpa dig "
                "att hitta rätt person."
            ],
            ("hjalp", "offentlig_sektor"): [
                "Kommunen kan köpa saker bara från sociala företag. Då måste minst tre av tio "
                "som jobbar hos er ha svårt att få jobb. Skriv ner hur många det är hos er. "
                "Fråga kommunen hur det går till."
            ],
            ("hjalp", "natverk"): [
                "Kommunen känner företagen i listan. Vi kan hjälpa dig att träffa dem. "
                "Famna är en grupp för sådana företag."
            ],
        },
    },
}
