"""Espoo's programmes as the city's record states them: steering groups, decisions, projects.

What the first seed (`seed.espoo`) took from SEED-FACTS.md is widened here from public pages read
for issue 17: the city board's minutes of 2021-2022, the city's pages and news on the 2021–2025
programmes, a 2021 press release on the 2017–2021 programmes, council and city-board attendance
lists that give the roles of people already in the graph, and MDI's page on its KunTeko
evaluation. The passages (in the original language) the facts rely on are kept beside each
source in `seed.sources`; seed/FACTS.md lists them by document.

Seats: members the sources list with a party are ELECTED_OFFICIAL; the youth council's
representatives are neither councillors nor office-holders, so their seats name no seat type.
Dates are only those a source gives; a seat without one is dated by its programme.
"""

from __future__ import annotations

from functools import partial

from graph.model import EventType, Node, NodeKind, OrgType, SeatType, Sector, Tie, TieType
from seed import sources as s
from seed.actors import event, initiative, organisation, person
from seed.build import tie
from seed.espoo import BOARD, COUNCIL, ESPOO, TERM_2013, TERM_2017, TERM_2021

SEAT = partial(tie, TieType.SITS_ON)

VITAL_2021 = "elinvoimainen-espoo-2021-2025"
WELLBEING_2021 = "hyvinvoiva-espoo-2021-2025"
SUSTAINABLE_2021 = "kestava-espoo-2021-2025"
EVENTS_2021 = "tapahtumien-yhteisollinen-espoo-2021-2025"
NEGOTIATING = "espoon-valtuuston-neuvottelutoimikunta"
CULTURE = "espoon-kulttuuripalvelut"

KH_177 = "kaupunginhallitus-2021-05-24-177"
KH_49 = "kaupunginhallitus-2022-02-14-49"
KH_114 = "kaupunginhallitus-2022-04-11-114"
COUNCIL_TOPICS = "valtuusto-paatti-kehitysohjelmien-aiheet-2021-06-07"
COUNCIL_MEMBERS = "valtuusto-paatti-ohjausryhmien-jasenet-2021-08-30"
EVENTS_WORKSHOP = "tapahtumien-yhteisollinen-espoo-tyopaja-2021-11-24"
STORY_2013 = "valtuusto-paatti-espoo-tarinan-2013-06-10"


def organisations() -> list[Node]:
    return [
        organisation(
            NEGOTIATING,
            "Espoon valtuuston neuvottelutoimikunta",
            s.ESBO_NEGOTIATING_A,
            s.ESBO_NEGOTIATING_B,
            org_type=OrgType.ELECTED_BODY,
            sector=Sector.PUBLIC,
            municipality="Espoo",
            description="The council's negotiating committee (Fullmäktiges "
            "förhandlingskommitté), made up of the chairs of the council groups.",
        ),
        organisation(
            CULTURE,
            "Espoon kulttuuripalvelut",
            s.ESPOO_NEWS_2022_12_27,
            org_type=OrgType.CITY_BRANCH,
            sector=Sector.PUBLIC,
            municipality="Espoo",
            description="The city's Cultural Services, with which Senioripaku was devised.",
        ),
    ]


def projects() -> list[Node]:
    project = partial(initiative, NodeKind.PROJECT)
    return [
        project(
            "senioripaku",
            "Senioripaku",
            s.ESPOO_NEWS_2022_12_27,
            start="2022",
            description="A van that toured Espoo in summer 2022 with activities and guidance "
            "for senior citizens; a measure of the Healthy Espoo programme.",
        ),
        project(
            "kupla-tapahtumatila",
            "Kupla-tapahtumatila",
            s.ESBO_SFP_2023,
            description="An event space to strengthen community; Espoo Talent Hub's events for "
            "international talents and their families are to be held there.",
        ),
        project(
            "kansainvalisten-espoolaisten-rekrytointipilotti",
            "Pilotti työnantajien valmiuksien parantamiseksi rekrytoida kansainvälisiä espoolaisia",
            s.ESBO_SFP_2023,
            description="A pilot to improve employers' readiness to recruit international "
            "Espoo residents (Finnish as a second language support, job adaptation).",
        ),
        project(
            "soft-landing-hanke",
            "Kansainvälisten startup-yritysten Soft Landing -hanke",
            s.ESBO_SFP_2023,
            start="2023",
            end="2025",
            description="Soft Landing project for international start-ups.",
        ),
    ]


def events() -> list[Node]:
    decision = EventType.DECISION
    return [
        event(
            STORY_2013,
            "Valtuusto päätti Espoo-tarinasta 2013–2017",
            s.ESPOO_STORY_EN_2013,
            event_type=decision,
            start="2013-06-10",
            description="The council decided the Espoo Story 2013–2017; the goal-setting of the "
            "development programmes was confirmed as part of it.",
        ),
        event(
            KH_177,
            "Kaupunginhallitus 24.5.2021 § 177: valtuustokauden 2021–2025 kehitysohjelmat",
            s.KH_2021_05_24,
            event_type=decision,
            start="2021-05-24",
            description="The city board proposed the four programmes of 2021–2025 to the "
            "council, with nine elected and nine civil-servant members for Kestävä Espoo's "
            "steering group and five and five, each with a personal deputy, for the others.",
        ),
        event(
            COUNCIL_TOPICS,
            "Valtuusto hyväksyi kehitysohjelmien aiheet",
            s.KH_2022_02_14,
            event_type=decision,
            start="2021-06-07",
        ),
        event(
            COUNCIL_MEMBERS,
            "Valtuusto päätti ohjausryhmien luottamushenkilöjäsenet, puheenjohtajat ja "
            "varapuheenjohtajat",
            s.KH_2022_02_14,
            event_type=decision,
            start="2021-08-30",
            description="The city manager named the steering groups' civil-servant members.",
        ),
        event(
            KH_49,
            "Kaupunginhallitus 14.2.2022 § 49: kehitysohjelmien hyötytavoitteet",
            s.KH_2022_02_14,
            event_type=decision,
            start="2022-02-14",
            description="The city board proposed the programmes' benefit targets to the council.",
        ),
        event(
            KH_114,
            "Kaupunginhallitus 11.4.2022 § 114: ohjelmasuunnitelmien hyväksyminen",
            s.KH_2022_04_11,
            event_type=decision,
            start="2022-04-11",
        ),
        event(
            EVENTS_WORKSHOP,
            "Tapahtumien yhteisöllinen Espoo -ohjausryhmän työpaja",
            s.ESPOO_NEWS_2021_12_10,
            event_type=EventType.WORKSHOP,
            start="2021-11-24",
            description="The programme's work began with this steering-group workshop.",
        ),
    ]


_NEW_PEOPLE: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = (
    ("jorma-valve", "Jorma Valve", (s.KH_2021_05_24,), None),
    ("mikko-bjorklund", "Mikko Björklund", (s.ESPOO_SUSTAINABLE_EN,), "Movement Now."),
    ("adwoa-brewu", "Adwoa Brewu", (s.ESPOO_SUSTAINABLE_EN,), "Christian Democrats."),
    ("nina-siivola", "Nina Siivola", (s.ESPOO_SUSTAINABLE_EN,), "Swedish People's Party."),
    ("mervi-syvaranta", "Mervi Syväranta", (s.ESPOO_SUSTAINABLE_EN,), "Finns Party."),
    ("sofia-tuisku", "Sofia Tuisku", (s.ESPOO_SUSTAINABLE_EN,), "Centre Party."),
    (
        "kari-uotila",
        "Kari Uotila",
        (s.ESPOO_SUSTAINABLE_EN, s.ESBO_NEGOTIATING_A, s.ESBO_NEGOTIATING_B),
        "Left Alliance.",
    ),
    ("iiro-nieminen", "Iiro Nieminen", (s.ESPOO_SUSTAINABLE_EN,), "Espoo youth council."),
    ("kasperi-manninen", "Kasperi Manninen", (s.ESPOO_NEWS_2021_12_03,), "Espoo youth council."),
    ("joel-vanhanen", "Joel Vanhanen", (s.ESPOO_NEWS_2021_12_10,), "National Coalition Party."),
    (
        "lea-rintala",
        "Lea Rintala",
        (s.ESPOO_NEWS_2021_12_10, s.KH_2022_02_14, s.KH_2022_04_11),
        None,
    ),
    ("helena-marttila", "Helena Marttila", (s.ESPOO_NEWS_2022_12_27, s.HELENA_MARTTILA), None),
    ("sanna-ronkkonen", "Sanna Rönkkönen", (s.KH_2022_02_14, s.KH_2022_04_11), None),
    ("maarit-viik-kajander", "Maarit Viik-Kajander", (s.KH_2022_02_14, s.KH_2022_04_11), None),
    ("kaisu-m-toivonen", "Kaisu M. Toivonen", (s.KH_2022_02_14, s.KH_2022_04_11), None),
    ("johanna-lyytikainen", "Johanna Lyytikäinen", (s.KH_2022_02_14, s.KH_2022_04_11), None),
)

PREPARERS_2022 = (
    "paivi-hoverfalt",
    "pasi-laitala",
    "johanna-lyytikainen",
    "sanna-ronkkonen",
    "maarit-viik-kajander",
    "kaisu-m-toivonen",
    "lea-rintala",
)


def people() -> list[Node]:
    return [
        person(id, name, *cited, description=description)
        for id, name, cited, description in _NEW_PEOPLE
    ]


def nodes() -> list[Node]:
    return [*organisations(), *projects(), *events(), *people()]


def _seats() -> list[Tie]:
    sustainable_en = (s.ESPOO_SUSTAINABLE_EN,)
    members = (
        "mikko-bjorklund",
        "adwoa-brewu",
        "martti-hellstrom",
        "nina-siivola",
        "mervi-syvaranta",
        "sofia-tuisku",
        "kari-uotila",
    )
    youth = "youth council representative"
    elected = SeatType.ELECTED_OFFICIAL
    return [
        *(
            SEAT(p, SUSTAINABLE_2021, role="member", seat_type=elected, sources=sustainable_en)
            for p in members
        ),
        SEAT("iiro-nieminen", SUSTAINABLE_2021, role=youth, sources=sustainable_en),
        SEAT(
            "kasperi-manninen",
            SUSTAINABLE_2021,
            role=youth,
            start="2021-12",
            sources=(s.ESPOO_NEWS_2021_12_03,),
        ),
        SEAT(
            "joel-vanhanen",
            EVENTS_2021,
            role="chair",
            seat_type=elected,
            sources=(s.ESPOO_NEWS_2021_12_10,),
        ),
        SEAT(
            "helena-marttila",
            WELLBEING_2021,
            role="chair",
            seat_type=elected,
            sources=(s.ESPOO_NEWS_2022_12_27, s.HELENA_MARTTILA),
        ),
    ]


def _leads_and_roles() -> list[Tie]:
    member_of = partial(tie, TieType.MEMBER_OF)
    minutes_2014 = (s.KH_MINUTES_2014,)
    council_minutes = (s.COUNCIL_MINUTES_DOCPLAYER,)
    councillors = (
        ("simon-elo", "PerusS/Sit."),
        ("martti-hellstrom", "SDP"),
        ("sirpa-hertell", "Vihr."),
        ("johanna-karimaki", "Vihr."),
        ("markku-markkula", "Kok."),
        ("kristiina-mustakallio", "Kok."),
    )
    return [
        tie(
            TieType.LEADS,
            "paivi-hoverfalt",
            TERM_2017,
            role="programme director",
            sources=(s.STT_2021_02,),
        ),
        tie(
            TieType.LEADS,
            "lea-rintala",
            EVENTS_2021,
            role="programme manager",
            sources=(s.ESPOO_NEWS_2021_12_10,),
        ),
        *(
            member_of(p, COUNCIL, role=f"councillor ({party})", sources=council_minutes)
            for p, party in councillors
        ),
        member_of(
            "sirpa-hertell",
            COUNCIL,
            role="first vice-chair of the council",
            start="2014",
            sources=minutes_2014,
        ),
        member_of(
            "kai-mykkanen", COUNCIL, role="chair of the council", sources=(s.ESBO_NEGOTIATING_A,)
        ),
        member_of(
            "johanna-karimaki",
            COUNCIL,
            role="third vice-chair of the council",
            sources=(s.ESBO_NEGOTIATING_A,),
        ),
        member_of(
            "markku-markkula",
            BOARD,
            role="chair of the city board",
            sources=(s.ESBO_NEGOTIATING_A, s.ESBO_NEGOTIATING_B),
        ),
        member_of("sirpa-hertell", NEGOTIATING, role="member", sources=(s.ESBO_NEGOTIATING_A,)),
        member_of(
            "kari-uotila",
            NEGOTIATING,
            role="member",
            sources=(s.ESBO_NEGOTIATING_A, s.ESBO_NEGOTIATING_B),
        ),
        tie(
            TieType.EMPLOYED_BY,
            "juha-metso",
            ESPOO,
            role="director of social and health services (perusturvajohtaja)",
            start="2014",
            sources=(s.KH_MINUTES_2014, s.ESBO_NEGOTIATING_B),
        ),
        tie(
            TieType.EMPLOYED_BY,
            "sampo-suihko",
            ESPOO,
            role="director of education and culture (sivistystoimen johtaja)",
            start="2014",
            sources=minutes_2014,
        ),
        tie(
            TieType.EMPLOYED_BY,
            "mari-immonen",
            ESPOO,
            role="city secretary (kaupunginsihteeri)",
            start="2014",
            sources=minutes_2014,
        ),
    ]


def _structure_and_projects() -> list[Tie]:
    part_of = partial(tie, TieType.PART_OF)
    sfp = (s.ESBO_SFP_2023,)
    return [
        tie(TieType.SUBUNIT_OF, NEGOTIATING, COUNCIL, sources=(s.ESBO_NEGOTIATING_A,)),
        tie(TieType.SUBUNIT_OF, CULTURE, ESPOO, sources=(s.ESPOO_NEWS_2022_12_27,)),
        part_of("senioripaku", WELLBEING_2021, sources=(s.ESPOO_NEWS_2022_12_27,)),
        tie(
            TieType.PARTNER_IN,
            CULTURE,
            "senioripaku",
            role="devised the project together",
            sources=(s.ESPOO_NEWS_2022_12_27,),
        ),
        *(
            part_of(p, VITAL_2021, sources=sfp)
            for p in (
                "kupla-tapahtumatila",
                "kansainvalisten-espoolaisten-rekrytointipilotti",
                "soft-landing-hanke",
            )
        ),
    ]


def _events() -> list[Tie]:
    has = partial(tie, TieType.HAS_EVENT)
    took = partial(tie, TieType.TOOK_PART_IN)
    kh_49, kh_114 = (s.KH_2022_02_14,), (s.KH_2022_04_11,)
    return [
        has(TERM_2013, STORY_2013, sources=(s.ESPOO_STORY_EN_2013,)),
        took(COUNCIL, STORY_2013, role="decided", sources=(s.ESPOO_STORY_EN_2013,)),
        has(TERM_2021, KH_177, sources=(s.KH_2021_05_24,)),
        took(BOARD, KH_177, role="proposed to the council", sources=(s.KH_2021_05_24,)),
        took("jukka-makela", KH_177, role="presenter", sources=(s.KH_2021_05_24,)),
        *(
            took(p, KH_177, role="preparer", sources=(s.KH_2021_05_24,))
            for p in ("jorma-valve", "paivi-hoverfalt")
        ),
        has(TERM_2021, COUNCIL_TOPICS, sources=kh_49),
        took(COUNCIL, COUNCIL_TOPICS, role="decided", sources=kh_49),
        has(TERM_2021, COUNCIL_MEMBERS, sources=kh_49),
        took(COUNCIL, COUNCIL_MEMBERS, role="decided", sources=kh_49),
        has(TERM_2021, KH_49, sources=kh_49),
        took(BOARD, KH_49, role="proposed to the council", sources=kh_49),
        took("jukka-makela", KH_49, role="presenter", sources=kh_49),
        *(took(p, KH_49, role="preparer", sources=kh_49) for p in PREPARERS_2022),
        has(TERM_2021, KH_114, sources=kh_114),
        took(BOARD, KH_114, role="approved", sources=kh_114),
        took("jukka-makela", KH_114, role="presenter", sources=kh_114),
        *(took(p, KH_114, role="preparer", sources=kh_114) for p in PREPARERS_2022),
        has(EVENTS_2021, EVENTS_WORKSHOP, sources=(s.ESPOO_NEWS_2021_12_10,)),
        took(
            "kt-kuntatyonantajat",
            "kunteko-ulkoinen-arviointi-2020",
            role="commissioned the evaluation",
            sources=(s.MDI_KUNTEKO,),
        ),
    ]


def ties() -> list[Tie]:
    return [*_seats(), *_leads_and_roles(), *_structure_and_projects(), *_events()]
