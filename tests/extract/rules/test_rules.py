"""extract_rules: quoted projects (every quote style, lists), primary organizations, branches, departments,
districts, and hostile input."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.gazetteer.match import extract_gazetteer
from ppo_nlp.extract.rules import extract_rules
from ppo_nlp.extract.rules.quotes import find_quotes


def found(text: str, lang: str = "ru", label: str | None = None) -> list:
    doc = Document("t", "t", text, lang=lang)
    doc.found["gazetteer"] = extract_gazetteer(doc)
    return [e for e in extract_rules(doc) if label is None or e.label == label]


def project_names(text: str, lang: str = "ru") -> list[str]:
    return [e.text for e in found(text, lang, "PROJECT")]


@pytest.mark.parametrize("text", [
    "проект «Таза аула»", "проект “Таза аула”", "проект „Таза аула“", 'проект "Таза аула"',
    "проект “Таза аула»", 'проект "Таза аула»', "проект «Таза аула“",
])
def test_rules_quoted_project_every_quote_style(text):
    assert project_names(text) == ["Таза аула"]


@pytest.mark.parametrize("text,names,lang", [
    ("реализации партийных проектов «Общество без долгов», «Кедергісіз келешек», «Счастливая семья» и «Жер аманаты».",
     ["Общество без долгов", "Кедергісіз келешек", "Счастливая семья", "Жер аманаты"], "ru"),
    ("«Ардагерлерді ардақтайық», «Жаңа мектеп», «Бақытты отбасы» сияқты жобалар жүзеге асуда",
     ["Ардагерлерді ардақтайық", "Жаңа мектеп", "Бақытты отбасы"], "kk"),
    ("«Жасыл ел» жобасында 200 адам", ["Жасыл ел"], "kk"),
    ("«Таза бейсенбі» экоакциясында", ["Таза бейсенбі"], "kk"),
    ("«Халықпен бірге!» бағдарламасы жүйелі орындалып жатыр", ["Халықпен бірге!"], "kk"),
    ("«Жер аманаты» бойынша 93 мың гектар", ["Жер аманаты"], "kk"),
    ("будет запущен проект \"Партийная контент-фабрика\".", ["Партийная контент-фабрика"], "ru"),
    ("таких проектов как, “Цифровая партия”, направленных", ["Цифровая партия"], "ru"),
    ("военно-патриотический проект Кайсар\", который", ["Кайсар"], "ru"),
    ("the party launched the project “Clean Yard” in May", ["Clean Yard"], "en"),
    ("акция «Мектепке жол» стартовала", ["Мектепке жол"], "ru"),
    ("в рамках проектов «Таза аула» (чистый двор), «Жасыл ел» (зелёная страна) «Көмек қолы» (рука помощи)",
     ["Таза аула", "Жасыл ел", "Көмек қолы"], "ru"),
    ("the projects “Clean Yard” (Taza aula), “Green Land” and “Helping Hand” went on",
     ["Clean Yard", "Green Land", "Helping Hand"], "en"),
])
def test_rules_quoted_projects_and_lists(text, names, lang):
    assert project_names(text, lang) == names


@pytest.mark.parametrize("text,lang", [
    ("провели тренинги «Ораторское мастерство», «Политические коммуникации»", "ru"),
    ("были награждены «Благодарственными письмами»", "ru"),
    ("в рамках проекта партии «Нұр Отан»", "ru"),
    ("программы модернизации партии «Нұр Отан»", "ru"),
    ("«Чемпиондық рух» таңғы жаттығулары өтеді", "kk"),
    ("Интернет компания «Creatida»", "ru"),
    ("«AMANAT» партиясы бағдарламасы", "kk"),
    ("проект «в рамках работы с молодежью»", "ru"),
    ("программа: \"Проведена системная экспертиза острых вопросов. Честность и справедливость важны\"", "ru"),
])
def test_rules_quotes_without_a_trigger_or_not_a_name_are_not_projects(text, lang):
    assert project_names(text, lang) == []


def test_rules_known_quoted_project_gets_the_gazetteer_id():
    ent = found("проекта «Общество без долгов»", "ru", "PROJECT")[0]
    assert ent.id == "project:karyzsyz_kogam" and ent.attrs["names"]["kk"] == "Қарызсыз қоғам"


def test_rules_new_project_has_generated_id_and_names():
    ent = found("«Жасыл ел» жобасы", "kk", "PROJECT")[0]
    assert ent.id == "project:zhasyl_el" and ent.source == "rule:quoted_project"
    assert ent.attrs == {"type": "project", "name": "Жасыл ел", "names": {"ru": None, "kk": "Жасыл ел", "en": None}}


@pytest.mark.parametrize("text,lang,expected_id,name", [
    ("«Қарғалы» бастауыш партия ұйымының төрайымы", "kk", "org:ppo:kargaly", "«Қарғалы» бастауыш партия ұйымы"),
    ("председатель ППО «Казахтелеком»", "ru", "org:ppo:kazakhtelekom", "ППО «Казахтелеком»"),
    ("первичной партийной организации «Рахат»", "ru", "org:ppo:rakhat", "ППО «Рахат»"),
    ("БПҰ «Бент» төрағасы", "kk", "org:ppo:bent", "«Бент» бастауыш партия ұйымы"),
])
def test_rules_primary_organizations(text, lang, expected_id, name):
    orgs = [e for e in found(text, lang, "ORG") if e.source == "rule:ppo"]
    assert [(e.id, e.attrs["name"], e.attrs["type"]) for e in orgs] == [(expected_id, name, "ppo")]


def test_rules_primary_organizations_in_a_list_and_later_mentions():
    text = ("Облыстық бастауыш партия ұйымдары арасындағы байқауда Іле ауданындағы «Бент», Еңбекшіқазақ ауданындағы "
            "«Рахат» және Жамбыл ауданындағы «Қарғалы» үздік деп танылған. «Бент» жеңіске жетті.")
    orgs = [e.id for e in found(text, "kk", "ORG") if e.source == "rule:ppo"]
    assert orgs == ["org:ppo:bent", "org:ppo:rakhat", "org:ppo:kargaly", "org:ppo:bent"]


def test_rules_plural_head_is_not_an_organization():
    assert not found("тренинги для первичных партийных организаций «Ораторское мастерство»", "ru", "ORG")


@pytest.mark.parametrize("text,lang,expected_id,name,span", [
    ("Председатель Жамбылского областного филиала партии Amanat Дауыл", "ru", "org:amanat:branch:zhambyl_region",
     "Жамбылский областной филиал партии AMANAT", "Жамбылского областного филиала партии Amanat"),
    ("«AMANAT» партиясы Алматы облыстық филиалының хатшысы", "kk", "org:amanat:branch:almaty_region",
     "AMANAT Алматы облыстық филиалы", "«AMANAT» партиясы Алматы облыстық филиалының"),
    ("заместитель председателя районного филиала партии М.Нурланов", "ru", "org:amanat:branch:district",
     "Районный филиал партии", "районного филиала партии"),
    ("AMANAT партиясының Астана қалалық филиалы", "kk", "org:amanat:branch:astana", "AMANAT Астана қалалық филиалы",
     "AMANAT партиясының Астана қалалық филиалы"),
    # the party before the branch: a party word after it opens the next phrase («партия белсенділері»)
    ("«AMANAT» партиясының Атырау облыстық филиалында кеше партия белсенділері бас қосты", "kk",
     "org:amanat:branch:atyrau_region", "AMANAT Атырау облыстық филиалы",
     "«AMANAT» партиясының Атырау облыстық филиалында"),
    ("Алматинский городской филиал партии «Нур Отан»", "ru", "org:amanat:branch:almaty",
     "Алматинский городской филиал партии AMANAT", "Алматинский городской филиал партии «Нур Отан»"),
    # a region's abbreviation stands for its adjective and the level
    ("в ЗКО филиале партии Amanat", "ru", "org:amanat:branch:west_kazakhstan_region",
     "Западно-Казахстанский областной филиал партии AMANAT", "ЗКО филиале партии Amanat"),
    ("«AMANAT» партиясы ШҚО филиалының хатшысы", "kk", "org:amanat:branch:east_kazakhstan_region",
     "AMANAT Шығыс Қазақстан облыстық филиалы", "«AMANAT» партиясы ШҚО филиалының"),
    # «"Нұр Отан" партиясы» is read whole as the party's name: the branch after it is still the party's
    ("Кеше «Нұр Отан» партиясы Қостанай облыстық филиалы төрағасының орынбасары сөйледі", "kk",
     "org:amanat:branch:kostanay_region", "AMANAT Қостанай облыстық филиалы",
     "«Нұр Отан» партиясы Қостанай облыстық филиалы"),
    ('"Нұр Отан" партиясы Павлодар қалалық филиалының жиыны өтті', "kk", "org:amanat:branch:pavlodar",
     "AMANAT Павлодар қалалық филиалы", '"Нұр Отан" партиясы Павлодар қалалық филиалының'),
    # a level and the noun in one word: the place the document names most
    ("В Караганде отчитался секретарь облфилиала партии «Нур Отан» Иван Петров.", "ru",
     "org:amanat:branch:karaganda_region", "Карагандинский областной филиал партии AMANAT",
     "облфилиала партии «Нур Отан»"),
    ("Вопрос обсудили в райфилиале партии вчера.", "ru", "org:amanat:branch:district", "Районный филиал партии",
     "райфилиале партии"),
])
def test_rules_party_branches(text, lang, expected_id, name, span):
    branches = [e for e in found(text, lang, "ORG") if e.source == "rule:party_branch"]
    assert [(e.id, e.attrs["name"], e.text) for e in branches] == [(expected_id, name, span)]


@pytest.mark.parametrize("text,expected_id,name,span", [
    # English names the branch after its place, not an adjective: the level word's level …
    ("Veterans were received in the Kostanay regional branch of “Nur Otan” party yesterday.",
     "org:amanat:branch:kostanay_region", "AMANAT Kostanay Regional branch",
     "Kostanay regional branch of “Nur Otan” party"),
    ("The Almaty regional affiliate of \"Nur Otan\" opened a reception.", "org:amanat:branch:almaty_region",
     "AMANAT Almaty Regional branch", "Almaty regional affiliate of \"Nur Otan\""),
    ("Members of the Shymkent City Branch of AMANAT party voted.", "org:amanat:branch:shymkent",
     "AMANAT Shymkent City branch", "Shymkent City Branch of AMANAT party"),
    ("The North Kazakhstan regional branch met; AMANAT sent observers.", "org:amanat:branch:north_kazakhstan_region",
     "AMANAT North Kazakhstan Regional branch", "North Kazakhstan regional branch"),
    # … without one, a capital city's branch, else a region's, said to be the party's before or after
    ("He visited the Astana affiliate of AMANAT on Monday.", "org:amanat:branch:astana",
     "AMANAT Astana City branch", "Astana affiliate of AMANAT"),
    ("Head of Kostanay branch of Nur Otan Party re-elected", "org:amanat:branch:kostanay_region",
     "AMANAT Kostanay Regional branch", "Kostanay branch of Nur Otan Party"),
    ("A letter from the “Nur Otan” Shymkent branch was read.", "org:amanat:branch:shymkent",
     "AMANAT Shymkent City branch", "“Nur Otan” Shymkent branch"),
    ("The Aktobe-based branch of the AMANAT Party has 40,000 members.", "org:amanat:branch:aktobe_region",
     "AMANAT Aktobe Regional branch", "Aktobe-based branch of the AMANAT Party"),
    # no place before the noun: the region the text names; a party named a few words after «of» owns it
    ("The akim of Aktobe region chairs the regional branch of the country's ruling party AMANAT.",
     "org:amanat:branch:aktobe_region", "AMANAT Aktobe Regional branch", "regional branch"),
    # a capital's former name is a region's name first
    ("The Akmola branch of AMANAT party met.", "org:amanat:branch:akmola_region", "AMANAT Akmola Regional branch",
     "Akmola branch of AMANAT party"),
])
def test_rules_english_branches_named_after_their_place(text, expected_id, name, span):
    branches = [e for e in found(text, "en", "ORG") if e.source == "rule:party_branch"]
    assert [(e.id, e.attrs["name"], e.text) for e in branches] == [(expected_id, name, span)]


@pytest.mark.parametrize("text", [
    "The Almaty branch of Halyk Bank opened on Monday.",  # another organization's branch
    "AMANAT praised the Almaty branch of the national bank.",
    "The Almaty branches of AMANAT party held meetings.",  # plural: no single branch
    "AMANAT thanked the Turkistan regional branch of Kazpost for its help.",
])
def test_rules_no_english_branch_named_after_a_place(text):
    assert not [e for e in found(text, "en", "ORG") if e.source == "rule:party_branch" and e.attrs["region"]]


def test_rules_english_branch_of_the_party_the_text_names():
    text = "AMANAT met in Astana. The session of the Taraz branch of the Party approved the plan."
    branches = [e for e in found(text, "en", "ORG") if e.source == "rule:party_branch"]
    assert [(e.id, e.text) for e in branches] == [("org:amanat:branch:taraz", "Taraz branch of the Party")]


def test_rules_regional_branch_takes_the_documents_region():
    text = "Жамбылская область. В региональном филиале партии Amanat 59 процентов"
    branch = [e for e in found(text, "ru", "ORG") if e.source == "rule:party_branch"][0]
    assert branch.id == "org:amanat:branch:zhambyl_region" and branch.attrs["region"] == "loc:zhambyl_region"


@pytest.mark.parametrize("text,lang,region", [
    # a region's centre named, the region not: the oblast branch is that region's
    ("Вчера в Таразе в областном филиале партии Amanat вручили билеты.", "ru", "loc:zhambyl_region"),
    ("Ақтау қаласында партияның облыстық филиалы жиын өткізді.", "kk", "loc:mangystau_region"),
    # a city that is no region's centre gives none
    ("В Астане в областном филиале партии Amanat вручили билеты.", "ru", None),
])
def test_rules_oblast_branch_takes_the_region_whose_centre_the_text_names(text, lang, region):
    branch = [e for e in found(text, lang, "ORG") if e.source == "rule:party_branch"][0]
    assert branch.attrs["region"] == region


@pytest.mark.parametrize("text", ["первые заместители председателей территориальных филиалов партии Amanat",
                                  "областной филиал АО «Казпочта»", "областной филиал банка"])
def test_rules_no_single_party_branch(text):
    assert not [e for e in found(text, "ru", "ORG") if e.source == "rule:party_branch"]


def test_rules_central_office_department():
    text = "партия Орталық аппаратының ұйымдастыру және аумақтық жұмыс департаменті директорының орынбасары"
    dept = [e for e in found(text, "kk", "ORG") if e.source == "rule:party_department"][0]
    assert dept.attrs["name"] == "Партия Орталық аппаратының ұйымдастыру және аумақтық жұмыс департаменті"
    assert dept.attrs["type"] == "party_body" and dept.id.startswith("org:amanat:central_office:")


@pytest.mark.parametrize("text,lang,expected_id,name", [
    ("аппарата акима Бухар-Жырауского района", "ru", "loc:district:bukhar_zhyrau", "Бухар-Жырауский район"),
    ("Іле ауданындағы мектеп", "kk", "loc:district:ile", "Іле ауданы"),
    ("Жамбыл ауданында", "kk", "loc:district:zhambyl", "Жамбыл ауданы"),
    ("в Жамбылском районе", "ru", "loc:district:zhambyl", "Жамбылский район"),
    ("Бұқар жырау ауданы", "kk", "loc:district:bukar_zhyrau", "Бұқар жырау ауданы"),
])
def test_rules_districts(text, lang, expected_id, name):
    locs = [e for e in found(text, lang, "LOC")]
    assert [(e.id, e.attrs["name"], e.attrs["type"]) for e in locs] == [(expected_id, name, "district")]


def test_quotes_nested_and_mismatched():
    quotes = [q.content for q in find_quotes("План нации «100 конкретных шагов» и “Рухани жаңғыру» и \"Jas Otan\"")]
    assert quotes == ["100 конкретных шагов", "Рухани жаңғыру", "Jas Otan"]


@pytest.mark.parametrize("text", ["1 " * 60000, '"' * 20000, '" ' * 20000, "а" * 300000, "«" * 20000 + "»" * 20000,
                                  "проект «А», " * 20000, ("Іле ауданындағы «Бент», " * 5000) + "бастауыш партия ұйымы"])
def test_rules_hostile_input_returns(text):
    assert isinstance(extract_rules(Document("t", "t", text, lang="ru")), list)


def test_rules_plural_compound_branch_is_no_branch():
    assert not found("Во всех облфилиалах партии «Нур Отан» прошли встречи.", "ru", "ORG") or all(
        e.source != "rule:party_branch" for e in found("Во всех облфилиалах партии «Нур Отан» прошли встречи.", "ru",
                                                       "ORG"))
