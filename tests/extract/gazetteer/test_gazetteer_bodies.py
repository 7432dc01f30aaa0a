"""extract_gazetteer on party bodies, the youth wing, media, state bodies of bodies.tsv and the guards that keep
common phrases (a press conference, a public reception held, a project named after a village) out."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.gazetteer.bodies import body_entries, body_entry
from ppo_nlp.extract.gazetteer.match import extract_gazetteer


def orgs(text: str, lang: str) -> list[tuple[str, str]]:
    return [(e.id, e.attrs["type"]) for e in extract_gazetteer(Document("t", "t", text, lang=lang)) if e.label == "ORG"]


@pytest.mark.parametrize("text,lang,expected", [
    ("члены депутатской фракции партии в маслихате", "ru", ("org:amanat:faction", "party_body")),
    ("мәслихаттағы депутаттық фракциясының мүшелері", "kk", ("org:amanat:faction", "party_body")),
    ("члены Комиссии партийного контроля", "ru", ("org:amanat:control_commission", "party_body")),
    ("Партиялық бақылау комиссиясының төрағасы", "kk", ("org:amanat:control_commission", "party_body")),
    ("Мандатная комиссия утвердила список", "ru", ("org:amanat:mandate_commission", "party_body")),
    ("аудандық филиалдың Саяси кеңес бюросы отырысы", "kk", ("org:amanat:bureau", "party_body")),
    ("активисты молодежного крыла «Жастар Рухы»", "ru", ("org:jastar_ruhy", "youth_wing")),
    ("«Жастар Рухы» жастар қанатының белсенділері", "kk", ("org:jastar_ruhy", "youth_wing")),
    ("бывшие члены «Жас Отан»", "ru", ("org:jastar_ruhy", "youth_wing")),
    ("заседание совета молодежного крыла партии Amanat", "ru", ("org:jastar_ruhy", "youth_wing")),
    ("«AMANAT» партиясының жастар қанаты", "kk", ("org:jastar_ruhy", "youth_wing")),
    ("«AMANAT» партиясының фракция мүшесі ретінде", "kk", ("org:amanat:faction", "party_body")),
    ("сообщает МИА «Казинформ»", "ru", ("org:media:kazinform", "media")),
    ("как пишет Liter.kz", "ru", ("org:media:liter_kz", "media")),
    ("представители Министерства юстиции", "ru", ("org:minjust", "state_body")),
    ("Әділет министрлігінің өкілдері", "kk", ("org:minjust", "state_body")),
    ("сотрудники МВД", "ru", ("org:mvd", "state_body")),
    ("решение Конституционного суда", "ru", ("org:const_court", "state_body")),
    ("члены партии «Байтак»", "ru", ("org:baytaq", "party")),
    ("партиясының Республикалық сайлауалды штабы облысқа келді", "kk", ("org:amanat:election_hq", "party_body")),
    ("в предвыборном штабе партии", "ru", ("org:amanat:election_hq", "party_body")),
])
def test_gazetteer_bodies_found_with_id_and_type(text, lang, expected):
    assert expected in orgs(text, lang)


@pytest.mark.parametrize("text,lang,absent", [
    ("Жиында баспасөз мәслихатын өткізді.", "kk", "org:maslikhat"),
    ("провели пресс маслихат", "ru", "org:maslikhat"),
    ("Қоғамдық қабылдау ұйымдастырылып, зейнеткерлер тыңдалды.", "kk", "org:amanat:public_reception"),
    ("итоги проекта партии «Ауыл аманаты» обсудили в селе", "ru", "org:auyl_party"),
    ("работа депутатских фракций маслихатов", "ru", "org:amanat:faction"),
    ("жастар рухы мен отансүйгіштік", "kk", "org:jastar_ruhy"),
    ("бескрайняя байтак степь и партия", "ru", "org:baytaq"),
    ("мвд", "ru", "org:mvd"),
    ("молодежное крыло «Ак жол»", "ru", "org:jastar_ruhy"),
    ("қоғамдық қабылдау бөлмелерін ашты", "kk", "org:amanat:public_reception"),
    ("партия мүшелері қоғамдық қабылдау бөлмелерін ашты", "kk", "org:amanat:public_reception"),
    ("работа общественных приемных партии", "ru", "org:amanat:public_reception"),
    ("мәслихаттардағы депутаттық фракцияларының", "kk", "org:amanat:faction"),
])
def test_gazetteer_bodies_common_phrases_are_not_organizations(text, lang, absent):
    assert absent not in [i for i, _ in orgs(text, lang)]


@pytest.mark.parametrize("text,lang,present", [
    ("аудандық мәслихат депутаттары", "kk", "org:maslikhat"),
    ("депутаты партии «Ауыл» выступили", "ru", "org:auyl_party"),
    ("партияның қоғамдық қабылдауында азаматтар", "kk", "org:amanat:public_reception"),
    ("қоғамдық қабылдау бөлмесінде", "kk", "org:amanat:public_reception"),
    ("в общественной приемной партии", "ru", "org:amanat:public_reception"),
    ("депутаттық фракцияда", "kk", "org:amanat:faction"),
])
def test_gazetteer_bodies_guards_keep_the_real_mentions(text, lang, present):
    assert present in [i for i, _ in orgs(text, lang)]


def test_gazetteer_bodies_only_add_ids_the_organizations_list_lacks():
    ids = [e["id"] for e in body_entries()]
    assert "org:amanat" not in ids and "org:jastar_ruhy" not in ids and "org:minjust" in ids
    assert len(ids) == len(set(ids))
    assert body_entry("org:amanat") is None and body_entry("org:minjust")["names"]["kk"]
