"""The personal-data scan (prirucka.core.privacy) on plain strings: no site build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from prirucka.core import privacy
from prirucka.core.mdtext import code_masked, prose
from prirucka.core.privacy import CODES, inflections, is_birth_number, scan

REPO = Path(__file__).resolve().parent.parent


def found(text: str, lang: str = "cs", **options) -> list[tuple[str, str]]:
    """(code, quoted text) of every finding in `text`."""
    result = []
    for finding in scan("page.md", text, lang, **options):
        quoted = finding.message.split("“", 1)[1].split("”", 1)[0]
        result.append((finding.code, quoted))
    return result


def codes(text: str, lang: str = "cs", **options) -> list[str]:
    return [code for code, _ in found(text, lang, **options)]


# --- birth numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "7103192745",  # man, 1971
        "710319/2745",  # the same with the slash
        "710319 / 2745",  # spaces around the slash
        "8556151230",  # woman (+50), 1985
        "0522101239",  # man, 2005, month +20 (since 2004)
        "1074051231",  # woman, 2010, month +70 (since 2004)
        "8060121070",  # first nine digits mod 11 = 10: check digit 0
        "510101/123",  # nine digits: born before 1954
    ],
)
def test_valid_birth_numbers_are_errors(number):
    findings = scan("page.md", f"Rodné číslo dítěte je {number}.", "cs")
    assert [(f.code, f.level) for f in findings] == [("privacy-birth-number", "error")]
    # The message shows the number only partly.
    assert f"“{number[:4]}…”" in findings[0].message
    assert number not in findings[0].message


@pytest.mark.parametrize(
    "number",
    [
        "7103192746",  # wrong check digit
        "710319/2746",
        "8513011232",  # month 13
        "8523101235",  # month +20 before 2004: checksum right, never issued
        "3001011233",  # born in 2030
        "590312/123",  # nine digits after 1953
        "0151011230",  # wrong check digit
    ],
)
def test_invalid_birth_numbers_are_not_reported(number):
    assert codes(f"Číslo {number} je jen ukázka.") == []


def test_nine_digits_without_slash_only_after_the_word():
    assert codes("rodné číslo 510101123") == ["privacy-birth-number"]
    assert codes("RČ: 510101123") == ["privacy-birth-number"]
    assert codes("rodné číslo 010101123") == ["privacy-birth-number"]
    assert codes("Kód 010101123 v tabulce.") == []


def test_birth_number_rules_directly():
    assert is_birth_number("0151011234")
    assert not is_birth_number("0151011230")


# --- phone numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "+420 603 123 456",
        "+420603123456",
        "00420 603 123 456",
        "00420603123456",
        "603 123 456",
        "603123456",
    ],
)
def test_private_phone_numbers_are_errors(number):
    findings = scan("page.md", f"Matka volala z čísla {number}, když…", "cs")
    assert [(f.code, f.level) for f in findings] == [("privacy-phone", "error")]
    assert f"“{number}”" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Linka bezpečí 116 111, Bílý kruh bezpečí 116 006, linka pro pohřešované děti 116 000.",
        "Linka první psychické pomoci 116 123.",
        "Tísňové volání 112, hasiči 150, záchranka 155, policie 158, městská policie 156.",
        "Bezplatná linka 800 155 555 a linka 900 123 456.",
    ],
)
def test_helplines_emergency_and_service_numbers_are_not_reported(text):
    assert codes(text) == []


def test_own_numbers_are_compared_by_digits():
    text = "Volejte nám na 475 511 811 nebo +420 475 511 812."
    own = {"+420 475 511 811", "00420475511812"}
    assert codes(text, own_phones=own) == []
    assert codes(text, own_phones={"+420 475 511 811"}) == ["privacy-phone"]


@pytest.mark.parametrize(
    "text",
    [
        "ISBN 978-80-7422-123-4",
        "ISBN 978 80 7422 123 4",
        "Celkem 147 146 EUR, z toho 44 488 Kč.",
        "Rozpočet projektu 123 456 789 Kč.",
        "Rozpočet 250 000 000 korun.",
        "Počet obyvatel 1 234 567 890 je smyšlený.",
        "Projekt CZ.1.04/5.1.01/77.00448 a CZ03-0171.",
        "Č. j. PR-MD-2025/01 ze dne 1. 1. 2024.",
        "Zákon č. 359/1999 Sb., o sociálně-právní ochraně dětí, § 44–47.",
        "V letech 2012–2013 a 2015 2016 2017.",
        "Datum 2025-09-15 a 15. 9. 2025.",
        "IČO 123456789 je smyšlené.",
    ],
)
def test_numbers_that_only_look_like_phones(text):
    assert codes(text) == []


def test_phone_in_a_tel_link_is_found_but_digits_in_web_addresses_are_not():
    assert codes("[Zavolat](tel:+420603123456)") == ["privacy-phone"]
    assert codes("Viz https://example.cz/clanek/603123456 a www.example.cz/603123456.") == []


# --- e-mail addresses -------------------------------------------------------------------


def test_email_outside_own_domains_is_a_warning():
    findings = scan("page.md", "Napište Janě na jana.novakova@seznam.cz.", "cs")
    assert [(f.code, f.level) for f in findings] == [("privacy-email", "warning")]
    assert "“jana.novakova@seznam.cz”" in findings[0].message


def test_email_in_own_domain_or_subdomain_is_not_reported():
    text = "Pište na poradna@ic-usti.cz nebo na info@mail.ic-usti.cz."
    assert codes(text, own_domains={"ic-usti.cz"}) == []
    assert codes(text, own_domains={"@IC-Usti.cz"}) == []
    assert codes(text) == ["privacy-email", "privacy-email"]


def test_example_domains_are_never_personal():
    text = "ic@example.org, jan@example.com, x@mail.example.net, a@b.test"
    assert codes(text) == []


def test_email_in_mailto_link_is_found():
    assert found("[napište](mailto:petr.novak@gmail.com)") == [
        ("privacy-email", "petr.novak@gmail.com")
    ]


# --- dates of birth ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Dítě (nar. 3. 5. 2015) bydlí s matkou.", "nar. 3. 5. 2015"),
        ("Anonym, narozen 3.5.2015, žije…", "narozen 3.5.2015"),
        ("Je narozena 3. května 2015 v Táboře.", "narozena 3. května 2015"),
        ("Narozený dne 2015-05-03.", "Narozený dne 2015-05-03"),
        ("Datum narození: 03/05/2015", "Datum narození: 03/05/2015"),
        ("The child, born on 3 May 2015, lives…", "born on 3 May 2015"),
        ("Date of birth: May 3, 2015", "Date of birth: May 3, 2015"),
        ("DOB 2015-05-03", "DOB 2015-05-03"),
    ],
)
def test_dates_of_birth_are_errors(text, quoted):
    assert found(text) == [("privacy-birth-date", quoted)]


def test_birth_date_after_text_that_lower_casing_lengthens():
    # "İ".lower() is two characters: offsets must still be those of the text.
    findings = scan("page.md", "İstanbul: dítě nar. 3. 5. 2015", "cs")
    assert [(f.code, f.col) for f in findings] == [("privacy-birth-date", 16)]


@pytest.mark.parametrize(
    "text",
    [
        "Chlapec se narodil v roce 2015.",
        "Born in 2015, he…",
        "Metodika platí od 3. 5. 2015.",
        "Odborník z období 2015–2020.",
        "Oslavil narozeniny 3. 5. 2015.",
    ],
)
def test_dates_and_years_that_are_not_birth_dates(text):
    assert codes(text) == []


# --- addresses and postcodes ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Rodina bydlí v Nádražní 12, v přízemí.", "Nádražní 12"),
        ("Adresa: Husova 1234/5, Tábor", "Husova 1234/5"),
        ("Bydlí v ul. Krátká 7 u babičky.", "ul. Krátká 7"),
        ("Bydlí v ulici Karla Čapka 5 se synem.", "ulici Karla Čapka 5"),
        ("Sešli se na náměstí Míru 1 v Písku.", "náměstí Míru 1"),
        ("Dům Na Příkopě 12, druhé patro.", "Na Příkopě 12"),
        ("Chalupa v Horní Lhotě č. p. 45 je…", "č. p. 45"),
        ("They lived at 12 Station Road with her aunt.", "12 Station Road"),
    ],
)
def test_street_addresses_are_errors(text, quoted):
    assert found(text) == [("privacy-address", quoted)]


@pytest.mark.parametrize(
    "text",
    [
        "Doporučení 3, Vydání 2, Setkání 4.",
        "Kapitola 5, Příloha 2, Fáze 3.",
        "Viz (Nováková 2019, s. 5) a (Husova 2015).",
        "Paní Nováková 45 let pracuje s dětmi.",
        "Klíčová aktivita 2, Praha 8.",
        "Na straně 5, kde je tabulka.",
        "V Praze 5, kde je úřad.",
    ],
)
def test_numbered_things_that_are_not_addresses(text):
    assert codes(text) == []


def test_postcode_with_town_is_a_warning():
    findings = scan("page.md", "Sídlo: 110 00 Praha 1 a pobočka 37001 České Budějovice.", "cs")
    assert [(f.code, f.level) for f in findings] == [("privacy-postcode", "warning")] * 2
    assert found("110 00 Praha 1 a 37001 České Budějovice") == [
        ("privacy-postcode", "110 00 Praha 1"),
        ("privacy-postcode", "37001 České Budějovice"),
    ]
    assert found("PSČ 110 00") == [("privacy-postcode", "PSČ 110 00")]


@pytest.mark.parametrize(
    "text",
    ["Dotace 110 000 Kč.", "Grant 147 146 EUR.", "Zaplatili 110 00 Kč.", "Čísla 110 00 a 200 00."],
)
def test_amounts_are_not_postcodes(text):
    assert codes(text) == []


def test_full_address_reports_the_street_and_the_postcode():
    text = "Bydlí v Nádražní 12, 370 01 České Budějovice."
    assert codes(text) == ["privacy-address", "privacy-postcode"]
    # The street is the error; the town, which may stay as a region, a warning.
    levels = [f.level for f in scan("p.md", text, "cs")]
    assert levels == ["error", "warning"]


# --- court files and bank accounts ------------------------------------------------------


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Soud rozhodl pod sp. zn. 12 P 345/2022.", "12 P 345/2022"),
        ("Opatrovnická věc 15 Nc 1234/2023.", "15 Nc 1234/2023"),
        ("Věc 15 P a Nc 12/2023 byla…", "15 P a Nc 12/2023"),
        ("Rozsudek 3 T 45/2021-12.", "3 T 45/2021-12"),
        ("Mladistvý, spis 2 Tm 7/2020.", "2 Tm 7/2020"),
        ("Spis OSPOD Om 123/2022.", "Om 123/2022"),
        ("Usnesení sp. zn. P 5/2021.", "P 5/2021"),
    ],
)
def test_court_file_numbers_are_errors(text, quoted):
    assert found(text) == [("privacy-court-file", quoted)]


@pytest.mark.parametrize(
    "text",
    [
        "Zákon č. 359/1999 Sb., o sociálně-právní ochraně dětí.",
        "Act No. 108/2006 Coll. on Social Services.",
        "Policejní zákon, § 44–47, a vyhláška 12/2010.",
        "Metodické doporučení 1/2025 a P 5/2021 bez spisové značky.",
        "Nález Ústavního soudu I. ÚS 123/20 a rozsudek 21 Cdo 1234/2020.",
    ],
)
def test_law_citations_are_not_court_files(text):
    assert codes(text) == []


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Sbírka na účet 19-2000145399/0800.", "19-2000145399/0800"),
        ("Účet 2000145399/0800.", "2000145399/0800"),
        ("Účet 34278-0727558021/0100.", "34278-0727558021/0100"),
        ("IBAN CZ65 0800 0000 1920 0014 5399.", "CZ65 0800 0000 1920 0014 5399"),
        ("IBAN CZ6508000000192000145399.", "CZ6508000000192000145399"),
        ("IBAN DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
    ],
)
def test_bank_accounts_are_errors(text, quoted):
    assert found(text) == [("privacy-bank-account", quoted)]


@pytest.mark.parametrize(
    "text",
    [
        "Účet 19-2000145398/0800.",  # wrong checksum
        "Účet 2000145399/0000.",  # no such bank
        "IBAN CZ65 0800 0000 1920 0014 5390.",  # wrong IBAN check digits
        "Období 12/2012 až 12/2013.",
    ],
)
def test_invalid_accounts_are_not_reported(text):
    assert codes(text) == []


# --- children's names -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, quoted, near",
    [
        ("Jejich syn Honzík chodí do školy.", "Honzík", "syn"),
        ("Matka přivedla dceru Aničku.", "Aničku", "dceru"),
        ("Honzíka, osmiletého chlapce, vyzvedla babička.", "Honzíka", "osmiletého"),
        ("Osmiletý Honzík z Krumlova", "Honzík", "Osmiletý"),
        ("Péťa, náš 8letý kluk, se bojí.", "Péťa", "8letý"),
        ("Dívka se jmenuje Bára.", "Bára", "Dívka"),
        ("O Péti říká, že dítě je smutné.", "Péti", "dítě"),
        ("Syn Míra nechce do školy.", "Míra", "Syn"),
        ("Their daughter Eliška was afraid.", "Eliška", "daughter"),
        ("An eight-year-old, Anna, said it.", "Anna", "eight"),
    ],
)
def test_child_names_near_child_words(text, quoted, near):
    findings = scan("page.md", text, "cs")
    assert [(f.code, f.level) for f in findings] == [("privacy-child-name", "error")]
    assert f"“{quoted}”" in findings[0].message
    assert f"next to “{near}”" in findings[0].message
    assert "jména a některé okolnosti byly změněny" in findings[0].hint


@pytest.mark.parametrize(
    "text",
    [
        # The same names far from any child word.
        "Honzík chodí do školy. Pak jde na hřiště, kde je velká houpačka, a potom domů, kde syn…",
        "Anička pracuje jako sociální pracovnice.",
        # A common word at the start of a sentence.
        "Míra ohrožení dítěte je vysoká.",
        "Víte, kde je dítě?",
        # Adults, streets, surnames, citations, the month.
        "Mgr. Jana Nováková mluvila s dítětem.",
        "S dítětem mluvila paní Věra.",
        "Syn bydlí v ulici Karla Čapka.",
        "Syn chodí do ZŠ Jana Wericha a dcera do školy Boženy Němcové.",
        "Syn pana Petra Pavla",
        "NOVÁKOVÁ, Jana. Dítě v krizi. Praha, 2019.",
        "The son was born in Jan 2015.",
        # Not capitalised, not a name.
        "dcera marie",
    ],
)
def test_names_that_are_not_children_names(text):
    assert [c for c in codes(text) if c == "privacy-child-name"] == []


def test_a_name_with_an_age_in_brackets_is_a_child():
    assert found("Chlapec (7 let) a jeho sestra Anna (5 let) žijí s babičkou.") == [
        ("privacy-child-name", "Anna")
    ]
    assert found("Matka Jana (34) a Petr (9).") == [("privacy-child-name", "Petr")]


def test_a_child_at_school_is_still_a_child():
    assert found("Ve škole Honzík, osmiletý chlapec, mlčí.") == [("privacy-child-name", "Honzík")]


def test_the_surname_after_a_first_name_is_not_a_second_finding():
    assert found("syn Jan Marek") == [("privacy-child-name", "Jan")]


def test_names_in_a_case_block_without_child_words():
    text = (
        "Úvod: Anička je tu jen jméno.\n"
        "\n"
        "/// case | Matka a dvě děti\n"
        "    consent: true\n"
        "    anonymised: true\n"
        "Matka přišla s Aničkou a Honzou. Míra rizika byla vysoká.\n"
        "///\n"
        "\n"
        "Pak Anička odešla.\n"
    )
    findings = scan("page.md", text, "cs")
    assert [(f.line, f.message.split("”")[0]) for f in findings] == [
        (6, "first name “Aničkou"),
        (6, "first name “Honzou"),
    ]
    assert all("in a case study" in f.message for f in findings)


def test_case_block_in_a_code_fence_is_only_an_example():
    text = "```markdown\n/// case | Příklad\nAnička\n///\n```\n"
    assert codes(text) == []


def test_inflected_forms_are_generated_by_rule():
    assert {"aničky", "aničce", "aničku", "aničkou"} <= inflections("Anička")
    assert {"honzíka", "honzíkovi", "honzíkem", "honzíku"} <= inflections("Honzík")
    assert {"péti", "péťovi", "péťu"} <= inflections("Péťa")
    assert {"marka", "markovi", "zdeňka", "pavla"} <= (
        inflections("Marek") | inflections("Zdeněk") | inflections("Pavel")
    )
    assert {"jiřího", "jiřímu"} <= inflections("Jiří")
    assert {"marii", "věře", "olze", "janě"} <= (
        inflections("Marie") | inflections("Věra") | inflections("Olga") | inflections("Jana")
    )


def test_the_name_list_is_shipped_as_data():
    data = REPO / "plugins/prirucka/core/data/czech_first_names.txt"
    names = [
        line.strip()
        for line in data.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(names) == len(set(names)) >= 450  # ~300 names and their diminutives
    assert {"Anička", "Honzík", "Péťa", "Jan", "Marie"} <= set(names)
    assert privacy.NAMES == tuple(names)
    assert "core/data/*" in (REPO / "pyproject.toml").read_text(encoding="utf-8")


# --- accepting findings on purpose ------------------------------------------------------


def test_marker_on_the_same_line():
    text = "Volejte 603 123 456. <!-- prirucka: allow privacy-phone -->"
    assert codes(text) == []


def test_marker_on_the_line_above_and_not_further():
    text = "<!-- prirucka: allow privacy-phone -->\nVolejte 603 123 456.\nNebo 777 111 222.\n"
    findings = scan("page.md", text, "cs", first_line=4)
    assert [(f.code, f.line, f.col) for f in findings] == [("privacy-phone", 6, 6)]


def test_marker_allows_only_the_codes_it_names():
    text = "<!-- prirucka: allow privacy-email, privacy-postcode -->\nVolejte 603 123 456 nebo a@b.cz.\n"
    assert codes(text) == ["privacy-phone"]
    text = (
        "<!-- prirucka: allow privacy-email privacy-phone -->\nVolejte 603 123 456 nebo a@b.cz.\n"
    )
    assert codes(text) == []


def test_marker_privacy_allows_every_privacy_code():
    text = "Syn Honzík, nar. 3. 5. 2015, tel. 603 123 456 <!-- prirucka: allow privacy -->"
    assert codes(text) == []


def test_marker_for_another_check_or_in_code_allows_nothing():
    assert codes("Volejte 603 123 456. <!-- prirucka: allow term-variant -->") == ["privacy-phone"]
    assert codes("`<!-- prirucka: allow privacy -->`\nVolejte 603 123 456.") == ["privacy-phone"]
    assert codes("<!-- prirucka: allow -->\nVolejte 603 123 456.") == ["privacy-phone"]


def test_allow_list_holds_exact_strings_whatever_the_spacing():
    text = "Spis 12 P 345/2022 je zveřejněn. Volejte 222\u00a0333\u00a0444 nebo 603 123 456."
    allow = {"12 P 345/2022", "222 333 444"}
    assert found(text, allow=allow) == [("privacy-phone", "603 123 456")]
    assert codes(text) == ["privacy-court-file", "privacy-phone", "privacy-phone"]


# --- positions --------------------------------------------------------------------------


def test_lines_and_columns_in_the_file():
    body = (
        "# Kazuistika\n"  # file line 5
        "\n"
        "Matka (tel. +420 603 123 456) a její syn Honzík.\n"  # 7
        "```\n"
        "nar. 3. 5. 2015 v kódu se nehlásí\n"
        "```\n"
        "Bydlí v Nádražní 12, psát lze na `x@y.cz` nebo jan@seznam.cz.\n"  # 11
        "\tRČ 7103192745\n"  # 12
    )
    findings = scan("docs/cs/kazuistika.md", body, "cs", first_line=5)
    assert [(f.line, f.col, f.code) for f in findings] == [
        (7, 13, "privacy-phone"),
        (7, 42, "privacy-child-name"),
        (11, 9, "privacy-address"),
        (11, 48, "privacy-email"),
        (12, 5, "privacy-birth-number"),
    ]
    assert str(findings[0]).startswith("docs/cs/kazuistika.md:7:13: error: privacy-phone: ")


def test_every_code_is_documented_with_its_level():
    assert CODES == {
        "privacy-birth-number": "error",
        "privacy-birth-date": "error",
        "privacy-court-file": "error",
        "privacy-bank-account": "error",
        "privacy-address": "error",
        "privacy-phone": "error",
        "privacy-child-name": "error",
        "privacy-email": "warning",
        "privacy-postcode": "warning",
    }
    for code in CODES:
        assert f"`{code}`" in privacy.__doc__


def test_hints_say_how_to_anonymise_in_the_page_language():
    cs = {f.code: f.hint for f in scan("p.md", "nar. 3. 5. 2015, Nádražní 12, syn Honzík", "cs")}
    assert "„ve věku 6–8 let“" in cs["privacy-birth-date"]
    assert "„v Jihočeském kraji“" in cs["privacy-address"]
    assert "pseudonym" in cs["privacy-child-name"]
    en = {f.code: f.hint for f in scan("p.md", "born 3 May 2015, their son Honzík", "en")}
    assert "“aged 6–8”" in en["privacy-birth-date"]
    assert "names and some details have been changed" in en["privacy-child-name"]


# --- the masking helper -----------------------------------------------------------------


def test_code_masked_keeps_what_prose_hides():
    text = "Pište na jan@seznam.cz, viz https://x.cz, `kód` a\n```\nblok\n```\n"
    masked = code_masked(text)
    assert len(masked) == len(text)
    assert "jan@seznam.cz" in masked and "https://x.cz" in masked
    assert "kód" not in masked and "blok" not in masked
    assert "jan@seznam.cz" not in prose(text)  # prose() unchanged


def test_sample_content_is_clean():
    """The sample pages in docs/ carry no personal data (contact-block numbers are own)."""
    from prirucka.core import frontmatter
    from prirucka.markdown.blocks import contact_numbers

    pages = sorted((REPO / "docs").glob("*/**/*.md"))
    assert pages
    findings = []
    for page in pages:
        document = frontmatter.read(page)
        lang = page.relative_to(REPO / "docs").parts[0]
        own = set(contact_numbers(document.body))
        findings += scan(str(page), document.body, lang, document.body_line, own_phones=own)
    assert [str(f) for f in findings] == []


# --- public services are not personal data ----------------------------------------------

SERVICES_PAGE = {
    "cs": (
        "## Kam se obrátit\n"
        "\n"
        "| Služba | Telefon | Provozní doba |\n"
        "| --- | --- | --- |\n"
        "| Rodičovská linka | 606 021 021 | po–čt 9–21 |\n"
        "| Krizové centrum | 284 016 666 | nonstop |\n"
        "| Intervenční centrum | 261 263 102 | Po–Pá 8–16 |\n"
        "\n"
        "Otec dívky je k zastižení na svém mobilu 736 123 456.\n"
    ),
    "en": (
        "## Where to turn\n"
        "\n"
        "| Service | Phone | Opening hours |\n"
        "| --- | --- | --- |\n"
        "| Parents' helpline | 606 021 021 | Mon–Thu 9–21 |\n"
        "| Crisis centre | 284 016 666 | 24/7 |\n"
        "| Intervention centre | 261 263 102 | Mon–Fri 8–16 |\n"
        "\n"
        "The girl's father can be reached on his mobile, 736 123 456.\n"
    ),
}


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_a_table_of_public_services_is_not_personal_data(lang):
    """Issue 17: 726 false alarms on such tables; the private number still counts."""
    findings = scan("page.md", SERVICES_PAGE[lang], lang)
    assert [(f.code, f.line) for f in findings] == [("privacy-phone", 9)]
    assert "736 123 456" in findings[0].message


@pytest.mark.parametrize(
    "row",
    [
        "| Krizové centrum Příklad | 284 016 666 |",  # a service's name in the row
        "| Poradna pro rodinu | +420 284 016 666 |",
        "| Příklad, z. s. | 284 016 666 |",
        "| RIAPS | 284 016 666 | nonstop |",  # only its hours
        "| Tým Příklad | 284 016 666 | Po–Pá 8:00–16:30 |",
        "| Crisis centre Example | 284 016 666 |",
        "| Example team | 284 016 666 | Mon–Fri 9–17 |",
        "| Example team | 284 016 666 | 24/7 |",
    ],
)
def test_a_service_name_or_opening_hours_in_the_same_row(row):
    table = f"| A | B | C |\n| --- | --- | --- |\n{row}\n"
    assert codes(table) == []


@pytest.mark.parametrize(
    "header, expected",
    [
        ("| Služba | Telefon |", []),
        ("| Service | Phone |", []),
        ("| Provozní doba | Telefon |", []),
        ("| Jméno | Telefon |", ["privacy-phone"]),
        ("| Name | Phone |", ["privacy-phone"]),
    ],
)
def test_a_table_whose_header_names_services(header, expected):
    table = f"{header}\n| --- | --- |\n| Příklad | 284 016 666 |\n"
    assert codes(table) == expected


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Intervenční centrum Příklad, tel. 261 263 102.", "cs"),
        ("- Krizové centrum: 284 016 666 (nonstop)", "cs"),
        ("Poradna je otevřená Po–Pá 8–16 na čísle 261 263 102.", "cs"),
        ("Obraťte se na OSPOD, tel. +420 261 263 102.", "cs"),
        ("Call the intervention centre on 261 263 102.", "en"),
        ("- Example crisis line: 284 016 666, 24/7", "en"),
        ("The office answers Mon–Fri 9–17 on 261 263 102.", "en"),
    ],
)
def test_a_service_name_or_opening_hours_on_the_same_line(text, lang):
    assert codes(text, lang) == []


@pytest.mark.parametrize(
    "text, lang",
    [
        # A person's number, whatever service the sentence names.
        ("Matka volala na Rodičovskou linku ze svého mobilu 736 123 456.", "cs"),
        ("Her mother called the helpline from 736 123 456.", "en"),
        # The service is in another sentence of the line.
        ("Poradna je otevřená. Volala z čísla 736 123 456.", "cs"),
        ("The centre is open. She called from 736 123 456.", "en"),
        # A table of people, and a service on another line.
        ("| Jméno | Telefon |\n| --- | --- |\n| Anna Příkladová | 736 123 456 |\n", "cs"),
        ("Intervenční centrum pomáhá.\nVolala z čísla 736 123 456.", "cs"),
    ],
)
def test_a_private_number_near_a_service_is_still_found(text, lang):
    assert codes(text, lang) == ["privacy-phone"]


@pytest.mark.parametrize(
    "text",
    [
        "Volejte Rodičovskou linku: 606 021 021.",
        "Zavolejte 606 021 021 nebo +420 800 200 007.",  # no service word: the shipped list
        "Call 800 157 157 or 116 123.",
    ],
)
def test_the_shipped_public_lines_are_never_personal(text):
    assert codes(text) == []


def test_the_projects_helplines_are_never_personal():
    text = "Zavolejte na 222 333 444."
    assert codes(text) == ["privacy-phone"]
    assert codes(text, public_numbers={"+420 222 333 444"}) == []
    assert codes(text, public_numbers={"222333444"}) == []


def test_a_service_mailbox_on_the_line_of_its_service():
    assert codes("- Intervenční centrum Příklad: poradna@ic-priklad.cz") == []
    assert codes("Matka píše z adresy jana.priklad@seznam.cz.") == ["privacy-email"]


def test_the_shipped_list_has_a_source_for_every_number():
    from prirucka.core.helplines import public_lines

    lines = public_lines()
    assert {"116111", "116006", "116000", "116123", "606021021", "800200007", "112", "158"} <= (
        lines.numbers()
    )
    for entry in lines.entries:
        assert entry.source.startswith("https://"), entry.id
        assert entry.name["cs"] and entry.name["en"], entry.id


# --- handbook/helplines.yml ---------------------------------------------------------------


def test_the_repositorys_helplines_cover_the_sample_pages():
    from prirucka.core import frontmatter, helplines

    numbers = helplines.load(REPO / "handbook" / "helplines.yml").numbers()
    written = set()
    for page in [*REPO.glob("docs/*/prirucka-pro-rodice/*.md"), *REPO.glob("docs/*/index.md")]:
        body = frontmatter.read(page).body
        written |= {n.replace(" ", "") for n in re.findall(r"\b1\d\d(?: \d\d\d)?\b", body)}
    assert written and written <= numbers | {"150", "155", "156"}


GOOD_HELPLINE = """\
- id: linka-priklad
  number: "+420 222 333 444"
  name: {cs: Linka Příklad, en: Example line}
  hours: {cs: nonstop, en: 24 hours a day}
  free: true
  languages: [cs, en]
  source: https://example.org/linka
"""


def test_helplines_file_is_read(tmp_path):
    from prirucka.core import helplines

    path = tmp_path / "helplines.yml"
    path.write_text(GOOD_HELPLINE, encoding="utf-8")
    loaded = helplines.load(path)
    (entry,) = loaded.entries
    assert (entry.id, entry.number, entry.name["en"], entry.free, entry.emergency) == (
        "linka-priklad",
        "+420 222 333 444",
        "Example line",
        True,
        False,
    )
    assert loaded.numbers() == frozenset({"222333444"})


@pytest.mark.parametrize(
    "replace, new, line, message",
    [
        ("  source: https://example.org/linka\n", "", 1, "needs `source:`"),
        ('"+420 222 333 444"', "volejte nám", 2, "`number` is the phone number"),
        (
            "name: {cs: Linka Příklad, en: Example line}",
            "name: {cs: Linka Příklad}",
            3,
            "`name.en`",
        ),
        ("  free: true", "  fre: true", 5, "did you mean `free`"),
        ("id: linka-priklad", "id: Linka Příklad", 1, "`id` must be"),
        ("  free: true", "  free: ano", 5, "`true` or `false`"),
    ],
)
def test_helplines_errors_name_the_line(tmp_path, replace, new, line, message):
    from prirucka.core import helplines
    from prirucka.core.errors import AuthorError

    path = tmp_path / "helplines.yml"
    path.write_text(GOOD_HELPLINE.replace(replace, new), encoding="utf-8")
    with pytest.raises(AuthorError) as caught:
        helplines.load(path)
    assert caught.value.line == line
    assert message in caught.value.message


def test_helplines_duplicate_numbers_are_refused(tmp_path):
    from prirucka.core import helplines
    from prirucka.core.errors import AuthorError

    path = tmp_path / "helplines.yml"
    second = GOOD_HELPLINE.replace("linka-priklad", "druha").replace("+420 ", "")
    path.write_text(GOOD_HELPLINE + second, encoding="utf-8")
    with pytest.raises(AuthorError, match="already listed as `linka-priklad`"):
        helplines.load(path)


# --- pseudonyms ---------------------------------------------------------------------------


def _case(body: str, options: str = "") -> str:
    return f"/// case | Rodina\n    consent: true\n    anonymised: true\n{options}{body}\n///\n"


def test_declared_pseudonyms_in_every_form_are_not_findings():
    body = "Anička a Honza bydlí s matkou. Aničce pomohla škola, Honzovi trenér. Bára mlčí."
    options = "    pseudonyms: [Anička, Honza]\n"
    assert found(_case(body, options)) == [("privacy-child-name", "Bára")]
    # Without the option every name is reported.
    assert len(found(_case(body))) == 5


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Anička (jméno změněno) chodí do školy. Aničce se tam líbí.", "cs"),
        ("Honzík (jméno bylo změněno) se bojí. Syn Honzík mlčí.", "cs"),
        ("Honza (8 let, jméno změněno) mlčí.", "cs"),
        ("Anička (name changed) goes to school; Anička likes it.", "en"),
        ("Honzík (name has been changed) is afraid. Their son Honzík says nothing.", "en"),
    ],
)
def test_a_name_marked_as_changed_is_a_pseudonym(text, lang):
    assert codes(_case(text), lang) == []
    # The same case without the note reports the name.
    plain = re.sub(r" \([^)]*\)", "", text)
    assert "privacy-child-name" in codes(_case(plain), lang)


def test_a_pseudonym_counts_on_the_whole_page():
    text = _case("Anička (jméno změněno) chodí do školy.") + "\nDcera Anička se pak zlepšila.\n"
    assert codes(text) == []
    assert codes("Dcera Anička se pak zlepšila.") == ["privacy-child-name"]


def test_the_pseudonyms_option_is_validated():
    import markdown

    def render(options: str) -> None:
        markdown.Markdown(
            extensions=["prirucka_blocks"],
            extension_configs={"prirucka_blocks": {"lang": "cs", "path": "docs/cs/x.md"}},
        ).convert(_case("Text.", options))

    from prirucka.core.errors import AuthorError

    render("    pseudonyms: [Anička, Honza]\n")
    for wrong in (
        "    pseudonyms: Anička\n",
        "    pseudonyms: [Anička, 12]\n",
        "    pseudonyms: []\n",
    ):
        with pytest.raises(AuthorError, match="option `pseudonyms` must"):
            render(wrong)


# --- never personal data --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Podle § 6 zákona č. 359/1999 Sb. a vyhlášky č. 473/2012 Sb. platí…", "cs"),
        ("Under section 6 of Act No. 359/1999 Coll. and Decree No. 473/2012 Coll.", "en"),
        ("ISBN 978-80-7422-123-4, ISBN 80-7178-463-X, ISSN 1210-6348", "cs"),
        ("ISBN 7103192745 and ISSN 1805-7772.", "en"),  # ISBN digits that pass as a birth number
        ("Projekt CZ.03.2.63/0.0/0.0/15_007/0000123, reg. č. LP-HRMGSB-007, IČO 12345678.", "cs"),
        ("Reg. č. 7103192745, číslo projektu 710319/2745, projekt č. 603 123 456.", "cs"),
        ("Project number CZ.03.2.63/0.0/0.0/15_007/0000123, registration no. 603 123 456.", "en"),
        ("V roce 2015 vznikl tým. 12. 3. 2024 se konala konference.", "cs"),
        ("The team was set up in 2015; on 12 March 2024 a conference took place.", "en"),
    ],
)
def test_citations_isbns_project_numbers_and_dates_of_events_are_never_personal(text, lang):
    assert codes(text, lang) == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Konference 12. 3. 2024; dcera se narodila 3. 5. 2015.", "cs"),
        ("The conference on 12 March 2024; she was born on 3 May 2015.", "en"),
    ],
)
def test_only_a_date_next_to_a_birth_word_is_a_birth_date(text, lang):
    assert codes(text, lang) == ["privacy-birth-date"]
