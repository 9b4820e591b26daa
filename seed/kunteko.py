"""KunTeko 2020, the municipal-sector work-life development programme, as the sources state it.

Its services (municipality visits, sparring, trainings, coaching, workshops), its two external
evaluations and its award ceremonies are events of the programme; Tekojen tori and the
development networks are its outcomes. The organisations it awarded are the participants its
public material names; each took part in the ceremony that awarded it.
"""

from __future__ import annotations

from functools import partial

from graph.model import EventType, Node, NodeKind, OrgType, Sector, Tie, TieType
from seed import sources as s
from seed.actors import event, initiative, organisation, person
from seed.build import claim, tie
from seed.espoo import ESF

KUNTEKO = "kunteko-2020"
S20190 = "kunteko-2020-esr-s20190"
S21159 = "kunteko-2020-esr-s21159"
KUNTATYO2030 = "kuntatyo2030"
TEKOJEN_TORI = "tekojen-tori"
JAANU = "anna-mari-jaanu"
KT = "kt-kuntatyonantajat"
KUNTALIITTO = "suomen-kuntaliitto-ry"
MDI = "mdi-oy"
TEMPO = "tempo-economics-oy"
JHL = "jhl"
JALONEN = "markku-jalonen"
NIEMI_LAINE = "paivi-niemi-laine"
EVALUATION_2017 = "kunteko-ulkoinen-arviointi-2017"
EVALUATION_2020 = "kunteko-ulkoinen-arviointi-2020"
AWARDS_2017 = "kunteko-tunnustuspalkinnot-2017-11-16"
GALA_2019 = "kunteko-gaala-2019-11-20"
FINAL_SEMINAR = "kuntekon-loppuseminaari-2020-11-25"

_EURA = (s.EURA_S20190, s.EURA_S21159)
_RUN_BY = (s.TYOELAMA_2020, s.TARKEISSA_TOISSA)
_REACH = (s.TEKOJEN_TORI_2020, s.KT_FINAL)
_LAST_YEAR = (s.KUNTEKO_LAST_YEAR,)
_labour = partial(organisation, org_type=OrgType.LABOUR_MARKET)


def organisations() -> list[Node]:
    return [
        _labour(
            KT,
            "KT Kuntatyönantajat",
            *_RUN_BY,
            sector=Sector.PUBLIC,
            description="Local government employers; ran and funded KunTeko 2020.",
        ),
        _labour("juko-ry", "JUKO ry", *_RUN_BY, sector=Sector.THIRD_SECTOR),
        _labour(
            "koho-ry",
            "KoHo ry",
            *_RUN_BY,
            sector=Sector.THIRD_SECTOR,
            description="Later Sote ry.",
        ),
        _labour("jau", "JAU", *_RUN_BY, sector=Sector.THIRD_SECTOR),
        organisation(
            "hameen-ely-keskus",
            "Hämeen ELY-keskus",
            *_RUN_BY,
            org_type=OrgType.STATE_AGENCY,
            sector=Sector.PUBLIC,
            description="The Häme Centre for Economic Development, Transport and the "
            "Environment, through which KunTeko received ESF funding.",
        ),
        organisation(
            KUNTALIITTO,
            "Suomen Kuntaliitto ry",
            *_EURA,
            org_type=OrgType.NGO,
            sector=Sector.PUBLIC,
            description="The Association of Finnish Municipalities; applicant of KunTeko's ESF "
            "projects.",
        ),
        organisation(
            MDI,
            "MDI Oy",
            s.TARKEISSA_TOISSA_B,
            s.MDI_KUNTEKO,
            org_type=OrgType.RESEARCH,
            sector=Sector.PRIVATE,
            description="External evaluator of KunTeko 2020 (2020).",
        ),
        organisation(
            TEMPO,
            "Tempo Economics Oy",
            s.KUNTEKO_FIRST_EVALUATION,
            org_type=OrgType.RESEARCH,
            sector=Sector.PRIVATE,
            description="External evaluator of KunTeko's first period (2017).",
        ),
        _labour(
            JHL,
            "Julkisten ja hyvinvointialojen liitto JHL",
            s.STT_KUNTEKO_2017,
            s.TEKOJEN_TORI_GALA_2019,
            sector=Sector.THIRD_SECTOR,
            description="Trade union of public and welfare sectors.",
        ),
        *_awarded(),
    ]


def _awarded() -> list[Node]:
    """The municipal organisations KunTeko's awards name ("kuntaorganisaatioita")."""
    town = partial(organisation, org_type=OrgType.MUNICIPALITY, sector=Sector.PUBLIC)
    return [
        town(
            "hameenkyron-kunta", "Hämeenkyrön kunta", s.STT_KUNTEKO_2017, municipality="Hämeenkyrö"
        ),
        town(
            "ikaalisten-kaupunki",
            "Ikaalisten kaupunki",
            s.STT_KUNTEKO_2017,
            municipality="Ikaalinen",
        ),
        organisation(
            "jarvi-saimaan-palvelut-oy",
            "Järvi-Saimaan Palvelut Oy",
            s.STT_KUNTEKO_2017,
            org_type=OrgType.COMPANY,
            sector=Sector.PUBLIC,
            description="A company the release counts among the municipal organisations it "
            "awarded.",
        ),
        town(
            "kemin-kaupunki",
            "Kemin kaupunki",
            s.STT_KUNTEKO_2017,
            s.KALEVA_2020,
            municipality="Kemi",
        ),
        organisation(
            "satakunnan-sairaanhoitopiiri",
            "Satakunnan sairaanhoitopiiri",
            s.STT_KUNTEKO_2017,
            org_type=OrgType.JOINT_AUTHORITY,
            sector=Sector.PUBLIC,
            description="The Satakunta hospital district.",
        ),
        town("pyhajarven-kaupunki", "Pyhäjärven kaupunki", s.KALEVA_2020, municipality="Pyhäjärvi"),
        town("limingan-kunta", "Limingan kunta", s.KALEVA_2020, municipality="Liminka"),
        town("kempeleen-kunta", "Kempeleen kunta", s.KALEVA_2020, municipality="Kempele"),
    ]


def initiatives() -> list[Node]:
    programme = partial(initiative, NodeKind.PROGRAMME)
    project = partial(initiative, NodeKind.PROJECT)
    return [
        programme(
            "tyoelama-2020",
            "Työelämä 2020",
            s.TYOELAMA_2020,
            description="The national work-life development programme KunTeko 2020 was a "
            "sector programme of.",
        ),
        Node(
            NodeKind.PROGRAMME,
            KUNTEKO,
            "KunTeko 2020",
            sources=(s.KUNTEKO_BLOG, *_RUN_BY, *_EURA, *_REACH, *_LAST_YEAR),
            start="2015",
            end="2020",
            description="Kunta- ja maakunta-alan työelämän kehittämisohjelma: the municipal-"
            "sector work-life development programme.",
            claims=(
                claim(
                    "organisationsTakingPart",
                    "about 240 (182 in the first period and 146 in the second in the longer "
                    "measures)",
                    *_REACH,
                ),
                claim(
                    "participants",
                    "about 5,000 in sparring, trainings, networks and workshops (about 80 % "
                    "employees); about 10,000 over six years with events",
                    *_REACH,
                ),
                claim("budget", "about 3 million euros", s.TARKEISSA_TOISSA),
            ),
        ),
        project(
            S20190,
            "Kunteko 2020 - Kunta-alan työelämän kehittämisohjelma (S20190)",
            s.EURA_S20190,
            start="2015-01-01",
            end="2017-12-31",
            description="ESF project record S20190.",
        ),
        project(
            S21159,
            "Kunteko 2020 -kunta- ja maakunta-alan työelämän kehittämisohjelma (S21159)",
            s.EURA_S21159,
            start="2018-01-01",
            end="2021-01-01",
            description="ESF project record S21159.",
        ),
        programme(
            "tyo2030",
            "TYÖ2030",
            s.TARKEISSA_2021_2022,
            description="The programme that funded municipal-sector development projects in "
            "2021–2022.",
        ),
        project(
            KUNTATYO2030,
            "Kuntatyö2030",
            s.TARKEISSA_2021_2022,
            s.KUNTATYO2030_SITE,
            start="2021-05-01",
            end="2022-12-31",
            description="Successor of KunTeko 2020; renewed Tekojen tori.",
        ),
    ]


def outcomes() -> list[Node]:
    outcome = partial(initiative, NodeKind.OUTCOME)
    return [
        outcome(
            TEKOJEN_TORI,
            "Tekojen tori",
            s.KUNTEKO_BLOG,
            *_LAST_YEAR,
            description="A marketplace of municipal development stories ('kehittämisteot'): "
            "almost 600 when the programme's last year began; to live on after the programme.",
        ),
        outcome(
            "kuntekon-kehittamisverkostot",
            "Kuntekon kehittämisverkostot",
            s.KUNTEKO_BLOG,
            s.TEKOJEN_TORI_ENGLISH,
            *_LAST_YEAR,
            description="Development and learning networks of municipal organisations.",
        ),
    ]


def goals() -> list[Node]:
    goal = partial(Node, NodeKind.GOAL)
    return [
        goal(
            "kunteko-yhteyshenkilo-jokaisessa-kunnassa",
            "Kunteko-yhteyshenkilö jokaisessa kunnassa ja kuntayhtymässä",
            sources=(s.KUNTEKO_BLOG,),
            description="A KunTeko contact person in every municipality and joint municipal "
            "authority.",
        ),
        goal(
            "kuntien-tarpeet-etusijalle",
            "Kuntien tarpeet etusijalle",
            sources=(s.KUNTEKO_BLOG,),
            description="Carry out the programme customer-first and with results, listening "
            "to what municipalities need.",
        ),
    ]


def events() -> list[Node]:
    return [
        event(
            "kunteko-kuntakaynnit",
            "Kuntekon kuntakäynnit",
            s.KUNTEKO_BLOG,
            event_type=EventType.VISIT,
            start="2015",
            description="Tens of municipality visits by November 2015, to be continued.",
        ),
        event(
            "kunteko-sparraus",
            "Kuntekon sparraus",
            s.KUNTEKO_BLOG,
            s.KT_FINAL,
            *_LAST_YEAR,
            event_type=EventType.SPARRING,
            start="2015",
            end="2020",
            description="Sparring for one organisation at a time, a service of the programme "
            "in 2015–2020.",
        ),
        event(
            "kunteko-sisaisten-kehittajien-koulutus",
            "Sisäisten kehittäjien koulutus",
            s.KUNTEKO_BLOG,
            s.TEKOJEN_TORI_ENGLISH,
            *_LAST_YEAR,
            event_type=EventType.TRAINING,
            start="2015",
            description="A 3-day training for internal developers.",
        ),
        event(
            "kunteko-valmennukset",
            "Kuntekon valmennukset",
            s.TEKOJEN_TORI_ENGLISH,
            event_type=EventType.TRAINING,
            description="Coaching.",
        ),
        event(
            "kunteko-tyopajat-ja-klinikat",
            "Kuntekon työpajat ja klinikat",
            s.TEKOJEN_TORI_ENGLISH,
            *_LAST_YEAR,
            event_type=EventType.WORKSHOP,
            description="Workshops and clinics.",
        ),
        event(
            EVALUATION_2020,
            "Kuntekon ulkoinen arviointi",
            s.TARKEISSA_TOISSA_B,
            s.MDI_KUNTEKO,
            *_LAST_YEAR,
            event_type=EventType.REPORT,
            start="2020",
            description="External evaluation by MDI Oy.",
        ),
        event(
            EVALUATION_2017,
            "Kuntekon ensimmäisen kauden ulkoinen arviointi",
            s.KUNTEKO_FIRST_EVALUATION,
            event_type=EventType.REPORT,
            start="2017-06",
            end="2017-08",
            description="External evaluation of the first period (2015–2017) by Tempo "
            "Economics Oy, made in June–August 2017.",
        ),
        *_ceremonies(),
    ]


def _ceremonies() -> list[Node]:
    meeting = partial(event, event_type=EventType.MEETING)
    return [
        meeting(
            AWARDS_2017,
            "KunTeko 2020 -ohjelman tunnustuspalkinnot",
            s.STT_KUNTEKO_2017,
            start="2017-11-16",
            description="Awards in Helsinki to municipal organisations, their units and employees.",
        ),
        meeting(
            GALA_2019,
            "Kunteko-gaala 2019",
            s.KT_GALA_2019,
            s.TEKOJEN_TORI_GALA_2019,
            start="2019-11-20",
            description="The second Kunteko gala, in Helsinki: 41 awards for municipal "
            "development work.",
        ),
        meeting(
            FINAL_SEMINAR,
            "Kuntekon loppuseminaari",
            s.STT_KUNTEKO_2020,
            s.KALEVA_2020,
            *_LAST_YEAR,
            start="2020-11-25",
            description="KunTeko's virtual final seminar: 34 awards for development acts "
            "reported on Tekojen tori in 2020.",
        ),
    ]


def people() -> list[Node]:
    return [
        person(
            JAANU,
            "Anna-Mari Jaanu",
            s.KUNTEKO_BLOG,
            *_EURA,
            *_LAST_YEAR,
            description="Programme manager of KunTeko 2020.",
        ),
        person(
            JALONEN,
            "Markku Jalonen",
            s.STT_KUNTEKO_2017,
            s.TEKOJEN_TORI_GALA_2019,
            description="Labour market director of KT Kuntatyönantajat.",
        ),
        person(
            NIEMI_LAINE,
            "Päivi Niemi-Laine",
            s.STT_KUNTEKO_2017,
            s.TEKOJEN_TORI_GALA_2019,
            description="Chair of JHL.",
        ),
    ]


def nodes() -> list[Node]:
    return [*organisations(), *initiatives(), *outcomes(), *goals(), *events(), *people()]


def ties() -> list[Tie]:
    partner = partial(tie, TieType.PARTNER_IN)
    has_event = partial(tie, TieType.HAS_EVENT)
    blog = (s.KUNTEKO_BLOG,)
    return [
        tie(
            TieType.PART_OF,
            KUNTEKO,
            "tyoelama-2020",
            role="sector programme",
            sources=(*_RUN_BY, s.EURA_S21159),
        ),
        tie(TieType.LEADS, KT, KUNTEKO, role="runs and funds", sources=(*_RUN_BY, s.MDI_KUNTEKO)),
        *(
            partner(
                org, KUNTEKO, role="negotiating organisation", sources=(*_RUN_BY, s.MDI_KUNTEKO)
            )
            for org in ("juko-ry", "koho-ry", "jau")
        ),
        partner(ESF, KUNTEKO, role="funder", sources=_RUN_BY),
        partner("hameen-ely-keskus", KUNTEKO, role="ESF funding authority", sources=_RUN_BY),
        partner(
            MDI, KUNTEKO, role="external evaluator", start="2020", sources=(s.TARKEISSA_TOISSA_B,)
        ),
        partner(
            TEMPO,
            KUNTEKO,
            role="external evaluator",
            start="2017-06",
            end="2017-08",
            sources=(s.KUNTEKO_FIRST_EVALUATION,),
        ),
        tie(
            TieType.LEADS,
            JAANU,
            KUNTEKO,
            role="programme manager",
            sources=(s.KUNTEKO_BLOG, *_EURA, *_LAST_YEAR, s.KT_GALA_2019, s.STT_KUNTEKO_2020),
        ),
        *(
            tie(TieType.PART_OF, p, KUNTEKO, sources=(e,))
            for p, e in ((S20190, s.EURA_S20190), (S21159, s.EURA_S21159))
        ),
        *(
            tie(TieType.LEADS, KUNTALIITTO, p, role="applicant", sources=(e,))
            for p, e in ((S20190, s.EURA_S20190), (S21159, s.EURA_S21159))
        ),
        *(
            tie(TieType.LEADS, JAANU, p, role="programme manager", sources=(e,))
            for p, e in ((S20190, s.EURA_S20190), (S21159, s.EURA_S21159))
        ),
        *(
            partner(ESF, p, role="funder", sources=(e,))
            for p, e in ((S20190, s.EURA_S20190), (S21159, s.EURA_S21159))
        ),
        tie(TieType.CONTINUED_BY, S20190, S21159, sources=_EURA),
        tie(TieType.PRODUCED, KUNTEKO, TEKOJEN_TORI, sources=(s.KUNTEKO_BLOG, *_LAST_YEAR)),
        tie(
            TieType.PRODUCED,
            KUNTEKO,
            "kuntekon-kehittamisverkostot",
            sources=(s.KUNTEKO_BLOG, s.TEKOJEN_TORI_ENGLISH, *_LAST_YEAR),
        ),
        tie(TieType.HAS_GOAL, KUNTEKO, "kunteko-yhteyshenkilo-jokaisessa-kunnassa", sources=blog),
        tie(TieType.HAS_GOAL, KUNTEKO, "kuntien-tarpeet-etusijalle", sources=blog),
        has_event(KUNTEKO, "kunteko-kuntakaynnit", sources=blog),
        tie(
            TieType.TOOK_PART_IN,
            JAANU,
            "kunteko-kuntakaynnit",
            role="programme manager",
            sources=blog,
        ),
        has_event(KUNTEKO, "kunteko-sparraus", sources=(s.KUNTEKO_BLOG, *_LAST_YEAR)),
        has_event(
            KUNTEKO,
            "kunteko-sisaisten-kehittajien-koulutus",
            sources=(s.KUNTEKO_BLOG, s.TEKOJEN_TORI_ENGLISH, *_LAST_YEAR),
        ),
        has_event(KUNTEKO, "kunteko-valmennukset", sources=(s.TEKOJEN_TORI_ENGLISH,)),
        has_event(
            KUNTEKO,
            "kunteko-tyopajat-ja-klinikat",
            sources=(s.TEKOJEN_TORI_ENGLISH, *_LAST_YEAR),
        ),
        has_event(KUNTEKO, EVALUATION_2020, sources=(s.TARKEISSA_TOISSA_B, *_LAST_YEAR)),
        tie(
            TieType.TOOK_PART_IN,
            MDI,
            EVALUATION_2020,
            role="evaluator",
            sources=(s.TARKEISSA_TOISSA_B, s.MDI_KUNTEKO),
        ),
        has_event(KUNTEKO, EVALUATION_2017, sources=(s.KUNTEKO_FIRST_EVALUATION,)),
        tie(
            TieType.TOOK_PART_IN,
            TEMPO,
            EVALUATION_2017,
            role="evaluator",
            sources=(s.KUNTEKO_FIRST_EVALUATION,),
        ),
        tie(
            TieType.CONTINUED_BY,
            KUNTEKO,
            KUNTATYO2030,
            sources=(s.KUNTATYO2030_SITE, s.TARKEISSA_2021_2022),
        ),
        tie(
            TieType.PART_OF,
            KUNTATYO2030,
            "tyo2030",
            role="funded from",
            sources=(s.TARKEISSA_2021_2022,),
        ),
        tie(
            TieType.ADOPTED,
            KUNTATYO2030,
            TEKOJEN_TORI,
            role="renewed",
            start="2021",
            sources=(s.TARKEISSA_2021_2022,),
        ),
        *_award_ties(),
    ]


def _award_ties() -> list[Tie]:
    has_event = partial(tie, TieType.HAS_EVENT)
    took = partial(tie, TieType.TOOK_PART_IN)
    awards, gala = (s.STT_KUNTEKO_2017,), (s.TEKOJEN_TORI_GALA_2019,)
    final = (s.STT_KUNTEKO_2020, s.KALEVA_2020)
    return [
        has_event(KUNTEKO, AWARDS_2017, sources=awards),
        has_event(KUNTEKO, GALA_2019, sources=(s.KT_GALA_2019, *gala)),
        has_event(KUNTEKO, FINAL_SEMINAR, sources=(*final, *_LAST_YEAR)),
        tie(
            TieType.EMPLOYED_BY,
            JALONEN,
            KT,
            role="labour market director (työmarkkinajohtaja)",
            start="2019-11",
            sources=gala,
        ),
        tie(
            TieType.MEMBER_OF,
            NIEMI_LAINE,
            JHL,
            role="chair",
            start="2017-11",
            sources=(*awards, *gala),
        ),
        *(
            took(p, event_id, role="speaker", sources=cited)
            for p in (JALONEN, NIEMI_LAINE)
            for event_id, cited in ((AWARDS_2017, awards), (GALA_2019, gala))
        ),
        *(
            took(org, AWARDS_2017, role="awarded (Ihmeiden tekijät)", sources=awards)
            for org in (
                "hameenkyron-kunta",
                "ikaalisten-kaupunki",
                "jarvi-saimaan-palvelut-oy",
                "kemin-kaupunki",
                "satakunnan-sairaanhoitopiiri",
            )
        ),
        *(
            took(org, FINAL_SEMINAR, role="awarded", sources=(s.KALEVA_2020,))
            for org in (
                "pyhajarven-kaupunki",
                "kemin-kaupunki",
                "limingan-kunta",
                "kempeleen-kunta",
            )
        ),
    ]
