"""What the sources state that has no other place in the registry, in the registry's words.

* Changes the documents announce: a dated event where the document gives a date or a
  year (Örebro's regionkommun from 1 January 2015, the Marit structure to be dismantled
  when it forms), a note where it gives none (Dalarna's region formation).
* Questions on which the documents disagree, one statement per source on the same
  topic: when the requirement of a long-term plan began (seed 002: the 2013 agreement;
  seed 004: the 2014 one) and when the state support ended (seed 000: 2016 was the last
  year with money; seed 004: it ended from 2015; one county plan in seed 002: the state
  grants end on 31 December 2015).
* SKL's figures on who signed the county plans (seed 002).
* The people the documents name in a role (the foreword's authors, the brochure's
  contact persons), without their telephone numbers or e-mail addresses: those are
  not facts about the governance.
* The national network of platform leaders that SKL's national coordinator leads (seed 002).

Records are created only when their slug is missing, as in every seed step.
"""

from __future__ import annotations

import datetime as dt

from governance.seed.sources import COUNTY_PLANS, DALARNA_PROPOSAL, SKL_BROCHURE, VG_DECLARATION

LONG_TERM_PLAN = "När började kravet på en långsiktig plan?"
STATE_SUPPORT_ENDED = "När upphörde det statliga stödet till stödstrukturerna?"
PLAN_SIGNATURES = "Vem undertecknade länsplanerna 2013?"

# (slug, source, subject (model label, slug) or None, kind, topic, text, section,
#  event_on, event_year, order)
STATEMENTS = [
    (
        "avveckling-av-maritstrukturen",
        COUNTY_PLANS,
        ("bodies.body", "maritgruppen"),
        "announced_change",
        "Maritstrukturen avvecklas",
        "Enligt Örebros länsplan skulle Maritstrukturen avvecklas när regionkommunen bildades "
        "och ersättas av nya politiska samverkansarenor, kanske med särskilda råd för vissa "
        "områden.",
        "Politisk arena för välfärdsfrågor: Örebro",
        None,
        2015,
        1,
    ),
    (
        "regionkommun-orebro-2015",
        COUNTY_PLANS,
        ("bodies.organisation", "regionforbundet-orebro"),
        "announced_change",
        "Regionkommun bildas i Örebro län",
        "Regionförbundet och landstinget i Örebro län skulle bilda en regionkommun från den "
        "1 januari 2015.",
        "Beslut under 2014 och 2015 för att säkra långsiktighet: Örebro",
        dt.date(2015, 1, 1),
        None,
        1,
    ),
    (
        "regionkommun-gavleborg-2015",
        COUNTY_PLANS,
        ("bodies.county", "gavleborgs-lan"),
        "announced_change",
        "Regionkommun bildas i Gävleborgs län",
        "Gävleborg arbetade för att bilda en regionkommun från och med 2015.",
        "Beslut under 2014 och 2015 för att säkra långsiktighet: Gävleborg",
        None,
        2015,
        1,
    ),
    (
        "regionkommun-kronoberg-2015",
        COUNTY_PLANS,
        ("bodies.county", "kronobergs-lan"),
        "announced_change",
        "Regionkommun bildas i Kronobergs län",
        "Regionförbundets styrelse var ytterst politiskt ansvarig fram till att regionkommunen "
        "bildades i januari 2015.",
        "Beslut under 2014 och 2015 för att säkra långsiktighet: Kronoberg",
        None,
        2015,
        1,
    ),
    (
        "sormland-namnd-ansvar-for-stodstrukturen-2015",
        COUNTY_PLANS,
        ("bodies.body", "lansgemensam-namnd-for-vard-omsorg-och-hjalpmedel"),
        "announced_change",
        "Nämnden får sammanhållet ansvar för stödstrukturen",
        "En utredning beslutad hösten 2013 skulle leda till att den länsgemensamma nämnden "
        "fick ett sammanhållet ansvar för stödstrukturen, finansierad av huvudmännen "
        "tillsammans; allt skulle vara på plats den 1 januari 2015.",
        "Politisk arena för välfärdsfrågor: Sörmland",
        dt.date(2015, 1, 1),
        None,
        1,
    ),
    (
        "regionbildning-dalarna",
        DALARNA_PROPOSAL,
        ("bodies.county", "dalarnas-lan"),
        "announced_change",
        "Region bildas i Dalarna",
        "Förslaget till ny organisation tog form i slutet av 2018 i samband med att regionen "
        "bildades; förslaget anger inget datum för regionbildningen.",
        "Bakgrund",
        None,
        None,
        1,
    ),
    (
        "krav-pa-langsiktig-plan-enligt-lansplanerna",
        COUNTY_PLANS,
        ("agreements.agreement", "overenskommelse-2013"),
        "account",
        LONG_TERM_PLAN,
        "Kravet kom med överenskommelsen för 2013: för att få del av 2014 års medel skulle "
        "länen under 2013 ta fram en plan för organisation, styrning och finansiering som "
        "säkrar långsiktigheten.",
        "Förord",
        None,
        2013,
        1,
    ),
    (
        "krav-pa-langsiktig-plan-enligt-dalarna",
        DALARNA_PROPOSAL,
        ("agreements.agreement", "overenskommelse-2014"),
        "account",
        LONG_TERM_PLAN,
        "Kravet kom med överenskommelsen 2014, där regeringen och SKL krävde att länen "
        "upprättade en långsiktig plan för en hållbar regional stödstruktur.",
        "Bakgrund",
        None,
        2014,
        2,
    ),
    (
        "statligt-stod-upphor-enligt-vg",
        VG_DECLARATION,
        ("agreements.agreement", "overenskommelse-ebp-2016"),
        "account",
        STATE_SUPPORT_ENDED,
        "Överenskommelsen för 2016 var det sista året med medel till en evidensbaserad "
        "praktik; överenskommelsen avslutades efter 2016.",
        "Saken",
        None,
        2016,
        1,
    ),
    (
        "statligt-stod-upphor-enligt-dalarna",
        DALARNA_PROPOSAL,
        ("governance.initiative", "utvecklingsmedel-regionala-stodstrukturer"),
        "account",
        STATE_SUPPORT_ENDED,
        "Det ekonomiska stödet som följt med de tidigare överenskommelserna upphörde från och "
        "med 2015.",
        "Bakgrund",
        None,
        2015,
        2,
    ),
    (
        "statligt-stod-upphor-enligt-en-lansplan",
        COUNTY_PLANS,
        None,
        "account",
        STATE_SUPPORT_ENDED,
        "En av länsplanerna räknar med att statsbidragen till den regionala stödstrukturen "
        "upphör den 31 december 2015.",
        "Beslut under 2014 och 2015 för att säkra långsiktighet",
        dt.date(2015, 12, 31),
        None,
        3,
    ),
    (
        "lansplanerna-undertecknade-av-direktor",
        COUNTY_PLANS,
        None,
        "account",
        PLAN_SIGNATURES,
        "Två tredjedelar av länsplanerna var undertecknade av region- eller förbundsdirektören.",
        "Planerna har god förankring",
        None,
        None,
        1,
    ),
    (
        "lansplanerna-undertecknade-av-bada-sidor",
        COUNTY_PLANS,
        None,
        "account",
        PLAN_SIGNATURES,
        "Drygt hälften av planerna hade underskrifter från både kommunerna och landstinget.",
        "Planerna har god förankring",
        None,
        None,
        2,
    ),
    (
        "lansplanerna-undertecknade-av-landstinget",
        COUNTY_PLANS,
        None,
        "account",
        PLAN_SIGNATURES,
        "I tio län hade landstingsdirektören eller hälso- och sjukvårdsdirektören skrivit "
        "under planen.",
        "Planerna har god förankring",
        None,
        None,
        3,
    ),
]

# (slug, person, role, organisation slug, source, section)
NAMED_ROLES = [
    (
        "asa-furen-thulin-forord-lansplanerna",
        "Åsa Furén-Thulin",
        "Sektionschef, Sektionen för vård och socialtjänst; undertecknade förordet",
        "skl",
        COUNTY_PLANS,
        "Förord",
    ),
    (
        "per-albinsson-forord-lansplanerna",
        "Per Albinsson",
        "Nationell samordnare för regionala stödstrukturer för kunskapsutveckling; "
        "undertecknade förordet och besvarade frågor om rapporten",
        "skl",
        COUNTY_PLANS,
        "Förord",
    ),
    (
        "per-albinsson-kontakt-broschyren",
        "Per Albinsson",
        "Kontaktperson för broschyren",
        "skl",
        SKL_BROCHURE,
        "Sista sidan",
    ),
    (
        "anna-lilja-qvarlander-kontakt-broschyren",
        "Anna Lilja Qvarlander",
        "Kontaktperson för broschyren",
        "skl",
        SKL_BROCHURE,
        "Sista sidan",
    ),
]

PLATFORM_NETWORK = "nationellt-natverk-for-plattformsledare"


def load() -> int:
    from django.contrib.contenttypes.models import ContentType

    from bodies.models import Body, BodyKind, BodyLevel, Organisation, Person
    from governance.models import PersonRole, Statement
    from governance.seed.util import Seeder

    s = Seeder(COUNTY_PLANS)
    skl = Organisation.objects.get(slug="skl")
    s.record(
        Body,
        PLATFORM_NETWORK,
        name="Nationellt nätverk för plattformsledare",
        kind=BodyKind.NETWORK,
        level=BodyLevel.NATIONAL,
        mandate="Länens plattformsledare – de som har i uppdrag att bygga upp länets "
        "regionala stödstruktur – träffas regelbundet i ett nationellt nätverk. Nätverket "
        "leds av SKL:s nationella samordnare.",
        m2m={"owners": [skl]},
    )

    for slug, source, subject, kind, topic, text, section, on, year, order in STATEMENTS:
        fields = {}
        if subject is not None:
            label, subject_slug = subject
            model = ContentType.objects.get_by_natural_key(*label.split(".")).model_class()
            target = model._default_manager.filter(slug=subject_slug).first()
            if target is None:
                continue  # the step that creates it has not run
            fields = {
                "subject_type": ContentType.objects.get_for_model(model),
                "subject_id": target.pk,
            }
        s.record(
            Statement,
            slug,
            source=s.use_source(source),
            kind=kind,
            topic=topic,
            text=text,
            section=section,
            event_on=on,
            event_year=year,
            order=order,
            **fields,
        )

    for slug, name, role, organisation, source, section in NAMED_ROLES:
        person = Person.objects.filter(name=name).first() or s.record(
            Person, _slug(name), source=s.use_source(source), name=name
        )
        s.record(
            PersonRole,
            slug,
            source=s.use_source(source),
            person=person,
            role=role,
            organisation=Organisation.objects.get(slug=organisation),
            section=section,
        )
    return s.created


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name)
