"""Espoo's cross-administrative development programmes, 2013–2025, as the sources state them.

Each council term's programmes hang under one umbrella programme for the term, so that what a
source says of the programmes as a whole (the council set them, Yrityskylä came out of them)
has a node to attach to without attributing it to one programme no source names.
Chairs and vice-chairs of steering groups hold ELECTED_OFFICIAL seats and programme owners
CIVIL_SERVANT seats: the groups were half politicians, half civil servants.
"""

from __future__ import annotations

from functools import partial

from graph.model import EventType, Node, NodeKind, OrgType, SeatType, Sector, Tie, TieType
from seed import sources as s
from seed.actors import event, initiative, organisation, person
from seed.build import claim, tie

ELECTED, CIVIL = SeatType.ELECTED_OFFICIAL, SeatType.CIVIL_SERVANT
_programme = partial(initiative, NodeKind.PROGRAMME)
_project = partial(initiative, NodeKind.PROJECT)
_public = partial(organisation, sector=Sector.PUBLIC)
_ngo = partial(organisation, org_type=OrgType.NGO, sector=Sector.THIRD_SECTOR)
_seat = partial(tie, TieType.SITS_ON)

ESPOO = "espoon-kaupunki"
COUNCIL = "espoon-kaupunginvaltuusto"
BOARD = "espoon-kaupunginhallitus"
TECHNICAL = "espoo-tekninen-ja-ymparistotoimi"
ESF = "euroopan-sosiaalirahasto"

TERM_2013 = "espoon-kehitysohjelmat-2013-2017"
TERM_2017 = "espoon-kehitysohjelmat-2017-2021"
TERM_2021 = "espoon-kehitysohjelmat-2021-2025"
SENIORS = "elinvoimaa-ikaantyville-2013-2017"
SUSTAINABLE = "kestava-kehitys-2013-2017"
COMPETITIVE = "kilpailukyky-innovatiivisuus-ja-yrittajyys-2013-2017"
YOUTH = "nuorten-elinvoimaisuus-2013-2017"
PARTICIPATORY = "osallistuva-espoo-2013-2017"
REPORTS_2014 = "valtuusto-merkitsi-kehitysohjelmien-raportit-2014-10-20"
TARGETS_2017 = "valtuusto-hyvaksyi-hyotytavoitteet-2017-10-16"
PLANS_2018 = "kaupunginhallitus-hyvaksyi-ohjelmasuunnitelmat-2018-02-12"
FOLLOW_UP_2018 = "kehitysohjelmien-seuranta-2018-08-27"

_TERM_SOURCES = (s.ESPOO_NEWS_2017,)


def _branches() -> list[Node]:
    branches = (
        ("espoo-yleishallinto", "Yleishallinto", "general administration"),
        ("espoo-sosiaali-ja-terveystoimi", "Sosiaali- ja terveystoimi", "social and health"),
        ("espoo-sivistystoimi", "Sivistystoimi", "education and culture"),
        (TECHNICAL, "Tekninen ja ympäristötoimi", "technical and environment"),
    )
    return [
        _public(
            id,
            name,
            s.DOCPLAYER_BUDGET_2013,
            org_type=OrgType.CITY_BRANCH,
            municipality="Espoo",
            branch=name,
            description=f"Branch of the City of Espoo ({english}) in the 2013 budget.",
        )
        for id, name, english in branches
    ]


def organisations() -> list[Node]:
    return [
        _public(
            ESPOO,
            "Espoon kaupunki",
            s.ESPOO_NEWS_2017,
            s.DOCPLAYER_BUDGET_2013,
            org_type=OrgType.MUNICIPALITY,
            municipality="Espoo",
            description="The City of Espoo.",
        ),
        _public(
            "helsingin-kaupunki",
            "Helsingin kaupunki",
            s.ESPOONOW_2016,
            org_type=OrgType.MUNICIPALITY,
            municipality="Helsinki",
            description="The City of Helsinki.",
        ),
        _public(
            "turun-kaupunki",
            "Turun kaupunki",
            s.TURKU_BOARD_2022,
            org_type=OrgType.MUNICIPALITY,
            municipality="Turku",
            description="The City of Turku.",
        ),
        _public(
            COUNCIL,
            "Espoon kaupunginvaltuusto",
            s.ESPOO_NEWS_2017,
            org_type=OrgType.ELECTED_BODY,
            municipality="Espoo",
            description="Espoo city council, which sets the development programmes.",
        ),
        _public(
            BOARD,
            "Espoon kaupunginhallitus",
            s.ESPOO_NEWS_2015,
            org_type=OrgType.ELECTED_BODY,
            municipality="Espoo",
            description="Espoo city board, which received the programmes' follow-up reports.",
        ),
        _public(
            "espoon-vanhusneuvosto",
            "Espoon vanhusneuvosto",
            s.ESPOO_NEWS_2015,
            org_type=OrgType.ELECTED_BODY,
            municipality="Espoo",
            description="Espoo's council for the elderly.",
        ),
        *_branches(),
        _public(
            "uudenmaan-te-toimisto",
            "Uudenmaan TE-toimisto",
            s.ESPOONOW_2016,
            org_type=OrgType.STATE_AGENCY,
            description="Uusimaa Employment and Economic Development Office.",
        ),
        _public(
            ESF,
            "Euroopan sosiaalirahasto (ESR)",
            s.ESPOONOW_2016,
            s.TYOELAMA_2020,
            org_type=OrgType.FUND,
            description="The European Social Fund (ESF).",
        ),
        _ngo("monik-ry", "Monik ry", s.ESPOONOW_2016, description="Host of the Urax project."),
        _ngo("kalliolan-nuoret-ry", "Kalliolan Nuoret ry", s.ESPOONOW_2016),
        _ngo(
            "tyttojen-talo",
            "Tyttöjen Talo",
            s.ESPOONOW_2016,
            description="Kalliolan Nuoret ry's Girls' House.",
        ),
        _ngo(
            "talous-ja-nuoret-tat-ry",
            "Talous ja nuoret TAT ry",
            s.TURKU_BOARD_2022,
            description="Coordinates Yrityskylä nationally.",
        ),
        organisation(
            "fortum",
            "Fortum",
            s.FORTUM_2020,
            org_type=OrgType.COMPANY,
            sector=Sector.PRIVATE,
            description="Energy company; a partner of Yrityskylä.",
        ),
    ]


def programmes() -> list[Node]:
    return [
        _programme(
            TERM_2013,
            "Espoon poikkihallinnolliset kehitysohjelmat 2013–2017",
            *_TERM_SOURCES,
            start="2013",
            end="2017",
            description="The five cross-administrative development programmes the council set "
            "in summer 2013 for the council term 2013–2017, derived from the city strategy "
            "(the Espoo story). Steering groups were half elected officials, half civil servants.",
        ),
        _programme(
            SENIORS,
            "Elinvoimaa ikääntyville",
            s.ESPOO_NEWS_2017,
            s.DOCPLAYER_SENIORS,
            start="2013",
            end="2017",
            description="Vitality for the elderly.",
        ),
        _programme(
            SUSTAINABLE,
            "Kestävä kehitys",
            s.ESPOO_NEWS_2017,
            s.DOCPLAYER_SUSTAINABLE,
            start="2013",
            end="2017",
            description="Sustainable development.",
        ),
        _programme(
            COMPETITIVE,
            "Kilpailukyky, innovatiivisuus ja yrittäjyys",
            s.ESPOO_NEWS_2017,
            start="2013",
            end="2017",
            description="Competitiveness, innovation and entrepreneurship.",
        ),
        _programme(
            YOUTH,
            "Nuorten elinvoimaisuus",
            s.ESPOO_NEWS_2017,
            s.ESPOONOW_2013_07,
            s.ESPOONOW_2014_10,
            start="2013",
            end="2017",
            description="Youth vitality ('NOW').",
        ),
        _programme(
            PARTICIPATORY,
            "Osallistuva Espoo",
            s.ESPOO_NEWS_2017,
            s.DOCPLAYER_PARTICIPATORY,
            start="2013",
            end="2017",
            description="Participatory Espoo.",
        ),
        *_programmes_2017_2021(),
        *_programmes_2021_2025(),
    ]


def _programmes_2017_2021() -> list[Node]:
    term = (s.ESPOO_NEWS_2017, s.ESPOON_VIHREAT_2017)
    programme = partial(_programme, start="2017", end="2021")
    wellbeing_names = (
        claim("name", "Hyvinvointi ja terveys", s.ESPOO_NEWS_2017),
        claim("name", "Hyvinvoiva Espoo", s.ESPOON_VIHREAT_2017, s.STT_2021_02, s.TIINA_ELO),
    )
    return [
        _programme(
            TERM_2017,
            "Espoon poikkihallinnolliset kehitysohjelmat 2017–2021",
            *term,
            start="2017",
            end="2021",
            description="In November 2016 the council decided to continue the cross-"
            "administrative programme work in the council term 2017–2021.",
        ),
        programme("osallistuva-espoo-2017-2021", "Osallistuva Espoo", *term, s.TIINA_ELO),
        programme(
            "innostava-elinvoimainen-espoo-2017-2021",
            "Innostava elinvoimainen Espoo",
            *term,
            s.TIINA_ELO,
        ),
        programme("kestava-espoo-2017-2021", "Kestävä Espoo", *term, s.TIINA_ELO),
        Node(
            NodeKind.PROGRAMME,
            "hyvinvoiva-espoo-2017-2021",
            "Hyvinvoiva Espoo",
            sources=(*term, s.TIINA_ELO),
            start="2017",
            end="2021",
            description="Named 'Hyvinvointi ja terveys' in the council's decision of November "
            "2016 and 'Hyvinvoiva Espoo' when its benefit targets were approved on 16.10.2017.",
            claims=wellbeing_names,
        ),
    ]


def _programmes_2021_2025() -> list[Node]:
    term = (s.ESPOO_NEWS_2022,)
    return [
        _programme(
            TERM_2021,
            "Espoon poikkihallinnolliset kehitysohjelmat 2021–2025",
            *term,
            start="2021",
            end="2025",
            description="The cross-administrative programmes of the council term 2021–2025.",
        ),
        _programme(
            "elinvoimainen-espoo-2021-2025", "Elinvoimainen Espoo", *term, start="2021", end="2025"
        ),
        _programme(
            "hyvinvoiva-espoo-2021-2025", "Hyvinvoiva Espoo", *term, start="2021", end="2025"
        ),
        _programme(
            "kestava-espoo-2021-2025",
            "Kestävä Espoo",
            *term,
            s.ESPOO_NEWS_2021,
            start="2021",
            end="2025",
        ),
        _programme(
            "tapahtumien-yhteisollinen-espoo-2021-2025",
            "Tapahtumien yhteisöllinen Espoo",
            *term,
            start="2021",
            end="2025",
        ),
    ]


def projects() -> list[Node]:
    return [
        _project(
            "ohjaamo-espoo",
            "Ohjaamo Espoo",
            s.ESPOONOW_2016,
            start="2015",
            end="2018",
            description="ESF-funded multi-professional guidance for people aged 17–29 outside "
            "work or education.",
        ),
        _project(
            "urax",
            "Urax",
            s.ESPOONOW_2016,
            description="Project related to Ohjaamo Espoo, hosted by Monik ry.",
        ),
        _project(
            "yrityskyla-espoo",
            "Yrityskylä Espoo",
            s.ESPOO_NEWS_2015,
            start="2014-11",
            description="Opened in November 2014; every sixth-grader in Espoo spends a day "
            "there; about 15 partner companies.",
        ),
        _project(
            "meidan-puisto",
            "Meidän puisto",
            s.ESPOO_OUR_PARK,
            s.URBACT_OUR_PARK,
            s.KUNTATEKNIIKKA_2015,
            start="2014",
            description="'Our park': residents care for a local green area under a written care "
            "agreement with a map; sketched in spring 2014 as an Osallistuva Espoo project; "
            "over 150 sites by 2021.",
        ),
    ]


def outcomes() -> list[Node]:
    outcome = partial(initiative, NodeKind.OUTCOME)
    return [
        outcome(
            "ohjaamo-palvelupiste",
            "Ohjaamo-palvelupiste",
            s.ESPOO_NEWS_2017,
            s.ESPOONOW_2016,
            description="A joint service point of professionals from several fields for "
            "guiding young people.",
        ),
        outcome(
            "yrityskyla-konsepti",
            "Yrityskylä-konsepti",
            s.ESPOO_NEWS_2017,
            description="Brings children and young people to working life and entrepreneurship.",
        ),
        outcome(
            "uudet-palvelut-senioreille",
            "Uudenlaiset palvelut senioreille",
            s.ESPOO_NEWS_2017,
            s.ESPOO_NEWS_2015,
            description="New kinds of services for seniors.",
        ),
        outcome(
            "kestavan-kehityksen-sitoumukset",
            "Kestävän kehityksen sitoumukset",
            s.ESPOO_NEWS_2017,
            s.ESPOO_NEWS_2015,
            description="Many sustainable-development commitments.",
        ),
        outcome(
            "lahiviheralueiden-hoitomalli",
            "Asukkaiden lähiviheralueiden hoitomalli",
            s.ESPOO_NEWS_2017,
            s.ESPOO_OUR_PARK,
            s.URBACT_OUR_PARK,
            description="A model for residents to care for their local green areas together "
            "with the city.",
        ),
        outcome(
            "kehitamme-yhdessa-esite",
            "Kehitämme yhdessä – kehitysohjelmat 2013–2016",
            s.ESPOO_NEWS_2017,
            description="Brochure reporting on the programmes and their results.",
        ),
    ]


def goals() -> list[Node]:
    return [
        Node(
            NodeKind.GOAL,
            "espoo-tarina",
            "Espoo-tarina",
            sources=(s.ESPOO_NEWS_2017,),
            description="The city strategy ('the Espoo story') the programmes were derived "
            "from; it aims at the participation of both residents and staff.",
        ),
    ]


def events() -> list[Node]:
    decision, meeting = EventType.DECISION, EventType.MEETING
    return [
        event(
            "valtuusto-asetti-kehitysohjelmat-2013",
            "Valtuusto asetti viisi poikkihallinnollista kehitysohjelmaa",
            s.ESPOO_NEWS_2017,
            event_type=decision,
            start="2013",
            description="In summer 2013 the council set five development programmes.",
        ),
        event(
            "nuorten-elinvoimaisuus-hyotytavoitteet-2013-06-10",
            "Nuorten elinvoimaisuus -ohjelman hyötytavoitteet hyväksyttiin",
            s.ESPOONOW_2013_07,
            s.ESPOO_STORY_EN_2013,
            event_type=decision,
            start="2013-06-10",
        ),
        event(
            REPORTS_2014,
            "Valtuusto merkitsi kehitysohjelmien raportit tiedoksi",
            s.ESPOONOW_2014_10,
            event_type=EventType.REPORT,
            start="2014-10-20",
            description="The council noted the programmes' reports; Nuorten elinvoimaisuus's "
            "report 1:2014 was drafted by its project manager.",
        ),
        event(
            "kehitysohjelmien-seurantaraportit-2015-08-24",
            "Kehitysohjelmien seurantaraportit kaupunginhallitukselle",
            s.ESPOO_NEWS_2015,
            event_type=EventType.REPORT,
            start="2015-08-24",
        ),
        event(
            "kestavan-kehityksen-yhteiskuntasitoumus-2015-06",
            "Kestävän kehityksen yhteiskuntasitoumus",
            s.ESPOO_NEWS_2015,
            event_type=EventType.COMMITMENT,
            start="2015-06",
            description="Espoo was the first Finnish city to give the national societal "
            "commitment to sustainable development.",
        ),
        event(
            "yrityskyla-espoo-avattiin-2014-11",
            "Yrityskylä Espoo avattiin",
            s.ESPOO_NEWS_2015,
            event_type=EventType.LAUNCH,
            start="2014-11",
        ),
        event(
            "kaupunginjohtajan-syntymapaivat-senioreille",
            "Kaupunginjohtajan syntymäpäiväjuhlat senioreille",
            s.ESPOO_NEWS_2015,
            event_type=meeting,
            description="A senior pilot: the mayor's birthday party for seniors.",
        ),
        event(
            "tapaamiset-vanhusjarjestojen-ja-vanhusneuvoston-kanssa",
            "Tapaamiset vanhusjärjestöjen ja vanhusneuvoston kanssa",
            s.ESPOO_NEWS_2015,
            event_type=meeting,
            description="A senior pilot: meetings with elderly organisations and the elderly "
            "council.",
        ),
        event(
            "seniorien-liite-lansivaylassa",
            "Seniorien liite Länsiväylä-lehdessä",
            s.ESPOO_NEWS_2015,
            event_type=EventType.LAUNCH,
            description="A senior pilot: a seniors' insert in the Länsiväylä newspaper.",
        ),
        event(
            "valtuusto-jatkoi-kehitysohjelmia-2016-11",
            "Valtuusto päätti jatkaa kehitysohjelmatyötä 2017–2021",
            s.ESPOO_NEWS_2017,
            event_type=decision,
            start="2016-11",
        ),
        event(
            TARGETS_2017,
            "Valtuusto hyväksyi kehitysohjelmien hyötytavoitteet",
            s.ESPOON_VIHREAT_2017,
            event_type=decision,
            start="2017-10-16",
            description="The programmes' chairs presented each programme's benefit targets.",
        ),
        event(
            PLANS_2018,
            "Kaupunginhallitus hyväksyi kehitysohjelmien ohjelmasuunnitelmat",
            s.TIINA_ELO_2018_08_25,
            event_type=decision,
            start="2018-02-12",
        ),
        event(
            FOLLOW_UP_2018,
            "Kehitysohjelmien seuranta I/2018 kaupunginhallituksessa",
            s.TIINA_ELO,
            s.TIINA_ELO_2018_08_25,
            event_type=EventType.REPORT,
            start="2018-08-27",
            description="The city board sent the programmes' follow-ups to the council, which "
            "notes them; the programmes report to the council twice a year.",
        ),
        event(
            "kestava-espoo-ensimmainen-kokous-2021-09-21",
            "Kestävä Espoo -ohjausryhmän ensimmäinen kokous",
            s.ESPOO_NEWS_2021,
            event_type=meeting,
            start="2021-09-21",
        ),
        event(
            "valtuusto-hyvaksyi-hyotytavoitteet-2022-02-28",
            "Valtuusto hyväksyi poikkihallinnollisten ohjelmien hyötytavoitteet",
            s.ESPOO_NEWS_2022,
            event_type=decision,
            start="2022-02-28",
        ),
    ]


def people() -> list[Node]:
    return [
        person(
            "jukka-makela",
            "Jukka Mäkelä",
            s.ESPOO_NEWS_2017,
            s.DOCPLAYER_SUSTAINABLE,
            s.DOCPLAYER_PARTICIPATORY,
            description="City manager of Espoo.",
        ),
        person("juha-metso", "Juha Metso", s.DOCPLAYER_SENIORS),
        person("kristiina-mustakallio", "Kristiina Mustakallio", s.DOCPLAYER_SENIORS),
        person("maria-rysti", "Maria Rysti", s.DOCPLAYER_SENIORS),
        person("sirpa-hertell", "Sirpa Hertell", s.DOCPLAYER_SUSTAINABLE, s.ESPOON_VIHREAT_2017),
        person("pasi-laitala", "Pasi Laitala", s.DOCPLAYER_SUSTAINABLE),
        person("sampo-suihko", "Sampo Suihko", s.ESPOONOW_2013_07),
        person("martti-hellstrom", "Martti Hellström", s.ESPOONOW_2014_10, s.ESPOONOW_2013_07),
        person(
            "viula-pakka",
            "Viula Pakka",
            s.ESPOONOW_2014_10,
            description="Project manager; drafted Nuorten elinvoimaisuus's report 1:2014.",
        ),
        person("simon-elo", "Simon Elo", s.DOCPLAYER_PARTICIPATORY),
        person("mari-immonen", "Mari Immonen", s.DOCPLAYER_PARTICIPATORY),
        person(
            "johanna-karimaki",
            "Johanna Karimäki",
            s.ESPOON_VIHREAT_2017,
            s.COUNCIL_MINUTES_DOCPLAYER,
            s.ESBO_NEGOTIATING_A,
            s.JOHANNA_KARIMAKI,
        ),
        person("kai-mykkanen", "Kai Mykkänen", s.ESPOO_NEWS_2022),
        person("meri-loyttyniemi", "Meri Löyttyniemi", s.ESPOO_NEWS_2021),
        person("markku-markkula", "Markku Markkula", s.ESPOO_NEWS_2021),
        person("paivi-hoverfalt", "Päivi Hoverfält", s.ESPOO_NEWS_2022),
        person(
            "jaana-junkkari",
            "Jaana Junkkari",
            s.URBACT_OUR_PARK,
            s.KUNTATEKNIIKKA_2015,
            description="Head of customer services in Espoo's technical department.",
        ),
    ]


def nodes() -> list[Node]:
    return [
        *organisations(),
        *programmes(),
        *projects(),
        *outcomes(),
        *goals(),
        *events(),
        *people(),
    ]


def _steering_group(
    programme: str, owner: str, chair: str, *sources: str, chair_also: tuple[str, ...] = ()
) -> list[Tie]:
    """A 2013–2017 programme's group: a civil servant owns it, an elected official chairs it.

    `chair_also` cites what names the chair only.
    """
    return [
        _seat(owner, programme, role="programme owner", seat_type=CIVIL, sources=sources),
        _seat(chair, programme, role="chair", seat_type=ELECTED, sources=(*sources, *chair_also)),
    ]


def _seats() -> list[Tie]:
    elected = partial(_seat, seat_type=ELECTED)
    return [
        *_steering_group(SENIORS, "juha-metso", "kristiina-mustakallio", s.DOCPLAYER_SENIORS),
        *_steering_group(SUSTAINABLE, "jukka-makela", "sirpa-hertell", s.DOCPLAYER_SUSTAINABLE),
        *_steering_group(
            YOUTH,
            "sampo-suihko",
            "martti-hellstrom",
            s.ESPOONOW_2013_07,
            chair_also=(s.ESPOONOW_2014_10,),
        ),
        *_steering_group(PARTICIPATORY, "jukka-makela", "simon-elo", s.DOCPLAYER_PARTICIPATORY),
        elected(
            "sirpa-hertell",
            "kestava-espoo-2017-2021",
            role="chair",
            start="2017",
            sources=(s.ESPOON_VIHREAT_2017,),
        ),
        elected(
            "johanna-karimaki",
            "innostava-elinvoimainen-espoo-2017-2021",
            role="vice-chair",
            start="2017",
            sources=(s.ESPOON_VIHREAT_2017, s.JOHANNA_KARIMAKI),
        ),
        elected(
            "kai-mykkanen",
            "elinvoimainen-espoo-2021-2025",
            role="chair",
            start="2021",
            sources=(s.ESPOO_NEWS_2022,),
        ),
        elected(
            "meri-loyttyniemi",
            "kestava-espoo-2021-2025",
            role="chair",
            start="2021-09",
            sources=(s.ESPOO_NEWS_2021, s.ESPOO_SUSTAINABLE_EN, s.ESPOO_NEWS_2021_12_03),
        ),
        elected(
            "markku-markkula",
            "kestava-espoo-2021-2025",
            role="vice-chair",
            start="2021-09",
            sources=(s.ESPOO_NEWS_2021, s.ESPOO_SUSTAINABLE_EN),
        ),
    ]


def _structure() -> list[Tie]:
    part_of = partial(tie, TieType.PART_OF)
    subunit = partial(tie, TieType.SUBUNIT_OF)
    term_2013 = [SENIORS, SUSTAINABLE, COMPETITIVE, YOUTH, PARTICIPATORY]
    term_2017 = [
        "osallistuva-espoo-2017-2021",
        "innostava-elinvoimainen-espoo-2017-2021",
        "kestava-espoo-2017-2021",
        "hyvinvoiva-espoo-2017-2021",
    ]
    term_2021 = [
        "elinvoimainen-espoo-2021-2025",
        "hyvinvoiva-espoo-2021-2025",
        "kestava-espoo-2021-2025",
        "tapahtumien-yhteisollinen-espoo-2021-2025",
    ]
    branches = [
        "espoo-yleishallinto",
        "espoo-sosiaali-ja-terveystoimi",
        "espoo-sivistystoimi",
        TECHNICAL,
    ]
    return [
        *(part_of(p, TERM_2013, sources=(s.ESPOO_NEWS_2017,)) for p in term_2013),
        *(
            part_of(
                p,
                TERM_2017,
                sources=(s.ESPOO_NEWS_2017, s.ESPOON_VIHREAT_2017, s.STT_2021_02, s.TIINA_ELO),
            )
            for p in term_2017
        ),
        *(part_of(p, TERM_2021, sources=(s.ESPOO_NEWS_2022,)) for p in term_2021),
        tie(TieType.CONTINUED_BY, TERM_2013, TERM_2017, sources=(s.ESPOO_NEWS_2017,)),
        tie(
            TieType.CONTINUED_BY,
            PARTICIPATORY,
            "osallistuva-espoo-2017-2021",
            sources=(s.ESPOO_NEWS_2017,),
        ),
        *(subunit(b, ESPOO, sources=(s.DOCPLAYER_BUDGET_2013,)) for b in branches),
        subunit(COUNCIL, ESPOO, sources=(s.ESPOO_NEWS_2017,)),
        subunit(BOARD, ESPOO, sources=(s.ESPOO_NEWS_2015,)),
        subunit("espoon-vanhusneuvosto", ESPOO, sources=(s.ESPOO_NEWS_2015,)),
        subunit("tyttojen-talo", "kalliolan-nuoret-ry", sources=(s.ESPOONOW_2016,)),
        tie(TieType.LEADS, ESPOO, TERM_2013, role="owner", sources=(s.ESPOO_NEWS_2017,)),
        tie(TieType.LEADS, ESPOO, TERM_2017, role="owner", sources=(s.ESPOO_NEWS_2017,)),
        tie(TieType.LEADS, ESPOO, TERM_2021, role="owner", sources=(s.ESPOO_NEWS_2022,)),
        tie(TieType.HAS_GOAL, TERM_2013, "espoo-tarina", sources=(s.ESPOO_NEWS_2017,)),
    ]


def _people_at_work() -> list[Tie]:
    return [
        tie(
            TieType.EMPLOYED_BY,
            "jukka-makela",
            ESPOO,
            role="city manager",
            sources=(
                s.ESPOO_NEWS_2017,
                s.KH_MINUTES_2014,
                s.ESBO_NEGOTIATING_A,
                s.ESBO_NEGOTIATING_B,
            ),
        ),
        tie(
            TieType.LEADS,
            "maria-rysti",
            SENIORS,
            role="programme manager",
            sources=(s.DOCPLAYER_SENIORS,),
        ),
        tie(
            TieType.LEADS,
            "pasi-laitala",
            SUSTAINABLE,
            role="programme manager",
            sources=(s.DOCPLAYER_SUSTAINABLE,),
        ),
        tie(
            TieType.LEADS,
            "viula-pakka",
            YOUTH,
            role="project manager",
            sources=(s.ESPOONOW_2014_10,),
        ),
        tie(
            TieType.PARTICIPATES_IN,
            "mari-immonen",
            PARTICIPATORY,
            role="drafted the programme description",
            sources=(s.DOCPLAYER_PARTICIPATORY,),
        ),
        tie(
            TieType.LEADS,
            "paivi-hoverfalt",
            TERM_2021,
            role="programme director",
            sources=(s.ESPOO_NEWS_2022,),
        ),
        tie(
            TieType.EMPLOYED_BY,
            "jaana-junkkari",
            TECHNICAL,
            role="head of customer services",
            sources=(s.URBACT_OUR_PARK,),
        ),
        tie(
            TieType.PARTICIPATES_IN,
            "jaana-junkkari",
            "meidan-puisto",
            sources=(s.URBACT_OUR_PARK, s.KUNTATEKNIIKKA_2015),
        ),
    ]


def _projects_and_outcomes() -> list[Tie]:
    produced = partial(tie, TieType.PRODUCED)
    partner = partial(tie, TieType.PARTNER_IN)
    now_2016 = (s.ESPOONOW_2016,)
    return [
        tie(TieType.PART_OF, "ohjaamo-espoo", YOUTH, sources=now_2016),
        tie(
            TieType.PART_OF,
            "meidan-puisto",
            PARTICIPATORY,
            start="2014",
            sources=(s.ESPOO_OUR_PARK, s.URBACT_OUR_PARK),
        ),
        tie(
            TieType.PART_OF,
            "yrityskyla-espoo",
            TERM_2013,
            sources=(s.ESPOO_NEWS_2017, s.ESPOO_NEWS_2015),
        ),
        partner(ESF, "ohjaamo-espoo", role="funder", start="2015", end="2018", sources=now_2016),
        partner("tyttojen-talo", "ohjaamo-espoo", role="cooperation partner", sources=now_2016),
        tie(TieType.LEADS, "monik-ry", "urax", role="host", sources=now_2016),
        partner(ESPOO, "urax", role="partner", sources=now_2016),
        partner("helsingin-kaupunki", "urax", role="partner", sources=now_2016),
        partner("uudenmaan-te-toimisto", "urax", role="partner", sources=now_2016),
        tie(TieType.RELATED_TO, "urax", "ohjaamo-espoo", sources=now_2016),
        partner("fortum", "yrityskyla-espoo", role="partner company", sources=(s.FORTUM_2020,)),
        partner(
            "talous-ja-nuoret-tat-ry",
            "yrityskyla-espoo",
            role="national coordinator",
            sources=(s.TURKU_BOARD_2022,),
        ),
        tie(
            TieType.ADOPTED,
            "turun-kaupunki",
            "yrityskyla-konsepti",
            start="2022",
            end="2025",
            sources=(s.TURKU_BOARD_2022,),
        ),
        produced("ohjaamo-espoo", "ohjaamo-palvelupiste", sources=now_2016),
        produced(
            "meidan-puisto",
            "lahiviheralueiden-hoitomalli",
            sources=(s.ESPOO_OUR_PARK, s.URBACT_OUR_PARK),
        ),
        produced(SENIORS, "uudet-palvelut-senioreille", sources=(s.ESPOO_NEWS_2015,)),
        produced(SUSTAINABLE, "kestavan-kehityksen-sitoumukset", sources=(s.ESPOO_NEWS_2015,)),
        *(
            produced(TERM_2013, outcome, sources=(s.ESPOO_NEWS_2017,))
            for outcome in (
                "ohjaamo-palvelupiste",
                "yrityskyla-konsepti",
                "uudet-palvelut-senioreille",
                "kestavan-kehityksen-sitoumukset",
                "lahiviheralueiden-hoitomalli",
                "kehitamme-yhdessa-esite",
            )
        ),
    ]


def _events() -> list[Tie]:
    has = partial(tie, TieType.HAS_EVENT)
    took = partial(tie, TieType.TOOK_PART_IN)
    news_2015, news_2017 = (s.ESPOO_NEWS_2015,), (s.ESPOO_NEWS_2017,)
    return [
        has(TERM_2013, "valtuusto-asetti-kehitysohjelmat-2013", sources=news_2017),
        took(COUNCIL, "valtuusto-asetti-kehitysohjelmat-2013", role="decided", sources=news_2017),
        has(
            YOUTH,
            "nuorten-elinvoimaisuus-hyotytavoitteet-2013-06-10",
            sources=(s.ESPOONOW_2013_07, s.ESPOO_STORY_EN_2013),
        ),
        took(
            COUNCIL,
            "nuorten-elinvoimaisuus-hyotytavoitteet-2013-06-10",
            role="approved",
            sources=(s.ESPOONOW_2013_07, s.ESPOO_STORY_EN_2013),
        ),
        *_reports_2014(),
        has(TERM_2013, "kehitysohjelmien-seurantaraportit-2015-08-24", sources=news_2015),
        took(
            BOARD,
            "kehitysohjelmien-seurantaraportit-2015-08-24",
            role="received the reports",
            sources=news_2015,
        ),
        has(SUSTAINABLE, "kestavan-kehityksen-yhteiskuntasitoumus-2015-06", sources=news_2015),
        took(
            ESPOO,
            "kestavan-kehityksen-yhteiskuntasitoumus-2015-06",
            role="committed",
            sources=news_2015,
        ),
        has("yrityskyla-espoo", "yrityskyla-espoo-avattiin-2014-11", sources=news_2015),
        has(SENIORS, "kaupunginjohtajan-syntymapaivat-senioreille", sources=news_2015),
        has(SENIORS, "tapaamiset-vanhusjarjestojen-ja-vanhusneuvoston-kanssa", sources=news_2015),
        took(
            "espoon-vanhusneuvosto",
            "tapaamiset-vanhusjarjestojen-ja-vanhusneuvoston-kanssa",
            sources=news_2015,
        ),
        has(SENIORS, "seniorien-liite-lansivaylassa", sources=news_2015),
        has(TERM_2017, "valtuusto-jatkoi-kehitysohjelmia-2016-11", sources=news_2017),
        took(
            COUNCIL, "valtuusto-jatkoi-kehitysohjelmia-2016-11", role="decided", sources=news_2017
        ),
        *_term_2017_events(),
        has(
            "kestava-espoo-2021-2025",
            "kestava-espoo-ensimmainen-kokous-2021-09-21",
            sources=(s.ESPOO_NEWS_2021,),
        ),
        has(
            TERM_2021, "valtuusto-hyvaksyi-hyotytavoitteet-2022-02-28", sources=(s.ESPOO_NEWS_2022,)
        ),
        took(
            COUNCIL,
            "valtuusto-hyvaksyi-hyotytavoitteet-2022-02-28",
            role="approved",
            sources=(s.ESPOO_NEWS_2022,),
        ),
    ]


def _reports_2014() -> list[Tie]:
    has = partial(tie, TieType.HAS_EVENT)
    took = partial(tie, TieType.TOOK_PART_IN)
    now_2014 = (s.ESPOONOW_2014_10,)
    return [
        has(TERM_2013, REPORTS_2014, sources=now_2014),
        has(YOUTH, REPORTS_2014, sources=now_2014),
        took(COUNCIL, REPORTS_2014, role="noted the reports", sources=now_2014),
        took(
            "martti-hellstrom",
            REPORTS_2014,
            role="showed the programme's report to the council as its chair",
            sources=now_2014,
        ),
        took(
            "viula-pakka",
            REPORTS_2014,
            role="drafted Nuorten elinvoimaisuus's report",
            sources=now_2014,
        ),
    ]


def _term_2017_events() -> list[Tie]:
    has = partial(tie, TieType.HAS_EVENT)
    took = partial(tie, TieType.TOOK_PART_IN)
    greens = (s.ESPOON_VIHREAT_2017,)
    previews = (s.TIINA_ELO_2018_08_25,)
    return [
        has(TERM_2017, TARGETS_2017, sources=greens),
        took(COUNCIL, TARGETS_2017, role="approved", sources=greens),
        took(
            "sirpa-hertell",
            TARGETS_2017,
            role="presented Kestävä Espoo's benefit targets as its chair",
            sources=greens,
        ),
        took(
            "johanna-karimaki",
            TARGETS_2017,
            role="spoke as vice-chair of Innostava elinvoimainen Espoo",
            sources=greens,
        ),
        has(TERM_2017, PLANS_2018, sources=previews),
        took(BOARD, PLANS_2018, role="approved", sources=previews),
        has(TERM_2017, FOLLOW_UP_2018, sources=(s.TIINA_ELO, *previews)),
        took(
            BOARD,
            FOLLOW_UP_2018,
            role="sent the follow-ups to the council",
            sources=(s.TIINA_ELO,),
        ),
    ]


def ties() -> list[Tie]:
    return [*_seats(), *_structure(), *_people_at_work(), *_projects_and_outcomes(), *_events()]
