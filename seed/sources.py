"""The sources the demo knowledge cites: the two source texts and the addresses SEED-FACTS.md cites.

Each Source cites itself. A `url` is the address the fact was read from; where only a site is
known, the url is the site and the description says so. Dates are of publication, at the
precision known.
"""

from __future__ import annotations

from functools import partial

from graph.model import Node, NodeKind

ESPOO_NEWS_2017 = "espoo-news-2017-03-02"
KUNTEKO_BLOG = "kunteko-blog-2015-11-13"
DOCPLAYER_SENIORS = "docplayer-4194219"
DOCPLAYER_SUSTAINABLE = "docplayer-3263666"
DOCPLAYER_PARTICIPATORY = "docplayer-2610849"
DOCPLAYER_BUDGET_2013 = "docplayer-4741407"
ESPOONOW_2013_07 = "espoonow-2013-07"
ESPOONOW_2013_08 = "espoonow-2013-08"
ESPOONOW_2014_10 = "espoonow-2014-10"
ESPOONOW_2016 = "espoonow-2016"
ESPOO_NEWS_2015 = "espoo-news-2015-08-24"
FORTUM_2020 = "fortum-2020"
TURKU_BOARD_2022 = "turku-city-board-2022-03-21"
ESPOO_OUR_PARK = "espoo-meidan-puisto"
URBACT_OUR_PARK = "urbact-espoo-our-park"
KUNTATEKNIIKKA_2015 = "kuntatekniikka-2015-1"
ESPOON_VIHREAT_2017 = "espoonvihreat-2017-10-16"
TIINA_ELO = "tiinaelo-fi"
ESPOO_NEWS_2021 = "espoo-news-2021-09-24"
ESPOO_NEWS_2022 = "espoo-news-2022-03-02"
TYOELAMA_2020 = "tyoelama2020-kunteko"
TARKEISSA_TOISSA = "tarkeissatoissa-kunteko-2015-2020"
EURA_S20190 = "eura2014-s20190"
EURA_S21159 = "eura2014-s21159"
TEKOJEN_TORI_2020 = "tekojentori-2020-10-29"
KT_FINAL = "kt-kunteko-final-publication-2020"
RAKENNERAHASTOT = "rakennerahastot-kunteko-2020"
TEKOJEN_TORI_ENGLISH = "tekojentori-kunteko-in-english"
TARKEISSA_2021_2022 = "tarkeissatoissa-hankkeita-2021-2022"
KUNTATYO2030_SITE = "kuntatyo2030-mita-on"
KH_2021_05_24 = "espoo-kaupunginhallitus-2021-05-24-177"
KH_2022_02_14 = "espoo-kaupunginhallitus-2022-02-14-49"
KH_2022_04_11 = "espoo-kaupunginhallitus-2022-04-11-114"
ESPOO_SUSTAINABLE_EN = "espoo-en-sustainable-espoo-development-programme"
ESPOO_NEWS_2021_12_03 = "espoo-news-2021-12-03"
ESPOO_NEWS_2021_12_10 = "espoo-news-2021-12-10"
ESPOO_NEWS_2022_12_27 = "espoo-en-news-2022-12-27"
HELENA_MARTTILA = "helenamarttila-hyvinvoiva-espoo-esipuhe"
STT_2021_02 = "sttinfo-espoo-2021-02-kehitysohjelmat"
ESBO_SFP_2023 = "esbo-sfp-2023-09-13-elinvoimainen-espoo"
ESPOO_STORY_EN_2013 = "espoo-en-espoo-story-2013-2017"
KH_MINUTES_2014 = "docplayer-46240621-kaupunginhallitus-2014"
COUNCIL_MINUTES_DOCPLAYER = "docplayer-29587934-valtuusto"
ESBO_NEGOTIATING_A = "esbo-fullmaktiges-forhandlingskommitte-a"
ESBO_NEGOTIATING_B = "esbo-fullmaktiges-forhandlingskommitte-b"
MDI_KUNTEKO = "mdi-kunteko-arviointi-2020"

_SITE_ONLY = "The exact address was not recorded; the url is the publisher's site."


def _source(
    id: str,
    name: str,
    *,
    publisher: str,
    url: str,
    date: str | None,
    language: str | None,
    description: str | None = None,
) -> Node:
    return Node(
        kind=NodeKind.SOURCE,
        id=id,
        name=name,
        sources=(id,),
        description=description,
        start=date,
        publisher=publisher,
        url=url,
        language=language,
    )


_fi = partial(_source, language="fi")
_ESPOO = "Espoon kaupunki"
_NOW_BLOG = "espoonow.blogspot.com (Nuorten elinvoimaisuus -ohjelma)"

SOURCES: tuple[Node, ...] = (
    _fi(
        ESPOO_NEWS_2017,
        "Hyviä tuloksia yhteisillä kehitysohjelmilla",
        publisher=_ESPOO,
        url="https://www.espoo.fi",
        date="2017-03-02",
        description="City of Espoo news item on the 2013–2017 development programmes. "
        + _SITE_ONLY,
    ),
    _fi(
        KUNTEKO_BLOG,
        "Kuntien tarpeet etusijalle",
        publisher="KunTeko 2020 – kunta-alan työelämän kehittämisohjelma",
        url="https://www.kunteko.fi/ajankohtaista/ohjelmablogi",
        date="2015-11-13",
        description="First post of the series 'Ohjelmapäällikön päivitykset' by the "
        "programme manager of KunTeko 2020.",
    ),
    _fi(
        DOCPLAYER_SENIORS,
        "Elinvoimaa ikääntyville -kehitysohjelman ohjelmasuunnitelma",
        publisher=_ESPOO,
        url="https://docplayer.fi/4194219",
        date=None,
        description="Programme plan of the Elinvoimaa ikääntyville programme (descriptive title).",
    ),
    _fi(
        DOCPLAYER_SUSTAINABLE,
        "Ohjelmasuunnitelma: Kestävä kehitys -kehitysohjelma",
        publisher=_ESPOO,
        url="https://docplayer.fi/3263666-Ohjelmasuunnitelma-kestava-kehitys-kehitysohjelma.html",
        date=None,
    ),
    _fi(
        DOCPLAYER_PARTICIPATORY,
        "Ohjelmakuvaus. Osallistuva Espoo poikkihallinnollinen kehitysohjelma",
        publisher=_ESPOO,
        url="https://docplayer.fi/2610849-Ohjelmakuvaus-osallistuva-espoo-poikkihallinnollinen-kehitysohjelma.html",
        date=None,
    ),
    _fi(
        DOCPLAYER_BUDGET_2013,
        "Espoon kaupungin talousarvio 2013",
        publisher=_ESPOO,
        url="https://docplayer.fi/4741407",
        date=None,
        description="Espoo's budget for 2013, whose operating part is divided into the "
        "branches Yleishallinto, Sosiaali- ja terveystoimi, Sivistystoimi and Tekninen ja "
        "ympäristötoimi (descriptive title).",
    ),
    _fi(
        ESPOONOW_2013_07,
        "Nuorten elinvoimaisuus -ohjelman blogi, heinäkuu 2013",
        publisher=_NOW_BLOG,
        url="https://espoonow.blogspot.com/2013/07/",
        date="2013-07",
        description="Blog of the Nuorten elinvoimaisuus (NOW) programme: draft programme "
        "description of 27.6.2013.",
    ),
    _fi(
        ESPOONOW_2013_08,
        "Nuorten elinvoimaisuus -ohjelman blogi, elokuu 2013",
        publisher=_NOW_BLOG,
        url="https://espoonow.blogspot.com/2013/08/",
        date="2013-08",
    ),
    _fi(
        ESPOONOW_2014_10,
        "Nuorten elinvoimaisuus -ohjelman blogi, lokakuu 2014",
        publisher=_NOW_BLOG,
        url="https://espoonow.blogspot.com/2014/10/",
        date="2014-10",
        description="Includes the programme's 2014 report.",
    ),
    _fi(
        ESPOONOW_2016,
        "Nuorten elinvoimaisuus -ohjelman blogi: raportti 2016",
        publisher=_NOW_BLOG,
        url="https://espoonow.blogspot.com/2016/",
        date="2016",
        description="The programme's 2016 report (descriptive title).",
    ),
    _fi(
        ESPOO_NEWS_2015,
        "Espoon kehitysohjelmissa on luotu lukuisia uusia asukaslähtöisiä toimintamalleja",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi-FI/Espoon_kaupunki/Paatoksenteko/Espootarina/"
        "Innostava_elinvoimainen_Espoo/Espoon_kehitysohjelmissa_on_luotu_lukuis(75099)",
        date="2015-08-24",
    ),
    _source(
        FORTUM_2020,
        "Fortum Yrityskylän kumppanina",
        publisher="Fortum",
        url="https://www.fortum.com",
        date="2020",
        language=None,
        description="Fortum on its partnership in Yrityskylä (descriptive title). " + _SITE_ONLY,
    ),
    _fi(
        TURKU_BOARD_2022,
        "Turun kaupungin osallistuminen Talous ja nuoret TATin Yrityskylä Varsinais-Suomen "
        "toimintaan vuosina 2022-2025",
        publisher="Turun kaupunki, kaupunginhallitus",
        url="https://ah.turku.fi/kh/2022/0321007p/4628415.htm",
        date="2022-03-21",
    ),
    _fi(
        ESPOO_OUR_PARK,
        "Meidän puisto",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi-FI/Asuminen_ja_ymparisto/Asuminen/Asukastoiminta/"
        "Meidan_puisto",
        date=None,
    ),
    _source(
        URBACT_OUR_PARK,
        "How citizens take over public park maintenance in Espoo",
        publisher="URBACT",
        url="https://archive.urbact.eu/how-citizens-take-over-public-park-maintenance-espoo",
        date="2021-02-26",
        language="en",
        description="Date is the page's 'edited on' date.",
    ),
    _fi(
        KUNTATEKNIIKKA_2015,
        "Espoo aktivoi asukkaitaan lähialueiden hoitoon ja kunnostukseen",
        publisher="Kuntatekniikka",
        url="https://kuntatekniikka.fi/lehtiarkisto/012015/"
        "espoo-aktivoi-asukkaitaan-lahialueiden-hoitoon-ja-kunnostuks",
        date="2015",
        description="Article in Kuntatekniikka 1/2015.",
    ),
    _fi(
        ESPOON_VIHREAT_2017,
        "Valtuustoraportti 16.10.2017",
        publisher="Espoon Vihreät",
        url="https://www.espoonvihreat.fi",
        date="2017-10",
        description="Espoo Greens' report of the city council meeting of 16.10.2017 "
        "(descriptive title). " + _SITE_ONLY,
    ),
    _fi(
        TIINA_ELO,
        "Tiina Elon blogi Espoon kaupunginvaltuuston päätöksistä 2017",
        publisher="tiinaelo.fi",
        url="https://www.tiinaelo.fi",
        date=None,
        description="Blog of an Espoo councillor on the 2017–2021 development programmes "
        "(descriptive title). " + _SITE_ONLY,
    ),
    _fi(
        ESPOO_NEWS_2021,
        "Kestävä Espoo kehitysohjelmassa edustus kaikista valtuuston puolueista",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi/uutiset/2021/09/"
        "kestava-espoo-kehitysohjelmassa-edustus-kaikista-valtuuston-puolueista",
        date="2021-09-24",
    ),
    _fi(
        ESPOO_NEWS_2022,
        "Valtuusto hyväksyi poikkihallinnollisten ohjelmien hyötytavoitteet",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi/uutiset/2022/03/"
        "valtuusto-hyvaksyi-poikkihallinnollisten-ohjelmien-hyotytavoitteet",
        date="2022-03-02",
    ),
    _fi(
        TYOELAMA_2020,
        "KunTeko 2020 – kunta- ja maakunta-alan työelämän kehittämisohjelma",
        publisher="Työelämä 2020",
        url="https://www.tyoelama2020.fi/verkostot/toimialaohjelmat/"
        "kunteko_2020_kunta-_ja_maakunta-alan_tyoelaman_kehittamisohjelma",
        date=None,
    ),
    _fi(
        TARKEISSA_TOISSA,
        "Kunteko 2020 - kunta- ja maakunta-alan työelämän kehittämisohjelma 2015–2020",
        publisher="tarkeissatoissa.fi",
        url="https://tarkeissatoissa.fi/Kunteko_2015-2020",
        date=None,
    ),
    _fi(
        EURA_S20190,
        "Kunteko 2020 - Kunta-alan työelämän kehittämisohjelma (ESR-hanke S20190)",
        publisher="EURA 2014 -järjestelmä (rakennerahastot)",
        url="https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=S20190",
        date=None,
    ),
    _fi(
        EURA_S21159,
        "Kunteko 2020 -kunta- ja maakunta-alan työelämän kehittämisohjelma (ESR-hanke S21159)",
        publisher="EURA 2014 -järjestelmä (rakennerahastot)",
        url="https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=S21159",
        date=None,
    ),
    _fi(
        TEKOJEN_TORI_2020,
        "Tekojen tori: Kunteko-ohjelman osallistujat 2015–2020",
        publisher="Tekojen tori (KunTeko 2020)",
        url="https://www.tekojentori.fi",
        date="2020-10-29",
        description="Tekojen tori item on how many took part in KunTeko (descriptive "
        "title). " + _SITE_ONLY,
    ),
    _fi(
        KT_FINAL,
        "Työelämän kehittäminen kunta-alalla – Kunteko-ohjelma 2015–2020",
        publisher="KT Kuntatyönantajat",
        url="https://www.kt.fi/julkaisut-ja-oppaat/2020/"
        "tyoelaman-kehittaminen-kunta-alalla-kunteko-ohjelma-2015-2020",
        date="2020",
        description="The final publication of KunTeko.",
    ),
    _fi(
        RAKENNERAHASTOT,
        "KunTeko 2020",
        publisher="rakennerahastot.fi",
        url="https://rakennerahastot.fi/web/etela-suomen-suuralue/kunteko-2020",
        date=None,
    ),
    _source(
        TEKOJEN_TORI_ENGLISH,
        "KunTeko 2020 — Programme for improving working life in Finnish local government",
        publisher="Tekojen tori (KunTeko 2020)",
        url="https://www.tekojentori.fi/kunteko-in-english",
        date=None,
        language="en",
        description="Not cited by SEED-FACTS.md: added because it states KunTeko's services "
        "(3-day training, coaching, workshops and clinics, networks, research collaboration).",
    ),
    _fi(
        TARKEISSA_2021_2022,
        "TYÖ2030 -ohjelmasta rahoitetut kunta-alan kehittämishankkeet vuosina 2021-2022",
        publisher="tärkeissätöissä.fi",
        url="https://www.xn--trkeisstiss-l8age0y.fi/hankkeita-2021-2022",
        date=None,
        description="Not cited by SEED-FACTS.md: added because it states that the Kuntatyö2030 "
        "project ran 1.5.2021–31.12.2022 and that Tekojen tori was renewed within it.",
    ),
    _fi(
        KUNTATYO2030_SITE,
        "Kuntatyö2030 kokoaa kehittämistä kunta-alalla",
        publisher="Kuntatyö2030",
        url="https://www.kuntatyo2030.fi/mita-on-%20kuntatyo2030",
        date=None,
        description="Not cited by SEED-FACTS.md: added because it states that Kuntatyö2030 "
        "continues KunTeko 2020.",
    ),
    *(
        _fi(
            id,
            f"Kaupunginhallitus {date_fi} § {section}: {title}",
            publisher="Espoon kaupunki, kaupunginhallitus",
            url=url,
            date=date,
            description="Minutes item of the Espoo city board (Dynasty information service).",
        )
        for id, date_fi, section, title, url, date in (
            (
                KH_2021_05_24,
                "24.05.2021",
                177,
                "Valtuustokauden 2021 - 2025 poikkihallinnolliset kehitysohjelmat "
                "(osittain Kv-asia)",
                "https://espoo-sv.oncloudos.com/cgi/DREQUEST.PHP?page=meetingitem&id=2021340-6",
                "2021-05-24",
            ),
            (
                KH_2022_02_14,
                "14.02.2022",
                49,
                "Poikkihallinnollisten kehitysohjelmien hyötytavoitteiden hyväksyminen (Kv-asia)",
                "https://espoo-sv.oncloudos.com/cgi/DREQUEST.PHP?id=2022567-4&page=meetingitem",
                "2022-02-14",
            ),
            (
                KH_2022_04_11,
                "11.04.2022",
                114,
                "Poikkihallinnollisten ohjelmasuunnitelmien hyväksyminen",
                "https://espoo.oncloudos.com/cgi/DREQUEST.PHP?page=meetingitem&id=2022628-7",
                "2022-04-11",
            ),
        )
    ),
    _source(
        ESPOO_SUSTAINABLE_EN,
        "Sustainable Espoo development programme",
        publisher="City of Espoo",
        url="https://www.espoo.fi/en/city-espoo/espoo-story/sustainable-espoo-development-programme",
        date=None,
        language="en",
        description="The city's page on the 2021–2025 Sustainable Espoo programme, listing the "
        "elected members of its steering group. Undated.",
    ),
    _fi(
        ESPOO_NEWS_2021_12_03,
        "Hiilineutraaliksi tällä vuosikymmenellä",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi/uutiset/2021/12/hiilineutraaliksi-talla-vuosikymmenella",
        date="2021-12-03",
    ),
    _fi(
        ESPOO_NEWS_2021_12_10,
        "Tapahtumien yhteisöllinen Espoo -ohjelma tavoittelee sekä elinvoimaa että hyvinvointia",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi/uutiset/2021/12/"
        "tapahtumien-yhteisollinen-espoo-ohjelma-tavoittelee-seka-elinvoimaa-etta-hyvinvointia",
        date="2021-12-10",
    ),
    _source(
        ESPOO_NEWS_2022_12_27,
        "Healthy Espoo programme supports residents’ wellbeing",
        publisher="City of Espoo",
        url="https://www.espoo.fi/en/news/2022/12/healthy-espoo-programme-supports-residents-wellbeing",
        date="2022-12-27",
        language="en",
    ),
    _fi(
        HELENA_MARTTILA,
        "Esipuheeni Hyvinvoiva Espoo -toimintasuunnitelmassa",
        publisher="helenamarttila.fi",
        url="https://www.helenamarttila.fi/esipuheeni-hyvinvoiva-espoo-toimintasuunnitelmassa/",
        date=None,
        description="An Espoo councillor's foreword to the Hyvinvoiva Espoo action plan. Undated.",
    ),
    _fi(
        STT_2021_02,
        "Kaupungin keskeisiä haasteita ratkaistaan yhdessä yli organisaatiorajojen",
        publisher="Espoon kaupunki (STT Info -tiedote)",
        url="https://www.sttinfo.fi/tiedote/kaupungin-keskeisia-haasteita-ratkaistaan-yhdessa-"
        "yli-organisaatiorajojen?publisherId=3385&releaseId=69900775",
        date="2021-02",
        description="City of Espoo press release on the 2017–2021 development programmes.",
    ),
    _fi(
        ESBO_SFP_2023,
        "Elinvoimainen Espoo -ohjelmaryhmän väliraportti",
        publisher="Esbo SFP (esbosfp.nfsite.com)",
        url="https://esbosfp.nfsite.com/fi/2023/09/13/elinvoimainen-espoo-ohjelmaryhman-valiraportti/",
        date="2023-09-13",
        description="Interim report of the Elinvoimainen Espoo programme group, published on "
        "the site of the Swedish People's Party in Espoo.",
    ),
    _source(
        ESPOO_STORY_EN_2013,
        "The Espoo Story",
        publisher="City of Espoo",
        url="http://www.espoo.fi/en-US/City_of_Espoo/Decisionmaking/The_Espoo_Story",
        date=None,
        language="en",
        description="The city's page on the Espoo Story, its strategy for 2013–2017. Undated.",
    ),
    _fi(
        KH_MINUTES_2014,
        "Espoon kaupunki, Pöytäkirja, Kaupunginhallitus (2014), sivu 1 / 124",
        publisher="Espoon kaupunki, kaupunginhallitus",
        url="http://docplayer.fi/46240621-Kaupunginhallitus-sivu-1-124-kaupunginhallituksen-"
        "kokoushuone-asemakuja-2-c-4-krs.html",
        date="2014",
        description="Minutes of a 2014 city board meeting (it handled the April 2014 monthly "
        "report); the attendance list names the others present with their titles, in the same "
        "order as the names. Descriptive title.",
    ),
    _fi(
        COUNCIL_MINUTES_DOCPLAYER,
        "Espoon kaupunki, Pöytäkirja, Valtuusto, sivu 1 / 119",
        publisher="Espoon kaupunki, valtuusto",
        url="https://docplayer.fi/29587934-Valtuusto-sivu-1-119.html",
        date=None,
        description="Minutes of an Espoo city council meeting whose attendance list gives each "
        "councillor's party. The meeting date was not in the stored text. Descriptive title.",
    ),
    *(
        _source(
            id,
            "Fullmäktiges förhandlingskommitté",
            publisher="Esbo stad",
            url="https://www.esbo.fi/sv-FI/Esbo_stad/Beslut/Delegationer_och_rad/"
            "Fullmaktiges_forhandlingskommitte",
            date=None,
            language="sv",
            description=f"{version} stored version of the city's page on the council's "
            f"negotiating committee (undated), {chair}.",
        )
        for id, version, chair in (
            (ESBO_NEGOTIATING_A, "One", "which names Kai Mykkänen as council chair"),
            (ESBO_NEGOTIATING_B, "Another", "which names Jyrki Kasvi as council chair"),
        )
    ),
    _fi(
        MDI_KUNTEKO,
        "Kunteko on antanut vauhtia kuntien kehittämistyölle",
        publisher="MDI",
        url="https://www.mdi.fi/kunteko-on-antanut-vauhtia-kuntien-kehittamistyolle",
        date=None,
        description="MDI on its external evaluation of KunTeko 2020 (completed November 2020).",
    ),
)
