"""Generate a synthetic Příručka project for benchmarking.

    python bench/make_corpus.py DEST [--pages N] [--publications P] [--seed S]

DEST gets a complete project: a copy of the repository's mkdocs.yml,
funders.yml and the funders' logos (copied, not linked; the print theme comes
from the package), the site logo,
N pages per language (docs/cs/ and docs/en/, same relative paths) spread over
P section folders sekce-01/ … sekce-PP/ (each with an index.md, which does not
count towards N), a home page per language, a bar-chart PNG for every 5th page
in docs/assets/bench/, and one publication manifest handbook/bench-XX.yml per
section folder.

The prose is made of phrase lists written for this benchmark (child
protection, families, social work), combined with a seeded random generator:
the same arguments always give the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
FORMATS = ["A5", "A4", "A5", "DL"]
KINDS = {"A5": "handbook", "A4": "manual", "DL": "leaflet"}
TRUTH = "bench-truth.json"
FUNDERS = [["eea-norway-grants"], ["eu-esf-plus"], ["mpsv-rodina"], ["esf-oplzz", "mpsv-rodina"]]

# --------------------------------------------------------------------------
# Phrase lists: (Czech, English) pairs where the two belong together.
# --------------------------------------------------------------------------

SUBJECTS = [
    ("Sociální pracovnice OSPOD", "The OSPOD social worker"),
    ("Klíčový pracovník", "The key worker"),
    ("Case manažerka", "The case manager"),
    ("Rodinný terapeut", "The family therapist"),
    ("Školní psycholožka", "The school psychologist"),
    ("Terénní sociální pracovník", "The outreach worker"),
    ("Multidisciplinární tým", "The multidisciplinary team"),
    ("Pracovnice intervenčního centra", "The intervention centre worker"),
    ("Dětská lékařka", "The paediatrician"),
    ("Třídní učitel", "The class teacher"),
    ("Poradna pro rodinu", "The family counselling centre"),
    ("Pěstounka", "The foster carer"),
    ("Doprovázející organizace", "The foster care support organisation"),
    ("Metodik prevence", "The prevention coordinator"),
    ("Koordinátorka případové konference", "The case conference coordinator"),
]
PREDICATES = [
    ("posuzuje potřeby dítěte a jeho rodiny", "assesses the needs of the child and the family"),
    ("mapuje zdroje, o které se rodina může opřít", "maps the resources the family can rely on"),
    ("sestavuje individuální plán ochrany dítěte", "draws up an individual child protection plan"),
    ("svolává případovou konferenci", "calls a case conference"),
    ("vede rozhovor s dítětem v klidném prostředí", "talks with the child in a calm setting"),
    ("podporuje rodiče v každodenní péči o dítě", "supports the parents in everyday care"),
    ("vyhodnocuje míru ohrožení dítěte", "assesses how serious the risk to the child is"),
    (
        "sdílí potřebné informace se školou a s lékařem",
        "shares the necessary information with the school and the doctor",
    ),
    ("zaznamenává průběh každého setkání", "records the course of every meeting"),
    ("domlouvá s rodinou další kroky", "agrees the next steps with the family"),
    ("zprostředkovává kontakt s odbornou pomocí", "puts the family in touch with specialist help"),
    ("sleduje, zda se situace dítěte zlepšuje", "follows whether the child's situation improves"),
    (
        "vysvětluje rodičům jejich práva a povinnosti",
        "explains to the parents their rights and duties",
    ),
    ("pomáhá rodině zajistit stabilní bydlení", "helps the family find stable housing"),
    ("připravuje dítě na jednání u soudu", "prepares the child for the court hearing"),
]
QUALIFIERS = [
    ("bez zbytečného odkladu", "without undue delay"),
    ("s ohledem na nejlepší zájem dítěte", "with the best interests of the child in mind"),
    (
        "v souladu se zákonem o sociálně-právní ochraně dětí",
        "in line with the Social and Legal Protection of Children Act",
    ),
    ("ve spolupráci s dalšími odborníky", "together with other professionals"),
    ("citlivě a srozumitelně", "sensitively and in plain words"),
    ("již při prvním kontaktu", "from the very first contact"),
    ("pravidelně, nejméně jednou za měsíc", "regularly, at least once a month"),
    ("s respektem k soukromí rodiny", "respecting the family's privacy"),
    ("a výsledek projedná s rodiči", "and discusses the outcome with the parents"),
    ("tak, aby dítě zůstalo v bezpečí", "so that the child stays safe"),
    ("podle dohodnutého plánu", "according to the agreed plan"),
    ("i mimo běžnou pracovní dobu", "even outside normal working hours"),
]
CONDITIONS = [
    ("rodina odmítá spolupráci", "the family refuses to cooperate"),
    ("dítě o násilí samo promluví", "the child speaks about the violence"),
    ("škola zaznamená opakovanou absenci", "the school notices repeated absence"),
    ("dítěti hrozí bezprostřední nebezpečí", "the child is in immediate danger"),
    ("rodiče přijdou o bydlení", "the parents lose their home"),
    ("se u dítěte objeví známky zanedbávání", "signs of neglect appear"),
    ("rodič trpí závislostí", "a parent struggles with addiction"),
    ("dospívající uteče z domova", "a teenager runs away from home"),
    ("se rodiče přou o péči o dítě", "the parents are in a custody dispute"),
    ("pěstouni potřebují odlehčení", "foster carers need respite"),
]
CONSEQUENCES = [
    ("je nutné situaci neprodleně vyhodnotit", "the situation must be assessed at once"),
    (
        "pracovník informuje orgán sociálně-právní ochrany dětí",
        "the worker informs the social and legal protection of children authority",
    ),
    ("tým svolá případovou konferenci", "the team calls a case conference"),
    ("je třeba nejprve zajistit bezpečí dítěte", "the child's safety comes first"),
    (
        "doporučujeme obrátit se na intervenční centrum",
        "we recommend contacting the intervention centre",
    ),
    (
        "rodině nabídneme sociálně aktivizační službu",
        "the family is offered social activation services for families with children",
    ),
    (
        "pracovník s dítětem mluví o tom, co se stalo, bez nátlaku",
        "the worker talks with the child about what happened, without pressure",
    ),
    ("je vhodné zapojit širší rodinu", "it helps to involve the wider family"),
    (
        "postup se zapíše do spisu a sdílí s týmem",
        "the steps are recorded in the case file and shared with the team",
    ),
]
NEEDS = [
    ("mělo stabilní a bezpečné prostředí", "has a stable and safe environment"),
    ("rozumělo tomu, co se kolem něj děje", "understands what is happening around them"),
    ("mohlo vyjádřit svůj názor", "can express their views"),
    ("udrželo vztah s blízkými lidmi", "keeps in touch with the people close to them"),
    ("vědělo, na koho se může obrátit", "knows whom to turn to"),
    (
        "nemuselo opakovaně vyprávět, co prožilo",
        "does not have to retell again and again what they went through",
    ),
    ("mohlo dál chodit do své školy", "can stay at their own school"),
    ("mělo jednoho stálého průvodce", "has one constant companion"),
]
FINDINGS = [
    (
        "včasná pomoc často předejde umístění dítěte mimo rodinu",
        "early help often prevents a child from being placed outside the family",
    ),
    (
        "rodiče spolupracují lépe, když rozumějí důvodům opatření",
        "parents cooperate better when they understand the reasons for a measure",
    ),
    (
        "sdílení informací mezi institucemi zkracuje dobu řešení",
        "sharing information between agencies shortens the time a case takes",
    ),
    ("děti potřebují jednoho stálého průvodce", "children need one constant companion"),
    (
        "krizová intervence je nejúčinnější v prvních dnech",
        "crisis intervention works best in the first few days",
    ),
    (
        "podpora širší rodiny zvyšuje stabilitu umístění",
        "support from the wider family makes a placement more stable",
    ),
    (
        "jasná pravidla spolupráce snižují napětí v týmu",
        "clear rules of cooperation reduce tension in the team",
    ),
    ("rodina sama nejlépe ví, co jí pomáhá", "the family itself knows best what helps it"),
]
TEMPLATES = [
    ("{S} {P} {Q}.", "{S} {P} {Q}."),
    ("{S} {P} {Q}.", "{S} {P} {Q}."),
    ("Pokud {C}, {K}.", "If {C}, {K}."),
    ("Když {C}, {K}.", "When {C}, {K}."),
    ("Pro dítě je důležité, aby {N}.", "It matters that the child {N}."),
    ("Zkušenost ukazuje, že {F}.", "Experience shows that {F}."),
    ("V praxi se osvědčilo, že {F}.", "Practice has shown that {F}."),
]

# Sentences that use glossary terms (handbook/glossary.yml) in both languages.
TERM_SENTENCES = [
    (
        "Klíčový pracovník zve na případovou konferenci i dítě, pokud je to vhodné.",
        "The key worker invites the child to the case conference too, where appropriate.",
    ),
    (
        "Individuální plán ochrany dítěte se reviduje podle potřeby.",
        "The individual child protection plan is reviewed as needed.",
    ),
    (
        "OSPOD vyhodnocuje situaci každého ohroženého dítěte.",
        "OSPOD assesses the situation of every child at risk.",
    ),
    (
        "Domácí násilí zasahuje celou rodinu, i když dítě samo není napadeno.",
        "Domestic violence affects the whole family, even when the child is not attacked.",
    ),
    ("Pěstounská péče dává dítěti stabilní domov.", "Foster care gives the child a stable home."),
    (
        "Terénní práce umožňuje zastihnout rodinu doma.",
        "Outreach work makes it possible to meet the family at home.",
    ),
    (
        "Sanace rodiny začíná dřív, než je dítě umístěno mimo domov.",
        "Family preservation starts before a child is placed away from home.",
    ),
    (
        "Intervenční centrum nabízí pomoc po vykázání násilné osoby.",
        "The intervention centre offers help after the eviction of the perpetrator.",
    ),
    ("Rozhoduje vždy nejlepší zájem dítěte.", "The best interests of the child always come first."),
    (
        "Asistovaný kontakt pomáhá udržet vztah dítěte s rodičem.",
        "Supervised contact helps the child keep a relationship with the parent.",
    ),
]

TOPICS = [
    ("Domácí násilí", "Domestic violence"),
    ("Zanedbávání dítěte", "Child neglect"),
    ("Případová konference", "The case conference"),
    ("Individuální plán ochrany dítěte", "The individual child protection plan"),
    ("Náhradní rodinná péče", "Substitute family care"),
    ("Pěstounská péče", "Foster care"),
    ("Rozhovor s dítětem", "Talking with a child"),
    ("Spolupráce se školou", "Working with the school"),
    ("Krizová intervence", "Crisis intervention"),
    ("Sociálně aktivizační služby", "Social activation services for families with children"),
    ("Vyhodnocení situace dítěte", "Assessing the child's situation"),
    ("Síť místních služeb", "The local service network"),
    ("Ochrana osobních údajů", "Data protection"),
    ("Práva dítěte", "Children's rights"),
    ("Rozchod rodičů a péče o dítě", "Separation and the care of the child"),
    ("Závislost v rodině", "Addiction in the family"),
    ("Bydlení rodin v krizi", "Housing for families in crisis"),
    ("Dospívající v ohrožení", "Teenagers at risk"),
    ("Šikana a kyberšikana", "Bullying and cyberbullying"),
    ("Práce s otci", "Working with fathers"),
]
ASPECTS = [
    ("základní informace", "the basics"),
    ("první kroky", "first steps"),
    ("kdo co dělá", "who does what"),
    ("časté otázky", "frequently asked questions"),
    ("postup krok za krokem", "step by step"),
    ("příklady z praxe", "examples from practice"),
    ("právní rámec", "the legal framework"),
    ("kontrolní seznam", "a checklist"),
    ("chyby, kterým se vyhnout", "mistakes to avoid"),
    ("kde hledat pomoc", "where to find help"),
]
SECTIONS = [
    ("Ochrana dětí v praxi", "Child protection in practice"),
    ("Práce s rodinou", "Working with families"),
    ("Násilí v rodině", "Violence in the family"),
    ("Náhradní rodinná péče", "Substitute family care"),
    ("Spolupráce institucí", "Inter-agency cooperation"),
    ("Dospívající", "Adolescents"),
    ("Krizová pomoc", "Crisis help"),
    ("Metodika a kvalita", "Methodology and quality"),
]
H2 = [
    ("Proč na tom záleží", "Why it matters"),
    ("Kdo se na postupu podílí", "Who is involved"),
    ("Jak postupovat", "How to proceed"),
    ("Na co si dát pozor", "What to watch out for"),
    ("Spolupráce s rodinou", "Working with the family"),
    ("Hlas dítěte", "The child's voice"),
    ("Dokumentace a sdílení informací", "Records and information sharing"),
    ("Příklad z praxe", "An example from practice"),
]
H3 = [
    ("Před prvním setkáním", "Before the first meeting"),
    ("Během setkání", "During the meeting"),
    ("Po setkání", "After the meeting"),
    ("Když rodina nespolupracuje", "When the family does not cooperate"),
    ("Bezpečnost pracovníka", "The worker's safety"),
    ("Lhůty", "Time limits"),
]
TABLE_HEAD = (("Krok", "Kdo", "Lhůta"), ("Step", "Who", "Time limit"))
STEPS = [
    ("Přijetí oznámení", "Receiving the report"),
    ("Úvodní vyhodnocení", "Initial assessment"),
    ("Návštěva v rodině", "Home visit"),
    ("Případová konference", "Case conference"),
    ("Individuální plán", "Individual plan"),
    ("Revize plánu", "Plan review"),
]
WHO = [
    ("OSPOD", "OSPOD"),
    ("klíčový pracovník", "key worker"),
    ("multidisciplinární tým", "multidisciplinary team"),
    ("škola", "school"),
    ("intervenční centrum", "intervention centre"),
]
DEADLINES = [
    ("do 24 hodin", "within 24 hours"),
    ("do 7 dnů", "within 7 days"),
    ("do 30 dnů", "within 30 days"),
    ("každé 3 měsíce", "every 3 months"),
    ("průběžně", "ongoing"),
]
BULLETS = [
    ("kontakt na intervenční centrum", "the contact details of the intervention centre"),
    ("záznam z posledního setkání", "the record of the last meeting"),
    ("souhlas rodičů se sdílením informací", "the parents' consent to sharing information"),
    ("aktuální individuální plán ochrany dítěte", "the current individual child protection plan"),
    ("kontakty na školu a dětského lékaře", "contacts for the school and the paediatrician"),
    ("přehled místních služeb pro rodiny", "a list of local services for families"),
    ("bezpečnostní plán pro dítě a rodiče", "a safety plan for the child and the parents"),
    ("Linka bezpečí 116 111", "the children's helpline 116 111"),
]
NOTES = [
    (
        "Dítě má právo vyjádřit svůj názor ve všech věcech, které se ho týkají.",
        "A child has the right to express their views in all matters that affect them.",
    ),
    (
        "Oznámit ohrožení dítěte může kdokoli, i anonymně.",
        "Anyone can report a child at risk, anonymously too.",
    ),
    (
        "Při bezprostředním ohrožení volejte linku 158.",
        "If a child is in immediate danger, call 158.",
    ),
    (
        "Informace o rodině sdílejte jen v rozsahu, který je pro pomoc nezbytný.",
        "Share information about the family only as far as help requires.",
    ),
]
FOOTNOTES = [
    (
        "Zákon č. 359/1999 Sb., o sociálně-právní ochraně dětí, ve znění pozdějších předpisů.",
        "Act No. 359/1999 Coll., on the Social and Legal Protection of Children, as amended.",
    ),
    (
        "Úmluva o právech dítěte, sdělení č. 104/1991 Sb.",
        "The UN Convention on the Rights of the Child, Communication No. 104/1991 Coll.",
    ),
    (
        "Zákon č. 89/2012 Sb., občanský zákoník, § 855 a násl.",
        "Act No. 89/2012 Coll., the Civil Code, sections 855 ff.",
    ),
    (
        "Zákon č. 108/2006 Sb., o sociálních službách.",
        "Act No. 108/2006 Coll., on Social Services.",
    ),
]
EXTERNAL = [
    ("Linka bezpečí", "The children's helpline", "https://www.linkabezpeci.cz/"),
    (
        "Ministerstvo práce a sociálních věcí",
        "The Ministry of Labour and Social Affairs",
        "https://www.mpsv.cz/",
    ),
]
ALT = (
    "Sloupcový graf: počet rodin, se kterými tým pracoval v jednotlivých měsících",
    "Bar chart: the number of families the team worked with in each month",
)
CAPTION = ("Rodiny v péči týmu, obrázek {n}", "Families in the team's care, figure {n}")
LINK_INTRO = ("Navazuje na to stránka", "This follows on from")
OTHER_SECTION = ("Souvisí s tím také", "See also")
SECTION_LINK = ("Přehled celé části najdete na stránce", "The whole part is summarised on")
EXTERNAL_LINK = ("Další informace nabízí", "More information is offered by")


# --------------------------------------------------------------------------
# What real knowledge-base pages carry besides prose: public services (never
# personal data), case studies with pseudonyms, citations, ISBNs, project
# numbers, dates of events, and, on some pages, planted personal data that
# the check must find (written to bench-truth.json).
# --------------------------------------------------------------------------

# (Czech, English, number, hours cs, hours en): the public services table. The
# numbers are those of issue 17's reproduction; the local services are fictional.
SERVICES = [
    (
        "Rodičovská linka",
        "Parents' helpline (Rodičovská linka)",
        "606 021 021",
        "po–čt 9–21",
        "Mon–Thu 9–21",
    ),
    ("Krizové centrum Příklad", "Crisis centre Příklad", "284 016 666", "nonstop", "24/7"),
    (
        "Intervenční centrum Příklad",
        "Intervention centre Příklad",
        "261 263 102",
        "Po–Pá 8–16",
        "Mon–Fri 8–16",
    ),
    ("Linka bezpečí", "Linka bezpečí (children's helpline)", "116 111", "nonstop", "24/7"),
]
SERVICES_HEAD = (
    ("Služba", "Telefon", "Provozní doba"),
    ("Service", "Phone", "Opening hours"),
)
SERVICES_INTRO = (
    "Kam se může rodina obrátit, když potřebuje pomoc hned:",
    "Where a family can turn when it needs help at once:",
)
CONTACTS_INTRO = ("Kontakty, které se hodí mít po ruce:", "Contacts worth keeping at hand:")
CONTACTS = [
    (
        "- Linka bezpečí: 116 111 (nonstop, zdarma)",
        "- Linka bezpečí: 116 111 (24/7, free of charge)",
    ),
    (
        "- Rodičovská linka: 606 021 021, po–čt 9–21",
        "- Parents' helpline: 606 021 021, Mon–Thu 9–21",
    ),
    (
        "- Intervenční centrum Příklad: +420 261 263 102, Po–Pá 8–16, poradna@ic-priklad.cz",
        "- Intervention centre Příklad: +420 261 263 102, Mon–Fri 8–16, help@ic-priklad.cz",
    ),
    (
        "- Krizové centrum Příklad: 284 016 666 (nonstop)",
        "- Crisis centre Příklad: 284 016 666 (24/7)",
    ),
    ("- Tísňová linka 112, Policie ČR 158", "- Emergency number 112, police 158"),
]
CONTACT_BLOCK = (
    "/// contact | Krizové centrum Příklad\n    phone: 284 016 666\n    hours: nonstop\n"
    "Pomáhá lidem v akutní krizi.\n///",
    "/// contact | Crisis centre Příklad\n    phone: 284 016 666\n    hours: 24/7\n"
    "It helps people in acute crisis.\n///",
)
CONTACT_PROSE = (
    "Rodina se tehdy sama obrátila na číslo 284 016 666.",
    "At that point the family itself turned to 284 016 666.",
)
LAW = (
    "Postup upravuje § 6 zákona č. 359/1999 Sb., o sociálně-právní ochraně dětí, a vyhláška č. 473/2012 Sb.",
    "The procedure follows section 6 of Act No. 359/1999 Coll., on the social and legal protection "
    "of children, and Decree No. 473/2012 Coll.",
)
SOURCES = (
    "Vychází z ukázkové publikace (ISBN 978-80-0000-000-0, ISSN 0000-0000) projektu "
    "CZ.03.2.63/0.0/0.0/15_007/0000123, reg. č. LP-HRMGSB-007, IČO 12345678.",
    "It draws on a sample publication (ISBN 978-80-0000-000-0, ISSN 0000-0000) of project "
    "CZ.03.2.63/0.0/0.0/15_007/0000123, registration no. LP-HRMGSB-007.",
)
EVENTS = (
    "Tým vznikl v roce 2015; 12. 3. 2024 se konala konference o jeho zkušenostech.",
    "The team was set up in 2015; on 12 March 2024 a conference discussed its experience.",
)
CASE_TITLE = ("Rodina se dvěma dětmi", "A family with two children")
# Pseudonyms declared in the block's option, or by a note after the name.
CASE_DECLARED = (
    "Anička (9 let) a její bratr Honza bydlí s matkou. Aničce pomohlo, že {term} "
    "zůstal stejný; Honzovi škola nabídla doučování.",
    "Anička (9) and her brother Honza live with their mother. It helped Anička that the {term} "
    "stayed the same; the school offered Honza extra lessons.",
)
CASE_NOTED = (
    "Péťa (jméno bylo změněno) se po vykázání otce vrátil do školy. Péťovi pomohl {term}.",
    "Péťa (name has been changed) went back to school after the eviction of his father. The "
    "{term} helped Péťa.",
)
CASE_TERM = ("klíčový pracovník", "key worker")
MONTHS_EN = "January February March April May June July August September October November December"
# Planted personal data: (code, Czech, English); each sentence holds exactly one item.
PLANTED = [
    (
        "privacy-birth-number",
        "Rodné číslo chlapce uvedené ve spisu je {rc}.",
        "The boy's birth number in the file is {rc}.",
    ),
    (
        "privacy-phone",
        "Otec je k zastižení na svém mobilu {phone}.",
        "The father can be reached on his mobile, {phone}.",
    ),
    (
        "privacy-email",
        "Matka poslala fotografie z adresy {email}.",
        "The mother sent the photos from {email}.",
    ),
    (
        "privacy-child-name",
        "Do poradny přišla {name} ({age} let) s babičkou.",
        "{name} ({age}) came to the counselling centre with her grandmother.",
    ),
    (
        "privacy-birth-date",
        "Dítě (nar. {day}. {month}. {year}) žije u prarodičů.",
        "The child (born {day} {month_en} {year}) lives with the grandparents.",
    ),
    (
        "privacy-address",
        "Rodina bydlí v ulici {street} {house}, v přízemí.",
        "The family lives at {house} {street_en} Road with an aunt.",
    ),
]
PLANTED_NAMES = ["Bára", "Eliška", "Terezka", "Natálka", "Kristýnka", "Adélka"]
PLANTED_STREETS = [("Krátká", "Mill"), ("Polní", "Station"), ("Dlouhá", "Church")]


def birth_number(rng: random.Random) -> str:
    """A birth number that passes every rule: a real date, month +50 for girls, mod 11."""
    born = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    month = born.month + (50 if rng.random() < 0.5 else 0)
    serial = rng.randrange(1000)
    first = f"{born.year % 100:02d}{month:02d}{born.day:02d}{serial:03d}"
    check = int(first) % 11 % 10
    return f"{first[:6]}/{first[6:]}{check}"


def planted(code: str, lang: int, rng: random.Random) -> str:
    """The sentence planting one item of personal data of kind `code`."""
    template = next(item for item in PLANTED if item[0] == code)[1 + lang]
    street, street_en = rng.choice(PLANTED_STREETS)
    born = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(2000))
    return template.format(
        rc=birth_number(rng),
        phone=f"7{rng.randrange(20, 40)} {rng.randrange(100, 1000)} {rng.randrange(100, 1000)}",
        email=f"{rng.choice(['jana', 'petra', 'eva'])}.priklad{rng.randrange(10, 100)}@seznam.cz",
        name=rng.choice(PLANTED_NAMES),
        age=rng.randrange(4, 12),
        day=born.day,
        month=born.month,
        month_en=MONTHS_EN.split()[born.month - 1],
        year=born.year,
        street=street,
        street_en=street_en,
        house=rng.randrange(2, 60),
    )


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "-".join(words)


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass
class Page:
    section: int  # 1-based
    path: str  # relative to a language folder
    titles: tuple[str, str]
    order: int
    number: int  # 1-based over all pages
    image: int | None  # image number, every 5th page


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self, lang: int) -> str:
        r = self.rng
        template = r.choice(TEMPLATES)[lang]
        text = template.format(
            S=r.choice(SUBJECTS)[lang],
            P=r.choice(PREDICATES)[lang],
            Q=r.choice(QUALIFIERS)[lang],
            C=r.choice(CONDITIONS)[lang],
            K=r.choice(CONSEQUENCES)[lang],
            N=r.choice(NEEDS)[lang],
            F=r.choice(FINDINGS)[lang],
        )
        return text[0].upper() + text[1:]

    def paragraph(self, lang: int, low: int = 4, high: int = 6) -> str:
        sentences: list[str] = []
        for _ in range(self.rng.randint(low, high)):
            sentence = self.sentence(lang)
            while sentence in sentences:  # no sentence twice in one paragraph
                sentence = self.sentence(lang)
            sentences.append(sentence)
        # Most paragraphs of a real knowledge base use a term of the glossary.
        if self.rng.random() < 0.7:
            position = self.rng.randint(0, len(sentences))
            sentences.insert(position, self.rng.choice(TERM_SENTENCES)[lang])
        return " ".join(sentences)


def rel(source: str, target: str) -> str:
    """Relative link from one page to another (paths relative to the language folder)."""
    src_dir = source.rsplit("/", 1)[0] if "/" in source else ""
    if src_dir and target.startswith(src_dir + "/"):
        return target[len(src_dir) + 1 :]
    return ("../" * (src_dir.count("/") + 1 if src_dir else 0)) + target


def page_text(
    page: Page,
    pages: list[Page],
    by_section: dict[int, list[Page]],
    lang: int,
    rng_seed: int,
    section_titles: list[tuple[str, str]],
) -> tuple[str, list[tuple[int, str]]]:
    """The page in language `lang` (0 cs, 1 en), and the (line, code) of each planted item."""
    # One random stream per page, shared by both languages, so the Czech page and
    # its translation have the same structure (headings, table rows, links).
    structure = random.Random(rng_seed * 100003 + page.number)
    prose = Writer(random.Random(rng_seed * 7919 + page.number * 2))
    title = page.titles[lang]
    description = prose.sentence(lang)
    siblings = [p for p in by_section[page.section] if p is not page]
    others = [p for p in pages if p.section != page.section]
    sibling = structure.choice(siblings) if siblings else None
    other = structure.choice(others) if others else None
    h2 = structure.sample(H2, 3)
    h3 = structure.sample(H3, 2)
    bullets = structure.sample(BULLETS, structure.randint(3, 5))
    rows = [
        (STEPS[i], structure.choice(WHO), structure.choice(DEADLINES))
        for i in sorted(structure.sample(range(len(STEPS)), structure.randint(3, 5)))
    ]
    note = structure.choice(NOTES)
    footnote = structure.choice(FOOTNOTES)
    external = EXTERNAL[page.number % len(EXTERNAL)] if page.number % 3 == 0 else None

    # Realistic extras, the same on both language versions of a page.
    services = page.number % 3 != 0
    contacts = page.number % 4 == 1
    case = (None, CASE_DECLARED, None, None, CASE_NOTED)[page.number % 5]
    plant = PLANTED[(page.number // 3) % len(PLANTED)][0] if page.number % 3 == 0 else None
    plant_rng = random.Random(rng_seed * 131 + page.number)
    plants: list[tuple[int, str]] = []

    out = [
        "---",
        "type: page",
        f"title: {q(title)}",
        f"description: {q(description)}",
        f"order: {page.order}",
        "---",
        "",
        f"# {title}",
        "",
        prose.paragraph(lang, 1, 2) + f"[^1] {SECTION_LINK[lang]} "
        f"[{section_titles[page.section - 1][lang]}](index.md).",
        "",
        f"## {h2[0][lang]}",
        "",
        prose.paragraph(lang, 2, 3) + (f" {LAW[lang]}" if page.number % 2 == 0 else ""),
        "",
    ]
    if sibling:
        out += [
            prose.paragraph(lang, 1, 2) + f" {LINK_INTRO[lang]} "
            f"[{sibling.titles[lang]}]({rel(page.path, sibling.path)}).",
            "",
        ]
    out += [f"- {b[lang]}" for b in bullets]
    out += [
        "",
        f"### {h3[0][lang]}",
        "",
        prose.paragraph(lang, 2, 3),
        "",
        "!!! note",
        f"    {note[lang]} {prose.sentence(lang)}",
        "",
        f"## {h2[1][lang]}",
        "",
        prose.paragraph(lang, 2, 3)
        + (
            f" {OTHER_SECTION[lang]} [{other.titles[lang]}]({rel(page.path, other.path)})."
            if other
            else ""
        ),
        "",
        "| " + " | ".join(TABLE_HEAD[lang]) + " |",
        "| --- | --- | --- |",
    ]
    out += [f"| {s[lang]} | {w[lang]} | {d[lang]} |" for s, w, d in rows]
    if services:
        # Every other table names the hours in a column of their own.
        hours = page.number % 2 == 0
        head = SERVICES_HEAD[lang] if hours else SERVICES_HEAD[lang][:2]
        out += ["", SERVICES_INTRO[lang], "", "| " + " | ".join(head) + " |"]
        out += ["| --- " * len(head) + "|"]
        for service in SERVICES:
            cells = [service[lang], service[2]] + ([service[3 + lang]] if hours else [])
            out.append("| " + " | ".join(cells) + " |")
    out += [
        "",
        f"### {h3[1][lang]}",
        "",
        prose.paragraph(lang, 2, 3),
        "",
    ]
    if plant:
        plants.append(("\n".join(out).count("\n") + 2, plant))
        out += [planted(plant, lang, plant_rng), ""]
    out += [f"## {h2[2][lang]}", "", prose.paragraph(lang, 2, 3), ""]
    if page.number % 4 == 2:
        out += [EVENTS[lang], ""]
    if contacts:
        out += [CONTACTS_INTRO[lang], ""] + [c[lang] for c in CONTACTS] + [""]
    if case:
        out += [
            f"/// case | {CASE_TITLE[lang]}",
            "    consent: true",
            "    anonymised: true",
        ]
        if case is CASE_DECLARED:
            out.append("    pseudonyms: [Anička, Honza]")
        out += [case[lang].format(term=CASE_TERM[lang]), "///", ""]
    if page.number % 5 == 3:
        # A contact block makes its numbers the page's own, also in prose elsewhere.
        out += [CONTACT_BLOCK[lang], "", CONTACT_PROSE[lang], ""]
    if page.number % 6 == 3:
        out += [SOURCES[lang], ""]
    if page.image is not None:
        depth = page.path.count("/") + 1  # up from the page's folder to docs/
        src = "../" * depth + f"assets/bench/img-{page.image:02d}.png"
        caption = CAPTION[lang].format(n=page.image)
        out += [f'![{ALT[lang]}]({src} "{caption}")', ""]
    last = prose.paragraph(lang, 1, 2)
    if external:
        last += f" {EXTERNAL_LINK[lang]} [{external[lang]}]({external[2]})."
    out += [last, "", f"[^1]: {footnote[lang]}", ""]
    return "\n".join(out), plants


def section_index(section: int, items: list[Page], lang: int, seed: int, title: str) -> str:
    prose = Writer(random.Random(seed * 31 + section * 2))
    out = [
        "---",
        "type: page",
        f"title: {q(title)}",
        f"description: {q(prose.sentence(lang))}",
        "---",
        "",
        f"# {title}",
        "",
        prose.paragraph(lang, 3, 4),
        "",
    ]
    out += [f"- [{p.titles[lang]}]({p.path.rsplit('/', 1)[1]})" for p in items]
    out.append("")
    return "\n".join(out)


def home(sections: list[str], titles: list[tuple[str, str]], lang: int, seed: int) -> str:
    prose = Writer(random.Random(seed * 17))
    title = ("Příručka – zkušební obsah", "Příručka – benchmark content")[lang]
    out = [
        "---",
        "type: page",
        f"title: {q(title)}",
        f"description: {q(prose.sentence(lang))}",
        "---",
        "",
        f"# {title}",
        "",
        prose.paragraph(lang),
        "",
    ]
    out += [f"- [{t[lang]}]({s}/index.md)" for s, t in zip(sections, titles, strict=True)]
    out.append("")
    return "\n".join(out)


def png(path: Path, rng: random.Random) -> None:
    width, height = 400, 250
    image = Image.new("RGB", (width, height), (250, 250, 247))
    draw = ImageDraw.Draw(image)
    draw.line([(30, 20), (30, 220), (385, 220)], fill=(60, 60, 60), width=2)
    palette = [(63, 81, 181), (0, 150, 136), (255, 152, 0), (233, 30, 99), (121, 85, 72)]
    bars = 12
    step = 350 // bars
    for i in range(bars):
        value = rng.randint(30, 190)
        x = 38 + i * step
        draw.rectangle([x, 220 - value, x + step - 8, 219], fill=palette[i % len(palette)])
    image.save(path, optimize=False)


def manifest(number: int, folder: str, title: tuple[str, str]) -> str:
    fmt = FORMATS[(number - 1) % len(FORMATS)]
    funders = FUNDERS[(number - 1) % len(FUNDERS)]
    date = dt.date(2025, 1, 15) + dt.timedelta(days=23 * number)
    return "\n".join(
        [
            f"# Benchmark publication {number}: generated by bench/make_corpus.py.",
            "title:",
            f"  cs: {q(title[0])}",
            f"  en: {q(title[1])}",
            "subtitle:",
            f"  cs: {q(f'Zkušební publikace č. {number} pro měření rychlosti sestavení')}",
            f"  en: {q(f'Benchmark publication no. {number} for measuring build speed')}",
            f"kind: {KINDS[fmt]}",
            f"format: {fmt}",
            "languages: [cs, en]",
            "pages:",
            f"  - {folder}/",
            "authors:",
            "  - Mgr. Jana Nováková",
            "  - {cs: Příručka – redakční rada, en: Příručka editorial board}",
            "publisher:",
            "  name: {cs: Příručka – redakční rada, en: Příručka editorial board}",
            "  seat: Praha",
            "edition:",
            "  number: 1",
            f"  date: {date.isoformat()}",
            f"funders: [{', '.join(funders)}]",
            # A funding statement is printed only with its source (fictional here, like the corpus).
            "funding_source: {title: Smlouva o grantu BENCH (fiktivní), url: https://example.org/}",
            f"project_number: BENCH-{number:03d}",
            "license: CC-BY-4.0",
            "keywords:",
            "  cs: [ochrana dětí, rodina, sociální práce, OSPOD]",
            "  en: [child protection, family, social work, OSPOD]",
            "",
        ]
    )


def generate(dest: Path, pages_per_lang: int, publications: int, seed: int = 2025) -> dict:
    if pages_per_lang < publications:
        raise SystemExit("--pages must be at least --publications (one page per section)")
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "handbook"):
        if (dest / name).exists():
            shutil.rmtree(dest / name)

    # Project files copied from the repository.
    shutil.copyfile(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "handbook" / "logos", dest / "handbook" / "logos")
    for name in ("funders.yml", "glossary.yml", "helplines.yml"):
        shutil.copyfile(REPO / "handbook" / name, dest / "handbook" / name)
    (dest / "docs" / "assets" / "bench").mkdir(parents=True)
    shutil.copyfile(REPO / "docs" / "assets" / "logo.svg", dest / "docs" / "assets" / "logo.svg")

    rng = random.Random(seed)
    folders = [f"sekce-{s:02d}" for s in range(1, publications + 1)]
    section_titles = []
    for i in range(publications):
        cs, en = SECTIONS[i % len(SECTIONS)]
        round_ = i // len(SECTIONS)
        section_titles.append((f"{cs} {round_ + 1}", f"{en} {round_ + 1}") if round_ else (cs, en))
    combos = [(t, a) for t in TOPICS for a in ASPECTS]
    rng.shuffle(combos)

    pages: list[Page] = []
    by_section: dict[int, list[Page]] = {}
    base, extra = divmod(pages_per_lang, publications)
    number = 0
    for s in range(1, publications + 1):
        count = base + (1 if s <= extra else 0)
        by_section[s] = []
        for order in range(1, count + 1):
            number += 1
            (topic, aspect) = combos[(number - 1) % len(combos)]
            round_ = (number - 1) // len(combos)
            suffix = f" ({round_ + 1})" if round_ else ""
            titles = (f"{topic[0]} – {aspect[0]}{suffix}", f"{topic[1]}: {aspect[1]}{suffix}")
            slug = f"{slugify(topic[0] + ' ' + aspect[0])}-{number:03d}"
            page = Page(
                section=s,
                path=f"{folders[s - 1]}/{slug}.md",
                titles=titles,
                order=order,
                number=number,
                image=number // 5 if number % 5 == 0 else None,
            )
            pages.append(page)
            by_section[s].append(page)

    truth: list[dict] = []
    images = 0
    image_rng = random.Random(seed + 1)
    for page in pages:
        if page.image is not None:
            png(dest / "docs" / "assets" / "bench" / f"img-{page.image:02d}.png", image_rng)
            images += 1

    for lang, code in enumerate(("cs", "en")):
        root = dest / "docs" / code
        for s, folder in enumerate(folders, start=1):
            (root / folder).mkdir(parents=True)
            (root / folder / "index.md").write_text(
                section_index(s, by_section[s], lang, seed, section_titles[s - 1][lang]),
                encoding="utf-8",
            )
        for page in pages:
            text, plants = page_text(page, pages, by_section, lang, seed, section_titles)
            (root / page.path).write_text(text, encoding="utf-8")
            truth += [
                {"path": f"docs/{code}/{page.path}", "line": line, "code": kind}
                for line, kind in plants
            ]
        (root / "index.md").write_text(home(folders, section_titles, lang, seed), encoding="utf-8")

    for number, folder in enumerate(folders, start=1):
        (dest / "handbook" / f"bench-{number:02d}.yml").write_text(
            manifest(number, folder, section_titles[number - 1]), encoding="utf-8"
        )
    # The ground truth for the personal-data check: every planted item, where it is.
    (dest / TRUTH).write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return {
        "pages_per_language": pages_per_lang,
        "section_indexes": publications,
        "markdown_files_per_language": pages_per_lang + publications + 1,
        "images": images,
        "publications": publications,
        "pdfs": publications * 2,
        "first_cs_page": pages[0].path,
        "planted_personal_data": len(truth),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="folder to create the project in")
    parser.add_argument("--pages", type=int, default=200, help="pages per language (default 200)")
    parser.add_argument(
        "--publications", type=int, default=8, help="sections = publications (default 8)"
    )
    parser.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    args = parser.parse_args(argv)
    info = generate(args.dest, args.pages, args.publications, args.seed)
    print(json.dumps(info, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
