"""Demo policy pages: one per part of the municipality's source policy document.

Written in our own words from the document's facts (names, dates, amounts).
Each page lists its published revisions oldest first; the last is the current text.
"""

import datetime

POLICY_PAGES = [
    {
        "slug": "kommunens-policy",
        "title": "Kommunens policy för arbetsintegrerande sociala företag",
        "issuer": "kommunen",
        "summary": (
            "Kommunen vill att fler arbetsintegrerande sociala företag startar och växer. "
            "Vi ger råd till dig som vill jobba på ett socialt företag eller starta ett."
        ),
        "valid_from": None,
        "last_reviewed": datetime.date(2026, 10, 15),
        "menu_order": 10,
        "revisions": [
            {
                "published_on": datetime.date(2025, 2, 10),
                "change_summary": "Första versionen.",
                "body": """## Kommunen stöttar sociala företag

Kommunen vill att fler arbetsintegrerande sociala företag (ASF) startar och växer.
Ett ASF säljer varor eller tjänster.
Företagets viktigaste uppgift är att ge jobb åt människor som har svårt att få
eller behålla ett arbete.

Vi ger råd till dig som vill jobba på ett socialt företag.
Vi hjälper också dig som vill starta ett.
Du kan också få stöd hos Coompanion och Start Up Stockholm.

## Varför kommunen gör det här

Alla ska kunna vara med i arbetslivet efter sin egen förmåga och sina egna intressen.
Ett arbete är bra både för dig och för kommunen:

- Du mår ofta bättre när du har ett arbete.
- Kommunen får in mer skatt.
- Färre behöver försörjningsstöd.

## Vad ett socialt företag kan ge dig

Ett socialt företag anpassar arbetet efter dig.
Du får vara med och påverka.
Därför kan det vara en bra väg in för vissa grupper.
Det gäller till exempel dig som har svårt att få ett jobb på den vanliga arbetsmarknaden.
Det gäller också dig som har svårt att stanna kvar i ett jobb.
Ofta kan det bli en anställning som varar länge.""",
            },
            {
                "published_on": datetime.date(2025, 9, 1),
                "change_summary": "La till avsnittet Så hjälper vi dig, med länkar.",
                "body": """## Kommunen stöttar sociala företag

Kommunen vill att fler arbetsintegrerande sociala företag (ASF) startar och växer.
Ett ASF säljer varor eller tjänster.
Företagets viktigaste uppgift är att ge jobb åt människor som har svårt att få
eller behålla ett arbete.

Vi ger råd till dig som vill jobba på ett socialt företag.
Vi hjälper också dig som vill starta ett.

## Varför kommunen gör det här

Alla ska kunna vara med i arbetslivet efter sin egen förmåga och sina egna intressen.
Ett arbete är bra både för dig och för kommunen:

- Du mår ofta bättre när du har ett arbete.
- Kommunen får in mer skatt.
- Färre behöver försörjningsstöd.

## Vad ett socialt företag kan ge dig

Ett socialt företag anpassar arbetet efter dig.
Du får vara med och påverka.
Därför kan det vara en bra väg in för vissa grupper.
Det gäller till exempel dig som har svårt att få ett jobb på den vanliga arbetsmarknaden.
Det gäller också dig som har svårt att stanna kvar i ett jobb.
Ofta kan det bli en anställning som varar länge.

## Så hjälper vi dig

- Kommunens rådgivare svarar på dina frågor och hjälper dig med nästa steg.
- Coompanion och Start Up Stockholm ger också stöd.
  Det gäller både dig som vill jobba på ett socialt företag och dig som vill starta ett.
- Start Up Stockholm ska finnas på flera platser i kommunen.
- Kommunen arbetar för att fler sociala företag ska kunna utvecklas.

Vill du hitta ett socialt företag? [Sök bland företagen](/foretag/).
Läs mer om våra [samarbetspartner](/partner/).""",
            },
            {
                "published_on": datetime.date(2026, 5, 12),
                "change_summary": (
                    "Förklarade ordet försörjningsstöd och la till en länk för att kontakta "
                    "en rådgivare."
                ),
                "body": """## Kommunen stöttar sociala företag

Kommunen vill att fler arbetsintegrerande sociala företag (ASF) startar och växer.
Ett ASF säljer varor eller tjänster.
Företagets viktigaste uppgift är att ge jobb åt människor som har svårt att få
eller behålla ett arbete.

Vi ger råd till dig som vill jobba på ett socialt företag.
Vi hjälper också dig som vill starta ett.

## Varför kommunen gör det här

Alla ska kunna vara med i arbetslivet efter sin egen förmåga och sina egna intressen.
Ett arbete är bra både för dig och för kommunen:

- Du mår ofta bättre när du har ett arbete.
- Kommunen får in mer skatt.
- Färre behöver försörjningsstöd.
  Det är pengar från socialtjänsten till dig som inte kan försörja dig själv.

## Vad ett socialt företag kan ge dig

Ett socialt företag anpassar arbetet efter dig.
Du får vara med och påverka.
Därför kan det vara en bra väg in för vissa grupper.
Det gäller till exempel dig som har svårt att få ett jobb på den vanliga arbetsmarknaden.
Det gäller också dig som har svårt att stanna kvar i ett jobb.
Ofta kan det bli en anställning som varar länge.

## Så hjälper vi dig

- Kommunens rådgivare svarar på dina frågor och hjälper dig med nästa steg.
- Coompanion och Start Up Stockholm ger också stöd.
  Det gäller både dig som vill jobba på ett socialt företag och dig som vill starta ett.
- Start Up Stockholm ska finnas på flera platser i kommunen.
- Kommunen arbetar för att fler sociala företag ska kunna utvecklas.

Vill du hitta ett socialt företag? [Sök bland företagen](/foretag/).
Läs mer om våra [samarbetspartner](/partner/).
Har du frågor? [Prata med en rådgivare](/kontakt/).""",
            },
        ],
    },
    {
        "slug": "regeringens-handlingsplan",
        "title": "Regeringens handlingsplan för arbetsintegrerande sociala företag",
        "issuer": "regeringen",
        "summary": (
            "Den 22 april 2010 fick Sverige en handlingsplan för sociala företag. Regeringen "
            "beslutade om den. Flera myndigheter och SKR samarbetar utifrån planen."
        ),
        "valid_from": datetime.date(2010, 4, 22),
        "last_reviewed": datetime.date(2026, 9, 30),
        "menu_order": 20,
        "revisions": [
            {
                "published_on": datetime.date(2024, 11, 20),
                "change_summary": "Första versionen.",
                "body": """## En handlingsplan från 2010

Regeringen tog ett beslut den 22 april 2010.
Då fick Sverige en handlingsplan för arbetsintegrerande socialt företagande.
Planen handlar om företag som ger jobb åt människor som har svårt att komma in på
arbetsmarknaden.
Den blev en grund för hur myndigheter arbetar tillsammans med sociala företag.

## Varför myndigheterna samarbetar

Samarbetet bygger på två saker:

- Ett uppdrag från regeringen.
  Uppdraget gick ut på att ta reda på mer om vad sociala företag kan betyda för rehabilitering
  och sysselsättning.
- Regeringens handlingsplan från april 2010.

Rehabilitering betyder här stöd som gör att du kan börja arbeta, till exempel efter en lång
sjukskrivning.
Sysselsättning betyder att du har ett arbete eller något annat meningsfullt att göra på dagarna.

## Vilka som samarbetar

Bland dem som samarbetar finns:

- Arbetsförmedlingen
- Försäkringskassan
- Tillväxtverket
- Socialstyrelsen
- Sveriges Kommuner och Landsting (SKL)

De samarbetar i frågor som rör rehabilitering, sysselsättning och sociala företag.

[Sök bland företagen](/foretag/)""",
            },
            {
                "published_on": datetime.date(2025, 6, 3),
                "change_summary": "La till avsnittet om vad som räknas som ett socialt företag.",
                "body": """## En handlingsplan från 2010

Regeringen tog ett beslut den 22 april 2010.
Då fick Sverige en handlingsplan för arbetsintegrerande socialt företagande.
Planen handlar om företag som ger jobb åt människor som har svårt att komma in på
arbetsmarknaden.
Den blev en grund för hur myndigheter arbetar tillsammans med sociala företag.

## Varför myndigheterna samarbetar

Samarbetet bygger på två saker:

- Ett uppdrag från regeringen.
  Uppdraget gick ut på att ta reda på mer om vad sociala företag kan betyda för rehabilitering
  och sysselsättning.
- Regeringens handlingsplan från april 2010.

Rehabilitering betyder här stöd som gör att du kan börja arbeta, till exempel efter en lång
sjukskrivning.
Sysselsättning betyder att du har ett arbete eller något annat meningsfullt att göra på dagarna.

## Vilka som samarbetar

Bland dem som samarbetar finns:

- Arbetsförmedlingen
- Försäkringskassan
- Tillväxtverket
- Socialstyrelsen
- Sveriges Kommuner och Landsting (SKL)

De samarbetar i frågor som rör rehabilitering, sysselsättning och sociala företag.

## Vad som räknas som ett socialt företag

Tillväxtverket har beskrivit vad ett arbetsintegrerande socialt företag är.
Beskrivningen bygger på handlingsplanen.
Ett sådant företag säljer varor eller tjänster.
Dessutom gäller att företaget:

- främst finns till för att hjälpa människor som har mycket svårt att få eller behålla ett jobb
- låter de anställda vara med och bestämma, till exempel som delägare eller genom avtal
- mest använder vinsten till att utveckla den egna eller liknande verksamhet
- står fritt från kommuner, regioner och staten

[Sök bland företagen](/foretag/)""",
            },
            {
                "published_on": datetime.date(2026, 2, 17),
                "change_summary": "Uppdaterade namnet till SKR.",
                "body": """## En handlingsplan från 2010

Regeringen tog ett beslut den 22 april 2010.
Då fick Sverige en handlingsplan för arbetsintegrerande socialt företagande.
Planen handlar om företag som ger jobb åt människor som har svårt att komma in på
arbetsmarknaden.
Den blev en grund för hur myndigheter arbetar tillsammans med sociala företag.

## Varför myndigheterna samarbetar

Samarbetet bygger på två saker:

- Ett uppdrag från regeringen.
  Uppdraget gick ut på att ta reda på mer om vad sociala företag kan betyda för rehabilitering
  och sysselsättning.
- Regeringens handlingsplan från april 2010.

Rehabilitering betyder här stöd som gör att du kan börja arbeta, till exempel efter en lång
sjukskrivning.
Sysselsättning betyder att du har ett arbete eller något annat meningsfullt att göra på dagarna.

## Vilka som samarbetar

Bland dem som samarbetar finns:

- Arbetsförmedlingen
- Försäkringskassan
- Tillväxtverket
- Socialstyrelsen
- Sveriges Kommuner och Regioner (SKR).
  Fram till 2019 hette organisationen Sveriges Kommuner och Landsting (SKL).

De samarbetar i frågor som rör rehabilitering, sysselsättning och sociala företag.

## Vad som räknas som ett socialt företag

Tillväxtverket har beskrivit vad ett arbetsintegrerande socialt företag är.
Beskrivningen bygger på handlingsplanen.
Ett sådant företag säljer varor eller tjänster.
Dessutom gäller att företaget:

- främst finns till för att hjälpa människor som har mycket svårt att få eller behålla ett jobb
- låter de anställda vara med och bestämma, till exempel som delägare eller genom avtal
- mest använder vinsten till att utveckla den egna eller liknande verksamhet
- står fritt från kommuner, regioner och staten

[Sök bland företagen](/foretag/)""",
            },
        ],
    },
    {
        "slug": "skr",
        "title": "SKR:s syn på sociala företag",
        "issuer": "skr",
        "summary": (
            "Sveriges Kommuner och Regioner (SKR) ser sociala företag och samhällsentreprenörer "
            "som viktiga för samhället. SKR vill att kunskapen om dem ska öka."
        ),
        "valid_from": None,
        "last_reviewed": datetime.date(2026, 8, 20),
        "menu_order": 30,
        "revisions": [
            {
                "published_on": datetime.date(2025, 1, 28),
                "change_summary": "Första versionen.",
                "body": """## Sociala företag fyller luckor

Sveriges Kommuner och Landsting (SKL) ser sociala företag som viktiga för samhället.
Det gäller också samhällsentreprenörer och deras nätverk.
En samhällsentreprenör är en person eller grupp som startar något nytt för att lösa ett
problem i samhället.

De här aktörerna:

- tar hand om behov som varken det offentliga eller näringslivet möter
- försöker rätta till det som inte fungerar, ofta på nya sätt
- satsar på dem som har långt till arbetsmarknaden, både i städer och på landsbygden
- bygger nätverk mellan föreningar, företag och offentlig sektor

Det kan handla om allt från självhjälpsgrupper och kulturevenemang till hjälp efter en
naturkatastrof.

Även idéburna organisationer startar sociala företag.
En idéburen organisation drivs av en idé och inte för att ge vinst till ägare.
Ett arbetsintegrerande socialt företag startas främst för att ge jobb åt grupper som har
svårt att få arbete.

## Vad SKL tycker

Samhället förändras.
Sociala företag kan visa nya sätt att arbeta och lösa problem.
Vill en kommun, ett landsting eller en region ge plats åt dem?
Då behöver den vara öppen för nya idéer.
Det gäller även idéer som är helt annorlunda.
Den behöver också erkänna det arbete som sociala företag gör.

SKL anser att vi behöver veta mer om:

- socialt företagande, samhällsentreprenörer och deras nätverk
- hur olika aktörer kan samarbeta bra
- hur nya lösningar kan göra nytta lokalt och regionalt""",
            },
            {
                "published_on": datetime.date(2026, 3, 9),
                "change_summary": "Uppdaterade namnet till SKR och förklarade namnbytet.",
                "body": """## Om SKR

Sveriges Kommuner och Regioner (SKR) är en organisation för Sveriges kommuner och regioner.
Fram till 2019 hette den Sveriges Kommuner och Landsting (SKL).
Ståndpunkten på den här sidan skrevs när organisationen hette SKL.

## Sociala företag fyller luckor

SKR ser sociala företag som viktiga för samhället.
Det gäller också samhällsentreprenörer och deras nätverk.
En samhällsentreprenör är en person eller grupp som startar något nytt för att lösa ett
problem i samhället.

De här aktörerna:

- tar hand om behov som varken det offentliga eller näringslivet möter
- försöker rätta till det som inte fungerar, ofta på nya sätt
- satsar på dem som har långt till arbetsmarknaden, både i städer och på landsbygden
- bygger nätverk mellan föreningar, företag och offentlig sektor

Det kan handla om allt från självhjälpsgrupper och kulturevenemang till hjälp efter en
naturkatastrof.

Även idéburna organisationer startar sociala företag.
En idéburen organisation drivs av en idé och inte för att ge vinst till ägare.
Ett arbetsintegrerande socialt företag startas främst för att ge jobb åt grupper som har
svårt att få arbete.

## Vad SKR tycker

Samhället förändras.
Sociala företag kan visa nya sätt att arbeta och lösa problem.
Vill en kommun eller en region ge plats åt dem?
Då behöver den vara öppen för nya idéer.
Det gäller även idéer som är helt annorlunda.
Den behöver också erkänna det arbete som sociala företag gör.

SKR anser att vi behöver veta mer om:

- socialt företagande, samhällsentreprenörer och deras nätverk
- hur olika aktörer kan samarbeta bra
- hur nya lösningar kan göra nytta lokalt och regionalt""",
            },
        ],
    },
    {
        "slug": "arbetsformedlingen",
        "title": "Arbetsförmedlingens handlingsplan för sociala företag",
        "issuer": "arbetsformedlingen",
        "summary": (
            "Arbetsförmedlingen vill att det ska finnas fler sociala företag och fler anställda "
            "i dem. Arbetet utgår från en handlingsplan som myndigheten beslutade 2014."
        ),
        "valid_from": None,
        "last_reviewed": datetime.date(2026, 10, 1),
        "menu_order": 40,
        "revisions": [
            {
                "published_on": datetime.date(2025, 3, 4),
                "change_summary": "Första versionen.",
                "body": """## Arbetsförmedlingens mål

Arbetsförmedlingen vill bidra till att det blir fler arbetsintegrerande sociala företag (ASF).
Myndigheten vill också att fler personer får jobb i dem.

Ett socialt företag kan ge dig olika sorters stöd:

- arbete
- rehabilitering, alltså stöd för att du ska kunna komma tillbaka till arbetslivet
- arbetsprövning, där du prövar hur ett visst arbete fungerar för dig
- arbetsträning, där du tränar på att arbeta i din egen takt

## Handlingsplanen från 2014

Under 2014 beslutade Arbetsförmedlingens generaldirektör om en handlingsplan.
Generaldirektören är myndighetens högsta chef.
Planen beskriver hur Arbetsförmedlingen ska fortsätta arbeta med sociala företag.

Planen har åtta punkter.
Punkterna handlar om hur myndigheten ska stödja sociala företag så att de kan utvecklas.

Planen håller på att arbetas om, men den gäller fortfarande.

## Så kan du få stöd

Många sociala företag tar emot personer som Arbetsförmedlingen skickar dit.
I katalogen ser du vilka företag som gör det.

[Sök bland företagen](/foretag/)""",
            },
            {
                "published_on": datetime.date(2026, 4, 22),
                "change_summary": (
                    "Förtydligade att uppgiften om omarbetningen kommer från ett äldre dokument."
                ),
                "body": """## Arbetsförmedlingens mål

Arbetsförmedlingen vill bidra till att det blir fler arbetsintegrerande sociala företag (ASF).
Myndigheten vill också att fler personer får jobb i dem.

Ett socialt företag kan ge dig olika sorters stöd:

- arbete
- rehabilitering, alltså stöd för att du ska kunna komma tillbaka till arbetslivet
- arbetsprövning, där du prövar hur ett visst arbete fungerar för dig
- arbetsträning, där du tränar på att arbeta i din egen takt

## Handlingsplanen från 2014

Under 2014 beslutade Arbetsförmedlingens generaldirektör om en handlingsplan.
Generaldirektören är myndighetens högsta chef.
Planen beskriver hur Arbetsförmedlingen ska fortsätta arbeta med sociala företag.

Planen har åtta punkter.
Punkterna handlar om hur myndigheten ska stödja sociala företag så att de kan utvecklas.

## Gäller planen fortfarande?

När kommunen skrev sitt policydokument höll Arbetsförmedlingen på att arbeta om planen.
Planen från 2014 gällde ändå under tiden.
Kontakta Arbetsförmedlingen om du vill veta vilken plan som gäller i dag.

## Så kan du få stöd

Många sociala företag tar emot personer som Arbetsförmedlingen skickar dit.
I katalogen ser du vilka företag som gör det.

[Sök bland företagen](/foretag/)""",
            },
        ],
    },
    {
        "slug": "forsakringskassan",
        "title": "Försäkringskassans arbete med sociala företag",
        "issuer": "forsakringskassan",
        "summary": (
            "Försäkringskassan ser sociala företag som en ny väg till rehabilitering och arbete. "
            "Myndigheten har arbetat med dem i bland annat Resa-projektet och Europeiska "
            "socialfonden."
        ),
        "valid_from": None,
        "last_reviewed": datetime.date(2026, 10, 8),
        "menu_order": 50,
        "revisions": [
            {
                "published_on": datetime.date(2025, 4, 15),
                "change_summary": "Första versionen.",
                "body": """## Fler vägar till arbete

Det finns för få jobb för människor som har långt till arbetsmarknaden.
Därför behöver arbetsmarknaden bli bredare.
Det behövs också fler sätt att få rehabilitering och komma i arbete.
Så ser Försäkringskassan på saken.

## Därför passar sociala företag

Ett arbetsintegrerande socialt företag (ASF) vill ge just de här personerna en plats i
arbetslivet.

- Många av företagen är experter på rehabilitering som leder till arbete.
- De kan forma arbetsuppgifterna efter dina behov.
- Du ska få vara med och bestämma. Det kallas ofta empowerment.
  Du kan till exempel vara med och fatta beslut eller äga en del av företaget.

## Olika former av företag

Oftast är ett socialt företag en ekonomisk förening som drivs som ett kooperativ.
Andra former är:

- en ideell förening
- en stiftelse
- ett aktiebolag

Sverige har i dag drygt 200 sådana företag.
Regeringen arbetar på flera sätt för att fler ska starta och växa.

## Försäkringskassans projekt

Försäkringskassan arbetar med sociala företag på flera sätt, till exempel:

- i Resa-projektet
- med Europeiska socialfonden (ESF)""",
            },
            {
                "published_on": datetime.date(2026, 6, 10),
                "change_summary": (
                    "Skrev antalet företag i dåtid och förklarade orden kooperativ och ESF."
                ),
                "body": """## Fler vägar till arbete

Det finns för få jobb för människor som har långt till arbetsmarknaden.
Därför behöver arbetsmarknaden bli bredare.
Det behövs också fler sätt att få rehabilitering och komma i arbete.
Så ser Försäkringskassan på saken.

## Därför passar sociala företag

Ett arbetsintegrerande socialt företag (ASF) vill ge just de här personerna en plats i
arbetslivet.

- Många av företagen är experter på rehabilitering som leder till arbete.
- De kan forma arbetsuppgifterna efter dina behov.
- Du ska få vara med och bestämma. Det kallas ofta empowerment.
  Du kan till exempel vara med och fatta beslut eller äga en del av företaget.

## Olika former av företag

Oftast är ett socialt företag en ekonomisk förening som drivs som ett kooperativ.
Det betyder att medlemmarna äger och styr företaget tillsammans.
Andra former är:

- en ideell förening
- en stiftelse
- ett aktiebolag

När kommunens policydokument skrevs hade Sverige drygt 200 sådana företag.
Regeringen arbetade då på flera sätt för att fler skulle starta och växa.

## Försäkringskassans projekt

Försäkringskassan har arbetat med sociala företag på flera sätt, till exempel:

- i Resa-projektet
- med Europeiska socialfonden (ESF), som är EU:s fond för att fler ska få arbete

[Sök bland företagen](/foretag/)""",
            },
        ],
    },
    {
        "slug": "samordningsforbunden-esf",
        "title": "Samordningsförbunden och pengar från Europeiska socialfonden",
        "issuer": "samordningsforbund",
        "summary": (
            "Sex samordningsförbund i tolv kommuner i Stockholms län fick 100 miljoner kronor "
            "från Europeiska socialfonden. De skulle få fler i arbete tillsammans med sociala "
            "företag."
        ),
        "valid_from": None,
        "last_reviewed": datetime.date(2026, 9, 15),
        "menu_order": 60,
        "revisions": [
            {
                "published_on": datetime.date(2026, 3, 25),
                "change_summary": "Första versionen.",
                "body": """## 100 miljoner kronor för fler i arbete

Sex samordningsförbund i Stockholms län fick 100 miljoner kronor.
Förbunden finns i tolv kommuner i länet.
Pengarna kom från Europeiska socialfonden (ESF), som är EU:s fond för att fler ska få arbete.

Målet var att fler personer skulle få ett jobb.
Förbunden skulle nå dit genom att samarbeta med arbetsintegrerande sociala företag (ASF).

Det var Strukturfondspartnerskapet som beviljade pengarna.
Det är en regional grupp som är med och bestämmer hur pengar från EU:s fonder används.

## Pengar till Famna

Samtidigt fick Famna 15 miljoner kronor för ett projekt med liknande mål.
Famna är en idéburen organisation.
Det betyder att den drivs av en idé och inte för att tjäna pengar.
I projektet skulle Famna bygga upp en stödstruktur för ASF i länet.
Med det menas ett fast sätt att ge företagen råd och hjälp.

Läs också om [Kugghjulet](/policy/kugghjulet/), där Famna stöttade sociala företag.

## Varför pengarna behövdes

Under åren innan hade allt fler arbetslösa i Stockholmsregionen behövt samordnat stöd.
Det betyder stöd från flera myndigheter på en gång.

## Vad är ett samordningsförbund?

Ett samordningsförbund, eller finansiellt samordningsförbund, är ett samarbete mellan
myndigheter.
Där ingår bland andra:

- Försäkringskassan
- Arbetsförmedlingen
- landstinget, som i dag kallas region

Förbunden betalar för insatser inom rehabilitering.
Målet är att färre ska vara sjukskrivna eller arbetslösa.
Insatserna riktar sig ofta till dig som står långt från arbetsmarknaden.

[Samarbetspartner](/partner/)""",
            },
        ],
    },
    {
        "slug": "kugghjulet",
        "title": "Kugghjulet – ett projekt för sociala företag",
        "issuer": "famna_kugghjulet",
        "summary": (
            "Kugghjulet var ett projekt som stöttade arbetsintegrerande sociala företag. "
            "Famna och Coompanion drev det med pengar från Europeiska socialfonden till och "
            "med 2020."
        ),
        "valid_from": None,
        "last_reviewed": datetime.date(2026, 10, 20),
        "menu_order": 70,
        "revisions": [
            {
                "published_on": datetime.date(2024, 10, 7),
                "change_summary": "Första versionen.",
                "body": """## Om Kugghjulet

Projektet Kugghjulet hjälper arbetsintegrerande sociala företag (ASF).
Namnet står för tre ord: kunskap, utveckling och gemenskap.

Famna och Coompanion driver projektet.
Pengarna kommer från Europeiska socialfonden (ESF).
Projektet pågår till och med 2020.

## Så började det

Famna fick en förfrågan om att leda ett projekt.
Projektet skulle skapa en stödstruktur för ASF, alltså ett fast sätt att ge företagen råd och
hjälp.
ESF-rådet godkände ansökan.
Arbetet kom i gång i december.

Samordningsförbundet Östra Södertörn i Stockholms län är också med i samarbetet.

## Vad alla ASF har gemensamt

Ett ASF:

- driver en verksamhet på affärsmässiga villkor
- använder överskottet till att utveckla verksamheten igen
- finns till för att människor ska bli en del av arbetslivet och samhället

Företaget säljer varor eller tjänster.
Samtidigt ger det människor ett arbete och en chans att vara med och påverka.

## Sociala företag i regionen

Enligt en bedömning finns det omkring 55 sådana företag i regionen.""",
            },
            {
                "published_on": datetime.date(2025, 2, 19),
                "change_summary": "Skrev att projektet avslutades 2020.",
                "body": """## Ett avslutat projekt

Kugghjulet var ett projekt som stöttade arbetsintegrerande sociala företag (ASF).
Projektet pågick till och med 2020 och är nu avslutat.
Den här sidan beskriver vad projektet gjorde.

Namnet står för tre ord: kunskap, utveckling och gemenskap.

Famna och Coompanion drev projektet.
Pengarna kom från Europeiska socialfonden (ESF).

## Så började det

Famna fick en förfrågan om att leda ett projekt.
Projektet skulle skapa en stödstruktur för ASF, alltså ett fast sätt att ge företagen råd och
hjälp.
ESF-rådet godkände ansökan.
Arbetet kom i gång i december.

Samordningsförbundet Östra Södertörn i Stockholms län var också med i samarbetet.

## Vad alla ASF har gemensamt

Ett ASF:

- driver en verksamhet på affärsmässiga villkor
- använder överskottet till att utveckla verksamheten igen
- finns till för att människor ska bli en del av arbetslivet och samhället

Företaget säljer varor eller tjänster.
Samtidigt ger det människor ett arbete och en chans att vara med och påverka.

## Sociala företag i regionen

När projektet pågick fanns det enligt en bedömning omkring 55 sådana företag i regionen.""",
            },
            {
                "published_on": datetime.date(2026, 7, 1),
                "change_summary": "Förklarade vad ESF-rådet och Famna är och la till länkar.",
                "body": """## Ett avslutat projekt

Kugghjulet var ett projekt som stöttade arbetsintegrerande sociala företag (ASF).
Projektet pågick till och med 2020 och är nu avslutat.
Den här sidan beskriver vad projektet gjorde.

Namnet står för tre ord: kunskap, utveckling och gemenskap.

Famna och Coompanion drev projektet.
Famna är en idéburen organisation, alltså en organisation som drivs av en idé och inte för
att tjäna pengar.
Pengarna kom från Europeiska socialfonden (ESF).

## Så började det

Famna fick en förfrågan om att leda ett projekt.
Projektet skulle skapa en stödstruktur för ASF, alltså ett fast sätt att ge företagen råd och
hjälp.
ESF-rådet godkände ansökan.
ESF-rådet är den myndighet som fördelar pengar från Europeiska socialfonden i Sverige.
Arbetet kom i gång i december.

Samordningsförbundet Östra Södertörn i Stockholms län var också med i samarbetet.

## Vad alla ASF har gemensamt

Ett ASF:

- driver en verksamhet på affärsmässiga villkor
- använder överskottet till att utveckla verksamheten igen
- finns till för att människor ska bli en del av arbetslivet och samhället

Företaget säljer varor eller tjänster.
Samtidigt ger det människor ett arbete och en chans att vara med och påverka.

## Sociala företag i regionen

När projektet pågick fanns det enligt en bedömning omkring 55 sådana företag i regionen.

Vill du hitta ett socialt företag i dag? [Sök bland företagen](/foretag/).
Vill du starta ett? Läs om våra [samarbetspartner](/partner/).""",
            },
        ],
    },
]
