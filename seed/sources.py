"""The sources the demo knowledge cites, each with the passages the facts rely on.

Each Source cites itself. A `url` is the address the fact was read from; where only a site is
known, the url is the site and the description says so. Dates are of publication, at the
precision known.

Beside each source are the short passages, quoted in the original language, that state what it
is cited for: the two source texts in `../shared/sources/` and the stored copies of the public
pages (read through the `search` tool's `pages` corpus, which keeps a page's opening text). A
source whose text cannot be found is not cited: every source keeps passages.
seed/FACTS.md lists the passages by document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from graph.model import Node, NodeKind

ESPOO_NEWS_2017 = "espoo-news-2017-03-02"
KUNTEKO_BLOG = "kunteko-blog-2015-11-13"
DOCPLAYER_SENIORS = "docplayer-4194219"
DOCPLAYER_SUSTAINABLE = "docplayer-3263666"
DOCPLAYER_PARTICIPATORY = "docplayer-2610849"
DOCPLAYER_BUDGET_2013 = "docplayer-4741407"
ESPOONOW_2013_07 = "espoonow-2013-07"
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
JOHANNA_KARIMAKI = "johannakarimaki-fi-kaupunginvaltuusto"
TARKEISSA_TOISSA_B = "tarkeissatoissa-kunteko-2015-2020-b"
TIINA_ELO_2018_08_25 = "tiinaelo-2018-08-25-kaupunginhallitus"
KUNTEKO_LAST_YEAR = "kunteko-viimeinen-vuosi-2020"
KUNTEKO_FIRST_EVALUATION = "kunteko-ensimmainen-kausi-arvioitu-2017"
STT_KUNTEKO_2017 = "sttinfo-kunteko-palkitsi-2017"
TEKOJEN_TORI_GALA_2019 = "tekojentori-kunteko-gaala-2019"
KT_GALA_2019 = "kt-kunteko-galan-2019"
STT_KUNTEKO_2020 = "sttinfo-kunteko-loppuseminaari-2020"
KALEVA_2020 = "kaleva-kunteko-palkitut-2020"

_SITE_ONLY = "The exact address was not recorded; the url is the publisher's site."


@dataclass(frozen=True)
class Cited:
    """A Source node with the passages that state what it is cited for."""

    node: Node
    passages: tuple[str, ...]


def _source(
    id: str,
    name: str,
    *,
    publisher: str,
    url: str,
    date: str | None,
    language: str | None,
    passages: tuple[str, ...],
    description: str | None = None,
) -> Cited:
    node = Node(
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
    return Cited(node, passages)


_fi = partial(_source, language="fi")
_ESPOO = "Espoon kaupunki"
_NOW_BLOG = "espoonow.blogspot.com (Nuorten elinvoimaisuus -ohjelma)"
_KUNTEKO = "KunTeko 2020 – kunta-alan työelämän kehittämisohjelma"
_EURA = "EURA 2014 -järjestelmä (rakennerahastot)"
_EURA_COMMON = (
    "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus",
    "Vastuuviranomainen: Hämeen elinkeino-, liikenne- ja ympäristökeskus",
    "Yhteyshenkilön asema hakijaorganisaatiossa: Ohjelmapäällikkö",
)
_KUNTEKO_RUN_BY = (
    "Kunteko 2020 oli KT Kuntatyönantajien ja kunta-alan pääsopijajärjestöjen JUKOn, Sosiaali- "
    "ja terveysalan neuvottelujärjestö Sote ry:n ja Julkisen alan unioni JAU:n yhteinen "
    "valtakunnallinen hanke."
)

_FIRST_SEED: tuple[Cited, ...] = (
    _fi(
        ESPOO_NEWS_2017,
        "Hyviä tuloksia yhteisillä kehitysohjelmilla",
        publisher=_ESPOO,
        url="https://www.espoo.fi",
        date="2017-03-02",
        description="City of Espoo news item on the 2013–2017 development programmes. "
        + _SITE_ONLY,
        passages=(
            "Valtuusto asetti kesällä 2013 viisi strategiasta eli Espoo-tarinasta johdettua "
            "poikkihallinnollista kehitysohjelmaa etsimään ratkaisuja valtuustokauden "
            "tärkeimpiin haasteisiin. Kehitysohjelmat olivat: Elinvoimaa ikääntyville, Kestävä "
            "kehitys, Kilpailukyky, innovatiivisuus ja yrittäjyys, Nuorten elinvoimaisuus ja "
            "Osallistuva Espoo.",
            "Ohjelmat yhdistivät uudella tavalla luottamushenkilö- ja viranhaltijajohtamisen, kun "
            "ohjelmia johtamaan nimetyt ohjausryhmät muodostuivat puoliksi poliitikoista ja "
            "puoliksi viranhaltijoista.",
            "Ohjelmatyön tuloksina syntyi mm. eri alojen ammattilaisten yhteinen "
            "Ohjaamo-palvelupiste nuorten neuvontaan ja ohjaukseen, Yrityskylä-konsepti "
            "kannustamaan lapsia ja nuoria työelämän ja yrittäjyyden maailmaan, uudenlaisia "
            "palveluja senioreille, lukuisia kestävän kehityksen sitoumuksia ja toimintamalli "
            "asukkaille lähiviheralueidensa hoitoon yhdessä kaupungin kanssa sekä paljon muuta "
            "kuntalaisten tarpeisiin.",
            "Kaupunginjohtaja Jukka Mäkelän mielestä yhteistyöllä ja kokeiluilla on saatu paljon "
            "aikaan.",
            "Espoo-tarinan tavoitteena on ollut sekä espoolaisten että henkilöstön osallistuminen.",
            "Valtuusto päätti marraskuussa 2016, että poikkihallinnollista kehitysohjelmatyötä "
            "jatketaan myös seuraavalla valtuustokaudella 2017–2021.",
            "Valtuusto on päättänyt seuraavan kauden ohjelmien aiheiksi Osallistuva Espoo, "
            "Innostava elinvoimainen Espoo, Kestävä Espoo sekä Hyvinvointi ja terveys.",
            "Ohjelmien toiminnasta ja tuloksista kertova esite: Kehitämme yhdessä - "
            "kehitysohjelmat 2013–2016",
        ),
    ),
    _fi(
        KUNTEKO_BLOG,
        "Kuntien tarpeet etusijalle",
        publisher=_KUNTEKO,
        url="https://www.kunteko.fi/ajankohtaista/ohjelmablogi",
        date="2015-11-13",
        description="First post of the series 'Ohjelmapäällikön päivitykset' by the "
        "programme manager of KunTeko 2020.",
        passages=(
            "Kirjoittanut Anna-Mari Jaanu",
            "Eli kuinka hyvin toteutamme ohjelmaa asiakaslähtöisesti ja tuloksellisesti, kuntien "
            "tarpeita kuunnellen.",
            "Vie aikaa, ennen kuin jokaisessa kunnassa ja kuntayhtymässä on Kunteko-yhteyshenkilö "
            "ja organisaatioiden eri tasot tuntevat ohjelman ja tulevat mukaan.",
            "Olemme tehneet kymmeniä kuntakäyntejä. Niitä tullaan jatkamaan.",
            "Sparrausta haetaan, sisäisten kehittäjien koulutuksiin ilmoittaudutaan ja tekojen "
            "torille saadaan upeita kehittämistarinoita. Myös kehittämisverkostot syntyvät "
            "pikkuhiljaa.",
            "Anna-Mari Jaanu Ohjelmapäällikkö KunTeko 2020 - kunta-alan työelämän "
            "kehittämisohjelma",
        ),
    ),
    _fi(
        DOCPLAYER_SENIORS,
        "Ohjelmasuunnitelma. Elinvoimaa ikääntyville",
        publisher=_ESPOO,
        url="http://docplayer.fi/4194219-Ohjelmasuunnitelma-elinvoimaa-ikaantyville.html",
        date=None,
        description="Programme plan of the Elinvoimaa ikääntyville programme, version 0.3.",
        passages=(
            "Ohjelmasuunnitelma. Elinvoimaa ikääntyville",
            "1 Ohjelmasuunnitelma Versio: 0.3 Kehitysohjelman omistaja: Kehitysohjelman "
            "ohjausryhmän puheenjohtaja: Kehitysohjelman ohjelmapäällikkö: Juha Metso Kristiina "
            "Mustakallio Maria Rysti",
        ),
    ),
    _fi(
        DOCPLAYER_SUSTAINABLE,
        "Ohjelmasuunnitelma: Kestävä kehitys -kehitysohjelma",
        publisher=_ESPOO,
        url="https://docplayer.fi/3263666-Ohjelmasuunnitelma-kestava-kehitys-kehitysohjelma.html",
        date=None,
        passages=(
            "Ohjelmasuunnitelma: Kestävä kehitys -kehitysohjelma",
            "1 Ohjelmasuunnitelma: -kehitysohjelma Versio: 0.5 Kehitysohjelman omistaja: "
            "Kehitysohjelman ohjausryhmän puheenjohtaja: Kehitysohjelman ohjelmapäällikkö: Jukka "
            "Mäkelä Sirpa Hertell Pasi Laitala",
        ),
    ),
    _fi(
        DOCPLAYER_PARTICIPATORY,
        "Ohjelmakuvaus. Osallistuva Espoo poikkihallinnollinen kehitysohjelma",
        publisher=_ESPOO,
        url="https://docplayer.fi/2610849-Ohjelmakuvaus-osallistuva-espoo-poikkihallinnollinen-kehitysohjelma.html",
        date=None,
        passages=(
            "1 Ohjelmakuvaus Osallistuva Espoo poikkihallinnollinen kehitysohjelma Versio: 0.5 "
            "Kehitysohjelman omistaja: Kehitysohjelman ohjausryhmän puheenjohtaja: Jukka Mäkelä "
            "Simon Elo",
            "0.1 Mari Immonen Tavoitetila",
        ),
    ),
    _fi(
        DOCPLAYER_BUDGET_2013,
        "Espoon kaupungin talousarvio 2013",
        publisher=_ESPOO,
        url="https://docplayer.fi/amp/4741407-Esipuhe-1-espoo-strategia-2010-2013-3-talousarvion-"
        "ja-suunnitelman-perustelut-13-taloussuunnitelma-ja-talousarvio-25-yhteenvetotaulukot-32"
        ".html",
        date=None,
        description="Espoo's budget for 2013, whose operating part is divided into the "
        "branches Yleishallinto, Sosiaali- ja terveystoimi, Sivistystoimi and Tekninen ja "
        "ympäristötoimi (descriptive title).",
        passages=(
            "KÄYTTÖTALOUSOSA 37 1 Yleishallinto 39 2 Sosiaali- ja terveystoimi 57 3 Sivistystoimi "
            "99 4 Tekninen ja ympäristötoimi 151",
            "3 Investoinnit hankkeittain vuosina 2013-2017",
            "Espoon kaupunki tukee asukkaiden mahdollisuuksia hyvään elämään ja laadukkaaseen "
            "elinympäristöön.",
        ),
    ),
    _fi(
        ESPOONOW_2013_07,
        "Nuorten elinvoimaisuus -ohjelman blogi, heinäkuu 2013",
        publisher=_NOW_BLOG,
        url="https://espoonow.blogspot.com/2013/07/",
        date="2013-07",
        description="Blog of the Nuorten elinvoimaisuus (NOW) programme: draft programme "
        "description of 27.6.2013.",
        passages=(
            "Tähän mennessä osa: hyötytavoitteet on hyväksytty valtuustossa.",
            "Martti Hellström pj.",
            "Ohjelmakuvaus: Nuorten elinvoimaisuus-ohjelma 27.6.2013 Versio: 4 Kehitysohjelman "
            "omistaja: Sampo Suihko Kehitysohjelman ohjausryhmän puheenjohtaja: Martti Hellström",
        ),
    ),
    _fi(
        ESPOONOW_2014_10,
        "NOW-raportti 1:2014",
        publisher=_NOW_BLOG,
        url="https://espoonow.blogspot.com/2014/10/",
        date="2014-10-22",
        description="Post of 22.10.2014 on the blog of the Nuorten elinvoimaisuus (NOW) "
        "programme: the council noted the programmes' reports on 20.10.2014; the post carries "
        "the programme's report 1:2014.",
        passages=(
            "NOW-raportti 1:2014",
            "ESPOON valtuusto merkitsi kokouksessaan 20.10. poikkihallinnollisten "
            "kehitysohjelmien raportit tiedoksi. NOW:n raportin oli laatinut projektipäällikkö "
            "Viula Pakka. Yllä oleva clipsin näytti valtuuston kokouksessa pj. Martti Hellström.",
            "Nuorten elinvoimaisuus kehitysohjelman tavoitteet ja seuranta 1: 2014",
        ),
    ),
    _fi(
        ESPOONOW_2016,
        "Syksyn raportti NOW:n toiminnasta 2016",
        publisher=_NOW_BLOG,
        url="https://espoonow.blogspot.com/2016/10/syksyn-raportti-nown-toiminnasta-2016.html",
        date="2016-10-18",
        description="The programme's follow-up report of 31.7.2016, posted on its blog.",
        passages=(
            "Nuorten elinvoimaisuus -kehitysohjelman seurantaraportti 31.7.2016",
            "Näistä projekteista Ohjaamo Espoo (ESR-rahoitteinen vuosina 2015–2018) keskittyy "
            "antamaan monialaista tukea ja ohjausta työelämän ja koulutuksen ulkopuolella oleville "
            "17–29- vuotiaille nuorille (nuorisotakuu).",
            "Uutena toimintona aloitti Monik ry:n isännöimä Urax-työhönvalmennushanke, jonka "
            "tavoitteena on ohjata maahanmuuttajataustaisia nuoria työelämään. Hankkeessa mukana "
            "ovat Espoon ja Helsingin kaupungit sekä Uudenmaan TE-toimisto. Urax-hanke toimii "
            "yhteistyössä Espoon ja Helsingin Ohjaamojen kanssa.",
            "Nuorten elinvoimaisuus -kehitysohjelman vuoden 2016 toimenpiteenä on yhteistyö "
            "Kalliolan Nuoret ry:n Espoon Tyttöjen talon kanssa, jossa organisoidaan syksyllä "
            "kaksi nuorten äitien toimintaryhmää ja yksi ryhmä väkivaltaisesti käyttäytyville "
            "tytöille.",
        ),
    ),
    _fi(
        ESPOO_NEWS_2015,
        "Espoon kehitysohjelmissa on luotu lukuisia uusia asukaslähtöisiä toimintamalleja",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi-FI/Espoon_kaupunki/Paatoksenteko/Espootarina/"
        "Innostava_elinvoimainen_Espoo/Espoon_kehitysohjelmissa_on_luotu_lukuis(75099)",
        date="2015-08-24",
        passages=(
            "Valtuustokauden 2013-2017 alussa Espoossa valittiin viisi poikkihallinnollista "
            "kehitysohjelmaa vastaamaan Espoon keskeisiin haasteisiin.",
            "Kaupunginhallitus saa käsiteltäväkseen poikkihallinnollisten kehitysohjelmien "
            "seurantaraportit tänään maanantaina.",
            "Kehitysohjelmat ovat: Elinvoimaa ikääntyville, Kestävä kehitys, Kilpailukyky, "
            "innovatiivisuus ja yrittäjyys, Nuorten elinvoimaisuus ja Osallistuva Espoo. "
            "Ohjelmien toteuttaminen käynnistyi vuoden 2014 alussa projekteina ja toimenpiteinä.",
            "Uusimpia kokeiluja olivat kaupunginjohtajan synttärijuhlat senioreille, "
            "yhteistyötapaamiset vanhusjärjestöjen ja vanhusneuvoston kanssa sekä "
            "Länsiväylä-lehden tiedotusliite ikääntyneille.",
            "Espoo oli kesäkuussa ensimmäinen suomalainen kaupunki, joka antoi kestävän "
            "kehityksen yhteiskuntasitoumuksen.",
            "Kaikki espoolaiset kuudesluokkalaiset viettävät jatkossa yhden päivän Yrityskylä "
            "Espoossa tutustuen yritystoimintaan ja työelämään. Yrityskylä Espoo käynnistyi viime "
            "marraskuussa. Mukana toteutuksessa on noin 15 yrityskumppania, joiden ”yrityksissä” "
            "koululaiset yrityskyläpäivänä työskentelevät.",
        ),
    ),
    _source(
        FORTUM_2020,
        "Learning environment for sixth-graders",
        publisher="Fortum",
        url="https://www.fortum.com/media/2020/04/learning-environment-sixth-graders",
        date="2020-04",
        language="en",
        description="Fortum on its partnership in Yrityskylä Espoo.",
        passages=(
            "We have been several years partner in The Yrityskylä learning environment in Espoo, "
            "Finland.",
            "In miniature Fortum the students get to know district heating and cooling in their "
            "own hometown Espoo.",
        ),
    ),
    _fi(
        TURKU_BOARD_2022,
        "Turun kaupungin osallistuminen Talous ja nuoret TATin Yrityskylä Varsinais-Suomen "
        "toimintaan vuosina 2022-2025",
        publisher="Turun kaupunki, kaupunginhallitus",
        url="https://ah.turku.fi/kh/2022/0321007p/4628415.htm",
        date="2022-03-21",
        passages=(
            "Turun kaupungin osallistuminen Talous ja nuoret TATin Yrityskylä Varsinais-Suomen "
            "toimintaan vuosina 2022-2025",
            "Yrityskylä on Talous ja nuoret TATin koordinoima, peruskoulun kuudes- ja "
            "yhdeksäsluokkalaisille suunnattu yhteiskunnan talouden, työelämän ja yrittäjyyden "
            "oppimiskokonaisuus, ja se perustuu opetussuunnitelmaan.",
        ),
    ),
    _fi(
        ESPOO_OUR_PARK,
        "Meidän puisto",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi-FI/Asuminen_ja_ymparisto/Asuminen/Asukastoiminta/"
        "Meidan_puisto",
        date=None,
        passages=(
            "Espoon Meidän puisto -hankkeen tavoitteena on poistaa esteitä silloin, kun asukkaat "
            "haluavat vaikuttaa ympäristönsä hoitotasoon.",
            "Keväällä 2014 hahmoteltiin uutta toimintamallia, jossa voisi yhdistää kuntalaisten "
            "toiveet laadukkaammasta lähiympäristöstä ja toiveet päästä itse osallistumaan sen "
            "hoitoon ilman, että kaupungille tulee tästä merkittäviä lisäkustannuksia. Syntyi "
            "Meidän puisto -malli, joka on yksi, Espoon tarinaan liittyvä, Osallistuva Espoo "
            "-hanke.",
            "Hoitosopimus tehdään aina kirjallisena ja siihen liittyy kartta.",
        ),
    ),
    _source(
        URBACT_OUR_PARK,
        "How citizens take over public park maintenance in Espoo",
        publisher="URBACT",
        url="https://archive.urbact.eu/how-citizens-take-over-public-park-maintenance-espoo",
        date="2021-02-26",
        language="en",
        description="Date is the page's 'edited on' date.",
        passages=(
            "In Espoo, this is all possible, thanks to Our park concept.",
            "Common practices and guidelines for the Our park agreements were developed in "
            "conjunction with the city´s cross-departmental development programme Participating "
            "Espoo in 2014.",
            "Currently more than 150 different Our park sites are located all over the city.",
            "Jaana Junkkari, the head of customer services of Espoo’s technical department "
            "acknowledges differing expectations the residents have.",
        ),
    ),
    _fi(
        KUNTATEKNIIKKA_2015,
        "Espoo aktivoi asukkaitaan lähialueiden hoitoon ja kunnostukseen",
        publisher="Kuntatekniikka",
        url="https://kuntatekniikka.fi/lehtiarkisto/012015/"
        "espoo-aktivoi-asukkaitaan-lahialueiden-hoitoon-ja-kunnostuks",
        date="2015",
        description="Article in Kuntatekniikka 1/2015.",
        passages=(
            "Espoo aktivoi asukkaitaan lähialueiden hoitoon ja kunnostukseen",
            "Espoon Meidän puisto -hankkeen tavoitteena on poistaa esteitä silloin, kun asukkaat "
            "haluavat vaikuttaa ympäristönsä hoitotasoon.",
            "Teksti Jaana Junkkari",
            "Keväällä 2014 hahmoteltiin uutta toimintamallia",
        ),
    ),
    _fi(
        ESPOON_VIHREAT_2017,
        "Espoon valtuusto 16.10.2017 – kokousraportti",
        publisher="Espoon Vihreät",
        url="https://www.espoonvihreat.fi/espoon-valtuusto-16-10-2017-kokousraportti/",
        date="2017-10",
        description="Espoo Greens' report of the city council meeting of 16.10.2017. The "
        "title is read from the address: the stored text begins below it.",
        passages=(
            "Poikkihallinnollisten kehitysohjelmien hyötytavoitteiden hyväksyminen",
            "Kehitysohjelmat toteuttavat Espoon kaupungin strategiaa seuraavalla "
            "nelivuotiskaudella. Ohjelmia on neljä: Innostava elinvoimainen Espoo, Osallistuva "
            "Espoo, Kestävä Espoo ja Hyvinvoiva Espoo.",
            "Ohjelmien puheenjohtajat esittivät kunkin ohjelman hyötytavoitteet lyhyesti.",
            "Sirpa Hertell Kestävä Espoo -ohjelmaryhmän puheenjohtajana korosti Espoon "
            "kunnianhimoisia tavoitteita saavuttaa hiilineutraalius vuoteen 2030 mennessä",
            "Johanna Karimäki Innostava ja elinvoimainen Espoo-ryhmän varapuheenjohtajana nosti "
            "esiin työllisyyskehityksen tärkeyden",
        ),
    ),
    _fi(
        TIINA_ELO,
        "Kaupunginhallitus 27.8.2018 – raportti",
        publisher="tiinaelo.fi",
        url="https://www.tiinaelo.fi/2018/08/28/kaupunginhallitus-27-8-2018-raportti/",
        date="2018-08-28",
        description="An Espoo city board member's report of the board's meeting of 27.8.2018 "
        "on her blog. The title is read from the address: the stored text begins below it.",
        passages=(
            "– Poikkihallinnollisten kehitysohjelmien seuranta I / 2018 (Kv-asia)",
            "Poikkihallinnollisia ohjelmia on neljä: Hyvinvoiva Espoo, Innostava ja "
            "elinvoimainen Espoo, Kestävä Espoo ja Osallistuva Espoo.",
            "Seurannat lähetettiin valtuustolle, joka merkitsee ne tiedoksi.",
        ),
    ),
    _fi(
        TIINA_ELO_2018_08_25,
        "Kaupunginhallitus 27.8.2018: kehys, toimitilainvestointiohjelma 2019–2030 ja YK:n "
        "kestävän kehityksen verkosto",
        publisher="tiinaelo.fi",
        url="http://www.tiinaelo.fi/2018/08/25/kaupunginhallitus-27-8-2018-kehys-"
        "toimitilainvestointiohjelma-2019-2030-ja-ykn-kestavan-kehityksen-verkosto/",
        date="2018-08-25",
        description="The same city board member's preview of the board's meeting of 27.8.2018. "
        "The title is read from the address: the stored text begins below it.",
        passages=(
            "Lisäksi listalla on mm. poikkihallinnollisten kehitysohjelmien seuranta",
            "– Poikkihallinnollisten kehitysohjelmien seuranta I / 2018 (Kv-asia)",
            "Kaupunginhallitus hyväksyi ohjelmasuunnitelmat 12.2.2018. Ohjelmien toteutumisesta "
            "raportoidaan valtuustolle kaksi kertaa vuodessa.",
            "Hyvinvoiva Espoo -kehitysohjelman vuodelle 2018 suunnitelluista kymmenestä "
            "toimenpiteestä on käynnistynyt seitsemän.",
        ),
    ),
    _fi(
        ESPOO_NEWS_2021,
        "Kestävä Espoo kehitysohjelmassa edustus kaikista valtuuston puolueista",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi/uutiset/2021/09/"
        "kestava-espoo-kehitysohjelmassa-edustus-kaikista-valtuuston-puolueista",
        date="2021-09-24",
        passages=(
            "Ohjelma on järjestyksessään kolmas, ensimmäinen käynnistettiin jo vuonna 2013.",
            "Uudessa ohjausryhmässä on edustus kaikista kaupunginvaltuuston puolueista ja "
            "ensimmäinen kokous pidettiin 21.9.21. Ohjausryhmän puheenjohtajaksi valtuusto "
            "nimesi Meri Löyttyniemen (vihr.) ja varapuheenjohtajaksi Markku Markkulan (kok.).",
        ),
    ),
    _fi(
        ESPOO_NEWS_2022,
        "Valtuusto hyväksyi poikkihallinnollisten ohjelmien hyötytavoitteet",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi/uutiset/2022/03/"
        "valtuusto-hyvaksyi-poikkihallinnollisten-ohjelmien-hyotytavoitteet",
        date="2022-03-02",
        passages=(
            "Espoo-tarinan eli kaupungin strategian tavoitteita edistetään neljässä "
            "poikkihallinnollisessa kehitysohjelmassa. Valtuusto hyväksyi 28.2.2022 ohjelmien "
            "hyötytavoitteet, jotka vievät eteenpäin näitä kaupungille tärkeitä asioita.",
            "Jokaisessa on jäseninä sekä luottamushenkilöitä eri puolueista että viranhaltijoita "
            "kaupungin eri toimialoilta.",
            "ohjelmajohtaja Päivi Hoverfält toteaa.",
            "Valtuustokauden 2021–25 kehitysohjelmat ovat: Elinvoimainen Espoo Hyvinvoiva Espoo "
            "Kestävä Espoo Tapahtumien yhteisöllinen Espoo.",
            "kertoo Elinvoimainen Espoo -ohjelman puheenjohtaja Kai Mykkänen (kok.).",
        ),
    ),
    _fi(
        TYOELAMA_2020,
        "KunTeko 2020 – kunta- ja maakunta-alan työelämän kehittämisohjelma",
        publisher="Työelämä 2020",
        url="https://www.tyoelama2020.fi/verkostot/toimialaohjelmat/"
        "kunteko_2020_kunta-_ja_maakunta-alan_tyoelaman_kehittamisohjelma",
        date=None,
        passages=(
            "Ohjelmaa toteuttavat ja rahoittavat KT Kuntatyönantajat ja kunta-alan "
            "pääsopijajärjestöt Julkisalan koulutettujen neuvottelujärjestö JUKO, Kunta-alan "
            "koulutettu hoitohenkilöstö KoHo ry ja Julkisen alan unioni JAU ry.",
            "Ohjelma kuuluu Euroopan sosiaalirahaston (ESR) rahoittamaan valtakunnalliseen "
            "Tuottavaa ja tuloksellista työelämää yhteistyöllä -toimenpidekokonaisuuteen, jota "
            "Hämeen ELY-keskus rahoittaa.",
            "Ohjelman ensimmäinen kausi toteutettiin vuosina 2015-2017, ja toinen kausi "
            "toteutetaan vuosina 2018-2020 nimellä Kunteko 2020 – kunta- ja maakunta-alan "
            "työelämän kehittämisohjelma.",
            "Toimialaohjelman tavoitteet",
        ),
    ),
    _fi(
        TARKEISSA_TOISSA,
        "Kunteko 2020 - kunta- ja maakunta-alan työelämän kehittämisohjelma 2015–2020",
        publisher="tarkeissatoissa.fi",
        url="https://tarkeissatoissa.fi/Kunteko_2015-2020",
        date=None,
        passages=(
            _KUNTEKO_RUN_BY,
            "Kunteko-ohjelman kehittämistyötä tukevissa palveluissa oli vuosina 2015-2020 mukana "
            "yli 240 kunta-alan organisaatiota ja noin 10 000 osallistujaa eri puolilta Suomea. "
            "Ohjelman päärahoittaja oli Hämeen elinkeino-, liikenne ja ympäristökeskus Euroopan "
            "sosiaalirahaston (ESR) tuella. Ohjelman kokonaisbudjetti oli noin 3 miljoonaa euroa.",
        ),
    ),
    _fi(
        EURA_S20190,
        "Kunteko 2020 - Kunta-alan työelämän kehittämisohjelma (ESR-hanke S20190)",
        publisher=_EURA,
        url="https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=S20190",
        date=None,
        passages=(
            "Hankekoodi: S20190",
            "Hankkeen nimi: Kunteko 2020 - Kunta-alan työelämän kehittämisohjelma",
            "Suunnitelman mukainen toteutusaika: Alkaa 1.1.2015 ja päättyy 31.12.2017",
            "Hakijan virallinen nimi: Suomen Kuntaliitto ry",
            "Hankkeen yhteyshenkilön nimi: Jaanu Anna-Mari",
            *_EURA_COMMON,
        ),
    ),
    _fi(
        EURA_S21159,
        "Kunteko 2020 -kunta- ja maakunta-alan työelämän kehittämisohjelma (ESR-hanke S21159)",
        publisher=_EURA,
        url="https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=S21159",
        date=None,
        passages=(
            "Hankekoodi: S21159",
            "Hankkeen nimi: Kunteko 2020 -kunta- ja maakunta-alan työelämän kehittämisohjelma",
            "Suunnitelman mukainen toteutusaika: Alkaa 1.1.2018 ja päättyy 1.1.2021",
            "Hakijan virallinen nimi: Suomen Kuntaliitto ry;Finlands Kommunförbund rf",
            "Hankkeen yhteyshenkilön nimi: Anna-Mari Jaanu",
            *_EURA_COMMON,
            "Kunteko 2020-ohjelma on ollut käynnissä vuodesta 2015.",
            "Kunteko on merkittävin Työelämä 2020 -hankkeen toimialakohtaisista ohjelmista",
        ),
    ),
    _fi(
        TEKOJEN_TORI_2020,
        "Kunteko-ohjelma on tavoittanut laajasti kuntakenttää",
        publisher="Tekojen tori (KunTeko 2020)",
        url="https://www.tekojentori.fi/ajankohtaista/Kunteko-tavoittanut-laajasti",
        date="2020-10-29",
        passages=(
            "Ohjelman pitempikestoisissa kehittämistoimenpiteissä, kuten sparraus, valmennukset, "
            "työpajat ja verkostot, oli ensimmäisellä kaudella mukana 182 ja toisella kaudella "
            "146 kuntaorganisaatiota. Yhteensä ohjelmassa oli mukana noin 240 eri organisaatiota, "
            "joista suurin osa oli kuntia ja kuntayhtymiä.",
            "Sparrauksissa, valmennuksissa, verkostoissa ja työpajoissa oli ohjelman aikana "
            "yhteensä noin 5000 osallistujaa. Heistä noin 80 prosenttia oli työntekijöitä ja "
            "loput johtoa ja esimiehiä. Kaiken kaikkiaan ohjelman toimenpiteisiin, mukaan lukien "
            "tilaisuudet ja webinaarit, osallistui kuuden vuoden aikana noin 10 000 henkilöä.",
        ),
    ),
    _fi(
        KT_FINAL,
        "Työelämän kehittäminen kunta-alalla – Kunteko-ohjelma 2015–2020",
        publisher="KT Kuntatyönantajat",
        url="https://www.kt.fi/julkaisut-ja-oppaat/2020/"
        "tyoelaman-kehittaminen-kunta-alalla-kunteko-ohjelma-2015-2020",
        date="2020",
        description="The final publication of KunTeko.",
        passages=(
            "Kunteko-ohjelma tarjosi kehittämiseen apua erilaisten palvelujen avulla vuosina "
            "2015–2020. Palveluja olivat sparraus, sisäisten kehittäjien valmennus, "
            "teemapohjaiset työpajat ja verkostot.",
            "Yhteensä ohjelmassa oli mukana noin 240 organisaatiota, joista suurin osa oli kuntia "
            "ja kuntayhtymiä. Sparrauksissa, valmennuksissa, verkostoissa ja työpajoissa oli "
            "ohjelman aikana yhteensä noin 5 000 osallistujaa. Heistä noin 80 prosenttia oli "
            "työntekijöitä ja loput johtoa ja esimiehiä.",
            "Kaiken kaikkiaan ohjelman palveluihin, mukaan lukien tilaisuudet ja webinaarit, "
            "osallistui kuuden vuoden aikana noin 10 000 henkilöä.",
            "Osa palveluista, kuten sparraus ja sisäisten kehittäjien valmennus, olivat "
            "organisaatiokohtaisia",
        ),
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
        passages=(
            "The services are free or low cost.",
            "3-day training for staff responsible for development",
            "1- to 3-day coaching/consultation for individual municipal organisations",
            "Workshops and clinics to improve performance and working life quality",
            "Networks and learning networks with various themes",
            "Research collaboration with universities",
        ),
    ),
    _fi(
        TARKEISSA_2021_2022,
        "TYÖ2030 -ohjelmasta rahoitetut kunta-alan kehittämishankkeet vuosina 2021-2022",
        publisher="tärkeissätöissä.fi",
        url="https://www.xn--trkeisstiss-l8age0y.fi/hankkeita-2021-2022",
        date=None,
        description="Not cited by SEED-FACTS.md: added because it states that the Kuntatyö2030 "
        "project ran 1.5.2021–31.12.2022 and that Tekojen tori was renewed within it.",
        passages=(
            "Projektit olivat osa  Kuntatyö2030 -kokonaisuutta. Projekteja  rahoitti Sanna "
            "Marinin hallituksen TYÖ2030 -ohjelma, joka oli käynnissä vuosina 2019-2023.",
            "Tekojen tori -portaalia uudistettiin yhdessä käyttäjien kanssa.",
            "Kuntatyö2030 -hanke 1.5.2021–31.12.2022",
        ),
    ),
    _fi(
        KUNTATYO2030_SITE,
        "Kuntatyö2030 kokoaa kehittämistä kunta-alalla",
        publisher="Kuntatyö2030",
        url="https://www.kuntatyo2030.fi/mita-on-%20kuntatyo2030",
        date=None,
        description="Not cited by SEED-FACTS.md: added because it states that Kuntatyö2030 "
        "continues KunTeko 2020.",
        passages=(
            "Kuntatyö2030 toimialaohjelma on jatkoa kunta- ja maakunta-alan työelämän "
            "kehittämisohjelmalle Kunteko 2020. Ohjelmaa toteutettiin vuosina 2015-2020 KT "
            "Kuntatyönantajien ja kunta-alan pääsopijajärjestöjen yhteistyönä.",
        ),
    ),
)

_CITY_RECORD: tuple[Cited, ...] = (
    *(
        _fi(
            id,
            f"Kaupunginhallitus {date_fi} § {section}: {title}",
            publisher="Espoon kaupunki, kaupunginhallitus",
            url=url,
            date=date,
            description="Minutes item of the Espoo city board (Dynasty information service).",
            passages=(f"Kaupunginhallitus {date_fi} § {section}", *passages),
        )
        for id, date_fi, section, title, url, date, passages in (
            (
                KH_2021_05_24,
                "24.05.2021",
                177,
                "Valtuustokauden 2021 - 2025 poikkihallinnolliset kehitysohjelmat "
                "(osittain Kv-asia)",
                "https://espoo-sv.oncloudos.com/cgi/DREQUEST.PHP?page=meetingitem&id=2021340-6",
                "2021-05-24",
                (
                    "Valmistelijat / lisätiedot: Valve Jorma Hoverfält Päivi",
                    "Päätösehdotus Kaupunginjohtaja Mäkelä Jukka",
                    "päättää valtuustokauden 2021 - 2025 poikkihallinnollisten kehitysohjelmien "
                    "aiheiksi Elinvoimainen Espoo, Hyvinvoiva Espoo, Kestävä Espoo sekä "
                    "Tapahtumien yhteisöllinen Espoo",
                    "Kestävä Espoo -kehitysohjelman ohjausryhmässä on yhdeksän "
                    "luottamushenkilöjäsentä ja yhdeksän viranhaltijajäsentä ilman "
                    "henkilökohtaisia varajäseniä ja muiden kehitysohjelmien ohjausryhmässä viisi "
                    "luottamushenkilöjäsentä ja viisi viranhaltijajäsentä ja jokaisella "
                    "henkilökohtainen varajäsen.",
                    "Kaupunginhallitus: Esittelijän ehdotus hyväksyttiin yksimielisesti.",
                ),
            ),
            (
                KH_2022_02_14,
                "14.02.2022",
                49,
                "Poikkihallinnollisten kehitysohjelmien hyötytavoitteiden hyväksyminen (Kv-asia)",
                "https://espoo-sv.oncloudos.com/cgi/DREQUEST.PHP?id=2022567-4&page=meetingitem",
                "2022-02-14",
                (
                    "Valmistelijat / lisätiedot: Hoverfält Päivi Laitala Pasi Lyytikäinen Johanna "
                    "Rönkkönen Sanna Viik-Kajander Maarit Toivonen Kaisu M SUKO Rintala Lea",
                    "Päätösehdotus Kaupunginjohtaja Mäkelä Jukka",
                    "Valtuusto hyväksyi valtuustokauden 2021 - 2025 kehitysohjelmien aiheet "
                    "kokouksessaan 7.6.2021. Valtuusto päätti kehitysohjelmien ohjausryhmien "
                    "luottamushenkilöjäsenet sekä puheenjohtajat ja varapuheenjohtajat "
                    "varajäsenineen 30.8.2021. Kaupunginjohtaja on nimennyt ohjausryhmien "
                    "viranhaltijajäsenet.",
                ),
            ),
            (
                KH_2022_04_11,
                "11.04.2022",
                114,
                "Poikkihallinnollisten ohjelmasuunnitelmien hyväksyminen",
                "https://espoo.oncloudos.com/cgi/DREQUEST.PHP?page=meetingitem&id=2022628-7",
                "2022-04-11",
                (
                    "Valmistelijat / lisätiedot: Hoverfält Päivi Rönkkönen Sanna Viik-Kajander "
                    "Maarit Toivonen Kaisu M SUKO Laitala Pasi Rintala Lea Lyytikäinen Johanna",
                    "Päätösehdotus Kaupunginjohtaja Mäkelä Jukka",
                    "Kaupunginhallitus hyväksyy liitteenä olevat poikkihallinnollisten "
                    "kehitysohjelmien ohjelmasuunnitelmat.",
                ),
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
        passages=(
            "The current council term 2021–2025 is the third one for the Sustainable Espoo "
            "programme.",
            "All council parties are represented in the steering group.",
            "Chairperson of the steering group: Meri Löyttyniemi (Greens)",
            "Vice-chairperson: Markku Markkula (National Coalition Party)",
            "Members Mikko Björklund (Movement Now) Adwoa Brewu (Christian Democrats) Martti "
            "Hellström (Social Democratic Party) Nina Siivola (Swedish People’s Party) Mervi "
            "Syväranta (Finns Party) Sofia Tuisku (Centre Party) Kari Uotila (Left Alliance) "
            "Iiro Nieminen (Youth Council)",
        ),
    ),
    _fi(
        ESPOO_NEWS_2021_12_03,
        "Hiilineutraaliksi tällä vuosikymmenellä",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi/uutiset/2021/12/hiilineutraaliksi-talla-vuosikymmenella",
        date="2021-12-03",
        passages=(
            "pohtii Kestävä Espoo -kehitysohjelman ohjausryhmän puheenjohtaja Meri Löyttyniemi",
            "Kestävän kehityksen nostaminen keskeiseksi osaksi kaupungin strategiaa ilahduttaa "
            "myös ohjausryhmässä Espoon nuorisovaltuustoa edustavaa Kasperi Mannista.",
        ),
    ),
    _fi(
        ESPOO_NEWS_2021_12_10,
        "Tapahtumien yhteisöllinen Espoo -ohjelma tavoittelee sekä elinvoimaa että hyvinvointia",
        publisher=_ESPOO,
        url="https://www.espoo.fi/fi/uutiset/2021/12/"
        "tapahtumien-yhteisollinen-espoo-ohjelma-tavoittelee-seka-elinvoimaa-etta-hyvinvointia",
        date="2021-12-10",
        passages=(
            "Sen työ käynnistyi 24.11.2021 ohjausryhmän työpajalla",
            "Ohjelman puheenjohtaja Joel Vanhanen (kok.) avasi tilaisuuden",
            "Ohjelmapäällikkö Lea Rintala havainnollisti asiaa lukujen valossa",
            "Tapahtumien yhteisöllinen Espoo -ohjelman ohjausryhmässä on jäseninä sekä "
            "luottamushenkilöitä eri puolueista että viranhaltijoita kaupungin eri toimialoilta.",
        ),
    ),
    _source(
        ESPOO_NEWS_2022_12_27,
        "Healthy Espoo programme supports residents’ wellbeing",
        publisher="City of Espoo",
        url="https://www.espoo.fi/en/news/2022/12/healthy-espoo-programme-supports-residents-wellbeing",
        date="2022-12-27",
        language="en",
        passages=(
            "says Helena Marttila, chairperson of the programme.",
            "The Senioripaku van toured around Espoo in the summer, providing activities and "
            "guidance to senior citizens. The project has been devised together with Cultural "
            "Services.",
        ),
    ),
    _fi(
        HELENA_MARTTILA,
        "Esipuheeni Hyvinvoiva Espoo -toimintasuunnitelmassa",
        publisher="helenamarttila.fi",
        url="https://www.helenamarttila.fi/esipuheeni-hyvinvoiva-espoo-toimintasuunnitelmassa/",
        date=None,
        description="An Espoo councillor's foreword to the Hyvinvoiva Espoo action plan. Undated.",
        passages=(
            "Helena toimii poikkihallinnollisen Hyvinvoiva Espoo -ohjelmatyön ohjausryhmän "
            "puheenjohtajana",
        ),
    ),
    _fi(
        STT_2021_02,
        "Kaupungin keskeisiä haasteita ratkaistaan yhdessä yli organisaatiorajojen",
        publisher="Espoon kaupunki (STT Info -tiedote)",
        url="https://www.sttinfo.fi/tiedote/kaupungin-keskeisia-haasteita-ratkaistaan-yhdessa-"
        "yli-organisaatiorajojen?publisherId=3385&releaseId=69900775",
        date="2021-02",
        description="City of Espoo press release on the 2017–2021 development programmes.",
        passages=(
            "Valtuusto asetti kesällä 2017 toistamiseen Espoo-tarinasta eli strategiasta johdetut "
            "poikkihallinnolliset kehitysohjelmat etsimään ratkaisuja valtuustokauden keskeisiin "
            "haasteisiin. Nämä neljä kehitysohjelmaa olivat: Hyvinvoiva Espoo, Innostava "
            "elinvoimainen Espoo, Kestävä Espoo ja Osallistuva Espoo.",
            "Ohjausryhmät muodostuivat puoliksi poliitikoista ja puoliksi viranhaltijoista.",
            "Tuloksista on raportoitu puolivuosittain valtuustolle.",
            "”Päättyvän valtuustokauden ohjelmat ovat toimineet alustoina uusien ratkaisujen "
            "kehittämiselle ja kokeilulle. […]”, summaa ohjelmajohtaja Päivi Hoverfält.",
            "Kaupunginjohtaja Jukka Mäkelän mielestä",
        ),
    ),
    _fi(
        ESBO_SFP_2023,
        "Elinvoimainen Espoo -ohjelmaryhmän väliraportti",
        publisher="Esbo SFP (esbosfp.nfsite.com)",
        url="https://esbosfp.nfsite.com/fi/2023/09/13/elinvoimainen-espoo-ohjelmaryhman-valiraportti/",
        date="2023-09-13",
        description="Interim report of the Elinvoimainen Espoo programme group, published on "
        "the site of the Swedish People's Party in Espoo.",
        passages=(
            "Kupla-tapahtumatila yhteisöllisyyden vahvistamiseksi.",
            "Pilotti työnantajien valmiuksien parantamiseksi rekrytoida kansainvälisiä "
            "espoolaisia.",
            "Kansainvälisten startup-yritysten Soft Landing -hanke (2023-25)",
        ),
    ),
    _source(
        ESPOO_STORY_EN_2013,
        "The Espoo Story",
        publisher="City of Espoo",
        url="http://www.espoo.fi/en-US/City_of_Espoo/Decisionmaking/The_Espoo_Story",
        date=None,
        language="en",
        description="The city's page on the Espoo Story, its strategy for 2013–2017. Undated.",
        passages=(
            "The Espoo Story is Espoo's strategy for 2013–2017. The Council decided on the "
            "matter on 10 June 2013.",
            "The goal-setting of the programmes was confirmed as part of the Espoo Story, i.e. "
            "city strategy, on 10 June 2013.",
        ),
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
        passages=(
            "Muut saapuvilla olleet Markus Torkki Sirpa Hertell Maria Guzenina-Richardson Jukka "
            "Mäkelä Juha Metso Sampo Suihko Olavi Louko Mauri Suuperko Timo Kuismin Reijo Tuori "
            "Päivi Sutinen Satu Tyry-Salo Mari Immonen Jouni Majuri valtuuston puheenjohtaja "
            "valtuuston I varapuheenjohtaja, saapui klo käsittelyn aikana valtuuston II "
            "varapuheenjohtaja kaupunginjohtaja perusturvajohtaja sivistystoimen johtaja, saapui "
            "klo käsittelyn aikana teknisen toimen johtaja liiketoimintajohtja lakiasiainjohtaja "
            "rahoitusjohtaja palvelujen kehittämisjohtaja viestintäjohtaja kaupunginsihteeri "
            "kaupunginsihteeri, sihteeri",
            "Vuoden 2014 huhtikuun kuukausiraportti",
        ),
    ),
    _fi(
        COUNCIL_MINUTES_DOCPLAYER,
        "Espoon kaupunki, Pöytäkirja, Valtuusto, sivu 1 / 119",
        publisher="Espoon kaupunki, valtuusto",
        url="https://docplayer.fi/29587934-Valtuusto-sivu-1-119.html",
        date=None,
        description="Minutes of an Espoo city council meeting whose attendance list gives each "
        "councillor's party. The meeting date was not in the stored text. Descriptive title.",
        passages=(
            "Simon Elo (PerusS/Sit.)",
            "Martti Hellström (SDP)",
            "Sirpa Hertell (Vihr.)",
            "Johanna Karimäki (Vihr.)",
            "Markku Markkula (Kok.) Kristiina Mustakallio (Kok.)",
        ),
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
            passages=("Förhandlingskommittén består av fullmäktigegruppernas ordförande.", *more),
        )
        for id, version, chair, more in (
            (
                ESBO_NEGOTIATING_A,
                "One",
                "which names Kai Mykkänen as council chair",
                (
                    "Uotila Kari, VF Hertell Sirpa, Gröna",
                    "Mykkänen Kai, (Saml) fullmäktiges ordförande",
                    "Karimäki Johanna, (Gröna) fullmäktiges tredje vice ordförande",
                    "stadsstyrelsens ordförande Markkula Markku, (Saml)",
                    "stadsdirektör Mäkelä Jukka",
                ),
            ),
            (
                ESBO_NEGOTIATING_B,
                "Another",
                "which names Jyrki Kasvi as council chair",
                (
                    "Uotila Kari, VF",
                    "stadsstyrelsens ordförande Markkula Markku, (Saml)",
                    "stadsdirektör Mäkelä Jukka omsorgsdirektör Metso Juha",
                ),
            ),
        )
    ),
    _fi(
        MDI_KUNTEKO,
        "Kunteko on antanut vauhtia kuntien kehittämistyölle",
        publisher="MDI",
        url="https://www.mdi.fi/kunteko-on-antanut-vauhtia-kuntien-kehittamistyolle",
        date=None,
        description="MDI on its external evaluation of KunTeko 2020 (completed November 2020).",
        passages=(
            "Kunteko-ohjelma on ollut käynnissä vuosina 2015–2020, ja sitä ovat toteuttaneet "
            "yhteistyössä KT Kuntatyönantajat, Julkisalan koulutettujen neuvottelujärjestö JUKO, "
            "Sosiaali- ja terveysalan neuvottelujärjestö Sote ry ja Julkisen alan unioni.",
            "Ohjelman ulkoisen loppuarvioinnin tilasi KT Kuntatyönantajat, ja se valmistui "
            "marraskuussa 2020.",
        ),
    ),
    _fi(
        JOHANNA_KARIMAKI,
        "Espoon kaupunginvaltuusto",
        publisher="johannakarimaki.fi",
        url="http://www.johannakarimaki.fi/luottamustoimet/kaupunginvaltuusto",
        date=None,
        description="An Espoo councillor's page on her work in the council, written in the "
        "council term that began in 2017. Undated.",
        passages=(
            "Olen Espoon kaupunginvaltuuston jäsen vuodesta 2005 lähtien.",
            "Nyt vuodesta 2017 alkaneella valtuustokaudella jatkan työryhmässä toimien sen "
            'varapuheenjohtajana. "Innostava elinvoimainen Espoo" -työryhmässä on valittu '
            "tavoitteeksi nuorten työllisyyden edistäminen yhdessä yrittäjien kanssa.",
        ),
    ),
    _fi(
        TARKEISSA_TOISSA_B,
        "Kunteko 2020 - kunta- ja maakunta-alan työelämän kehittämisohjelma 2015–2020",
        publisher="tarkeissatoissa.fi",
        url="https://tarkeissatoissa.fi/Kunteko-2015-2020",
        date=None,
        description="Another stored version of the KunTeko page of tarkeissatoissa.fi, at an "
        "address with a hyphen, which also presents the final publication and the external "
        "evaluation.",
        passages=(
            _KUNTEKO_RUN_BY + " Ohjelmaa toteutettiin kahdessa osassa vuosina 2015-2017 ja "
            "2018-2020.",
            "Kunteko-ohjelman ulkoinen arviointi vuodelta 2020",
            "MDI Oy toteutti Kunteko-ohjelman ulkoisen arvioinnin, jonka tulokset on koottu "
            "raporttiin.",
        ),
    ),
    _fi(
        KUNTEKO_LAST_YEAR,
        "Kuntekon viimeinen vuosi käynnistyi, kehittämistyötä tukevat palvelut käynnissä "
        "lokakuun 2020 loppuun asti",
        publisher=_KUNTEKO,
        url="https://www.kunteko.fi/ajankohtaista/kuntekon-viimeinen-vuosi",
        date="2020",
        description="The programme manager's post as the programme's last year began (it wishes "
        "a good year 2020; the page gives no day).",
        passages=(
            "Kunteko-ohjelman viimeinen vuosi käynnistyi juuri.",
            "Ohjelmassa on ollut jo tähän mennessä mukana yli 200 kuntaorganisaatiota ja noin "
            "8000 osallistujaa. Olemme tarjonneet sparrausta, sisäisten kehittäjien "
            "valmennuksia, monenlaisia verkostoja, työpajoja useissa teemoissa ja webinaareja eri "
            "aihepiireistä.",
            "Tekojen torilla on tällä hetkellä melkein 600 kehittämistekoa.",
            "Viimeisenä toimintavuonna teemme loppujulkaisun ja ohjelmasta tehdään arviointi.",
            "Vuoden 2020 lopulla järjestämme myös loppuseminaarin.",
            "Jo tässä vaiheessa on kuitenkin varmaa, että Tekojen tori jää elämään, vaikka "
            "ohjelma päättyykin.",
            "Anna-Mari Jaanu, ohjelmapäällikkö",
        ),
    ),
    _fi(
        KUNTEKO_FIRST_EVALUATION,
        "Kuntekon ensimmäinen kausi on arvioitu",
        publisher=_KUNTEKO,
        url="https://www.kunteko.fi/ajankohtaista/kuntekon-ensimmainen-kausi-on-arvioitu",
        date="2017",
        description="KunTeko on the external evaluation of its first period, written in 2017 "
        "while funding for 2018–2020 was being applied for (the page gives no day).",
        passages=(
            "Kuntekon ensimmäinen kausi päättyy vuoden 2017 lopussa. Jatkorahoitusta kaudelle "
            "2018-2020 haetaan parhaillaan.",
            "Ohjelman ulkoinen arviointi tehtiin kesä-elokuussa ja sen toteutti Tempo Economics "
            "Oy.",
        ),
    ),
    _fi(
        STT_KUNTEKO_2017,
        "Kunta-alan parhaat kehittäjät ja työntekijät palkittiin",
        publisher="KT Kuntatyönantajat (STT Info -tiedote)",
        url="https://www.sttinfo.fi/tiedote/kunta-alan-parhaat-kehittajat-ja-tyontekijat-"
        "palkittiin?publisherId=1800&releaseId=64751332",
        date="2017-11",
        description="Press release on KunTeko's awards of 16 November. The stored text gives no "
        "year; it speaks of the three-year programme (the first period, 2015–2017), and later "
        "releases count the 2019 gala as the second (so 2017).",
        passages=(
            "KT Kuntatyönantajien ja kunta-alan pääsopijajärjestöjen KunTeko 2020 -ohjelma "
            "palkitsi kymmeniä kuntaorganisaatioita ja työntekijöitä.",
            "Kolmivuotinen ohjelma on tukenut palveluillaan työelämän kehittämistä "
            "kuntatyöpaikoilla. Helsingissä jaettiin 16. marraskuuta tunnustuspalkintoja "
            "kuntaorganisaatioille, niiden yksiköille ja työntekijöille.",
            "Kunta-alan työmarkkinajohtaja Markku Jalosen mukaan palkitut työpaikat ovat hyviä "
            "esimerkkejä",
            "sitä on välttämätöntä jatkaa myös lähivuosina, muistutti Jalonen.",
            "Kuntatyöntekijöitä edustanut JHL:n puheenjohtaja Päivi Niemi-Laine iloitsee",
            "kertoi Niemi-Laine palkintotilaisuudessa.",
            "Ihmeiden tekijät -sarjassa palkittiin Hämeenkyrön kunta, Ikaalisten kaupunki, "
            "Järvi-Saimaan Palvelut Oy, Kemin kaupunki ja Satakunnan sairaanhoitopiiri.",
        ),
    ),
    _fi(
        TEKOJEN_TORI_GALA_2019,
        "Kunteko-gaalassa palkittiin kymmeniä kuntatyön kehittäjiä",
        publisher="Tekojen tori (KunTeko 2020)",
        url="https://www.tekojentori.fi/ajankohtaista/kunteko-gaalassa-palkittiin-kymmenia",
        date="2019-11-27",
        passages=(
            "Kuntien tekemä kehittämistyö tuli näkyväksi Kunteko-gaalassa marraskuun lopulla.",
            "Lämminhenkisessä tilaisuudessa jaettiin kaikkiaan 41 palkintoa kuntatyön "
            "kehittämisestä.",
            "KunTeko 2020 -ohjelman työnä on nostaa ylpeästi kunnissa tehtävää työtä esiin.",
            "KT Kuntatyönantajien työmarkkinajohtaja Markku Jalonen totesi.",
            "Sekä Jalonen että Julkisten ja hyvinvointialojen liiton JHL:n puheenjohtaja Päivi "
            "Niemi-Laine pitävät erittäin tärkeänä, että henkilöstö, esimiehet ja johto "
            "kehittävät kuntatyötä yhdessä.",
            "– Kehittämistyö on KunTekon kautta tullut arjen toiminnaksi.",
            "Niemi-Laine totesi.",
        ),
    ),
    _source(
        KT_GALA_2019,
        "Tiotals utvecklare av det kommunala arbetet premieras med nationell utmärkelse",
        publisher="KT Kommunarbetsgivarna",
        url="https://www.kt.fi/sv/nyheter-och-pressmeddelanden/2019/"
        "kunteko-premierade-tiotals-utvecklare",
        date="2019-11",
        language="sv",
        description="KT's press release before the 2019 gala (in Swedish).",
        passages=(
            "Det kommunala utvecklingsarbetet firas den 20 november vid Kunteko-galan i "
            "Helsingfors. Under galan delas sammanlagt 41 pris ut",
            "Kunteko-galan arrangeras nu för andra gången",
            "Priserna delas ut av KT Kommunarbetsgivarnas och de kommunala "
            "arbetstagarorganisationernas gemensamma program för arbetslivsutveckling i "
            "kommunsektorn, Kunteko 2020.",
            "säger Kuntekos programchef Anna-Mari Jaanu.",
        ),
    ),
    _fi(
        STT_KUNTEKO_2020,
        "Kymmeniä kuntatyön kehittäjiä palkitaan tänään",
        publisher="KT Kuntatyönantajat (STT Info -tiedote)",
        url="https://www.sttinfo.fi/tiedote/kymmenia-kuntatyon-kehittajia-palkitaan-tanaan"
        "?publisherId=1800&releaseId=69894873",
        date="2020-11-25",
        description="Press release on the day of KunTeko's final seminar.",
        passages=(
            "Kuntatyön kehittämistä juhlistetaan 25. marraskuuta Kuntekon virtuaalisessa "
            "loppuseminaarissa kello 13–16. Loppuseminaarissa myönnetään yhteensä 34 palkintoa "
            "kuntatyöpaikoille ja -työntekijöille",
            "Palkittavat teot on valittu noin sadasta kehittämisteosta, jotka on ilmoitettu "
            "vuonna 2020 Kuntekon Tekojen tori -verkkosivustolle",
            "Kuntekon ohjelmapäällikkö Anna-Mari Jaanu kertoo.",
        ),
    ),
    _fi(
        KALEVA_2020,
        "Pohjoissuomalaisia kuntia palkittiin: Tunnustusta muun muassa Limingan kunnan "
        "henkilöstöjuhlalle ja Pyhäjärven kaupungin verkkovalmennukselle",
        publisher="Kaleva",
        url="https://www.kaleva.fi/pohjoissuomalaisia-kuntia-palkittiin-tunnustusta-m/3134166",
        date="2020-11",
        description="Newspaper article on the northern Finnish workplaces awarded at KunTeko's "
        "final seminar (25.11.2020).",
        passages=(
            "Pohjoissuomalaisia kuntatyöpaikkoja ja kuntatyöntekijöitä on palkittu Kuntekon "
            "loppuseminaarissa. Palkintoja myönnettiin yhteensä 34 kappaletta.",
            "Yksi palkinnoista myönnettiin Pyhäjärven kaupungille ja sen liikuntatoiminnalle.",
            "Palkinnon sai myös Kemin kaupungin Vihreä ja kestävä Kemi -hanke.",
            "Limingan kunta palkittiin tammikuussa 2020 järjestetystä henkilöstojuhlasta.",
            "Kempeleen kunta sai palkinnon Työ jaksamisen tukena -toimintamallista.",
            "Palkinnot jakaa KT Kuntatyönantajien ja kunta-alan työntekijäjärjestöjen yhteinen "
            "kunta-alan työelämän kehittämisohjelma Kunteko 2020.",
        ),
    ),
)
"""The sources read for issue 17: the city's record of 2013-2022 and more of KunTeko."""

_ALL = (*_FIRST_SEED, *_CITY_RECORD)
SOURCES: tuple[Node, ...] = tuple(cited.node for cited in _ALL)
PASSAGES: dict[str, tuple[str, ...]] = {c.node.id: c.passages for c in _ALL}
"""Per source, the short passages (in the original language) the facts rely on."""
ISSUE_17: frozenset[str] = frozenset(c.node.id for c in _CITY_RECORD)
