"""rules.named and rules.institutions: organizations found by what they are (a head noun beside a quoted
name, a number or a person's name), typed by the head."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.rules.institutions import extract_institutions
from ppo_nlp.extract.rules.named import extract_named, kk_nominative


def named(text: str, lang: str, party: bool = True) -> list[tuple[str, str, str]]:
    return [(e.text, e.attrs["type"], e.attrs["name"]) for e in extract_named(Document("t", "t", text, lang=lang), party=party)]


@pytest.mark.parametrize("text,lang,expected", [
    ("Сессиядан кейін «ADAL» партиясының кеңесінде", "kk", ("«ADAL» партиясының", "party", "ADAL")),
    ("«Келешек үшін!» атты өңірлік коалиция жұмысын бастады.", "kk",
     ("«Келешек үшін!» атты өңірлік коалиция", "public_body", "«Келешек үшін!» өңірлік коалиция")),
    ("«Шапағат» қоғамдық қорының директоры", "kk", ("«Шапағат» қоғамдық қорының", "ngo", "«Шапағат» қоғамдық қоры")),
    ("члены партии «Новые люди» выступили", "ru", ("партии «Новые люди»", "party", "Новые люди")),
    ("председатель территориального филиала «Ынтымақ» партии", "ru", ("территориального филиала «Ынтымақ»", "party_branch", "Территориальный филиал «Ынтымақ»")),
    ("коалиция «За честные выборы» объединила", "ru", ("коалиция «За честные выборы»", "public_body", "Коалиция «За честные выборы»")),
    ("Ол \"Қазақмыс\" компаниясының қызметкері", "kk", ('"Қазақмыс" компаниясының', "business", "«Қазақмыс» компаниясы")),
    ("Директор ТОО «Шахтер» поддержал", "ru", ("ТОО «Шахтер»", "business", "ТОО «Шахтер»")),
    ("«Қазақмыс» ЖШС директоры", "kk", ("«Қазақмыс» ЖШС", "business", "ЖШС «Қазақмыс»")),
    ("представители палаты предпринимателей «Атамекен»", "ru",
     ("палаты предпринимателей «Атамекен»", "ngo", "Палата предпринимателей «Атамекен»")),
    ("статья газеты «Степной край»", "ru", ("газеты «Степной край»", "media", "Газета «Степной край»")),
    ("руководитель проектного офиса «Рухани жаңғыру»", "ru",
     ("проектного офиса «Рухани жаңғыру»", "organization", "Проектный офис «Рухани жаңғыру»")),
])
def test_named_quoted_name_with_a_head(text, lang, expected):
    assert expected in named(text, lang)


@pytest.mark.parametrize("text,lang,party", [
    ("в рамках проекта партии «Новая волна» прошли встречи", "ru", True),  # a project of the party
    ("«Қарғалы» бастауыш партия ұйымының төрайымы", "kk", True),  # a primary organization: rules/ppo.py
    ("члены партии «Нұр Отан»", "ru", True),  # the gazetteer knows it
    ("в районных филиалах «Аmanat» прошли встречи", "ru", True),  # plural: many branches
    ("председатель филиала «Ынтымақ»", "ru", False),  # no party in the document: a company's branch
    ("«Жер аманаты» жобасы аясында", "kk", True),  # a project
    ("«Болашақ» деп айтты", "kk", True),  # no head
    ("«Таза аула» жобалары аясында ұйымдастырылды", "kk", True),  # a project; a verb is no head
])
def test_named_not_an_organization(text, lang, party):
    assert named(text, lang, party) == []


@pytest.mark.parametrize("word,expected", [
    ("коалициясының", "коалициясы"), ("партиясында", "партиясы"), ("қорын", "қоры"), ("коалиция", "коалиция"),
])
def test_named_kk_nominative(word, expected):
    from ppo_nlp.text import fold
    assert kk_nominative(word, fold(word)) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("№2 арнайы мектеп-интернатының директоры", "kk", ("№2 арнайы мектеп-интернатының", "education", "№2 арнайы мектеп-интернаты")),
    ("№3 қалалық емханасында", "kk", ("№3 қалалық емханасында", "health", "№3 қалалық емханасы")),
    ("директор средней школы № 15", "ru", ("средней школы № 15", "education", "Средняя школа №15")),
    ("из средней общеобразовательной школы № 7", "ru",
     ("средней общеобразовательной школы № 7", "education", "Средняя общеобразовательная школа №7")),
    ("в городской поликлинике №2", "ru", ("городской поликлинике №2", "health", "Городская поликлиника №2")),
    ("руководитель офиса в КазНПУ им.Абая", "ru", ("КазНПУ им.Абая", "education", "КазНПУ им. Абая")),
    ("студенты ЕНУ имени Гумилева", "ru", ("ЕНУ имени Гумилева", "education", "ЕНУ им. Гумилева")),
    ("Абай атындағы ҚазҰПУ студенттері", "kk", ("Абай атындағы ҚазҰПУ", "education", "Абай атындағы ҚазҰПУ")),
    ("аудандық филиалының №4 бастауыш партия ұйымының төрағасы", "kk",
     ("№4 бастауыш партия ұйымының", "ppo", "№4 бастауыш партия ұйымы")),
    ("председатель ППО №12 при школе", "ru", ("ППО №12", "ppo", "ППО №12")),
    ("ауылындағы №4 Құлан колледжінде оқыды", "kk", ("№4 Құлан колледжінде", "education", "№4 Құлан колледжі")),
    ("Жезқазғандағы №8 гимназияда кездесу", "kk", ("№8 гимназияда", "education", "№8 гимназия")),
    ("Жиынға Қарағанды медицина университетінің ұстаздары қатысты.", "kk",
     ("Қарағанды медицина университетінің", "education", "Қарағанды медицина университеті")),
    ("Жиында Ақтөбе облыстық ауруханасында", "kk", ("Ақтөбе облыстық ауруханасында", "health", "Ақтөбе облыстық ауруханасы")),
    ("Сотрудники Карагандинского медицинского университета стали", "ru",
     ("Карагандинского медицинского университета", "education", "Карагандинский медицинский университет")),
])
def test_institutions_found_and_typed(text, lang, expected):
    ents = extract_institutions(Document("t", "t", text, lang=lang))
    assert expected in [(e.text, e.attrs["type"], e.attrs["name"]) for e in ents]


@pytest.mark.parametrize("text,lang", [
    ("№5 хаттама бекітілді", "kk"), ("протокол № 5", "ru"), ("улица им. Абая", "ru"), ("в 2 школах района", "ru"),
    ("Облыстық аурухана жөнделді.", "kk"), ("в больнице работают", "ru"), ("Областная больница открыта.", "ru"),
])
def test_institutions_not_an_institution(text, lang):
    assert extract_institutions(Document("t", "t", text, lang=lang)) == []


@pytest.mark.parametrize("text,lang,expected", [
    ("по проекту партии «Новая волна» прошли встречи", "ru", ["Новая волна"]),
    ("участники проекта партии «Ауыл аманаты»", "ru", ["Ауыл аманаты"]),
    ("в рамках проекта партии «Нур Отан»", "ru", []),  # the party itself
    ("проект фонда «Болашак»", "ru", []),  # the fund's name
    ("члены партии «Новые люди»", "ru", []),  # no trigger
])
def test_named_party_project_is_a_project(text, lang, expected):
    from ppo_nlp.extract.rules.quoted import extract_quoted_projects
    assert [e.text for e in extract_quoted_projects(Document("t", "t", text, lang=lang))] == expected
