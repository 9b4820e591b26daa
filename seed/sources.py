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
)
