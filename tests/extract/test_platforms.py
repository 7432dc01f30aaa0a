"""Social networks and messengers: the medium a message went out on is no organization fact; the flat
entities never read one as a person."""
from __future__ import annotations

import pytest

from ppo_nlp import aggregate
from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.platforms import medium_use, platform_id, platform_mention, split_person


@pytest.mark.parametrize("word, expected", [
    ("Facebook", "platform:facebook"),
    ("Фейсбуке", "platform:facebook"),  # Russian prepositional case
    ("Фейсбукта", "platform:facebook"),  # Kazakh locative
    ("Facebook-tagy", "platform:facebook"),  # Kazakh Latin, hyphenated
    ("Фаcебоок", "platform:facebook"),  # the Cyrillic view of a Latin-script Kazakh text
    ("Инстаграме", "platform:instagram"),
    ("Одноклассниках", "platform:odnoklassniki"),
    ("Telegram's", "platform:telegram"),
    ("VK", "platform:vkontakte"),
    ("VKs", None),  # a stem of two letters matches alone only
    ("Facebooker", None),
    ("Astana", None),
])
def test_platform_id(word, expected):
    assert platform_id(word) == expected


@pytest.mark.parametrize("text, expected", [
    ("«Telegram»", "platform:telegram"),
    ("Facebook Inc", None),
    ("Kazakh TV", None),
])
def test_platform_mention(text, expected):
    assert platform_mention(text) == expected


@pytest.mark.parametrize("text, name, medium", [
    ("Депутат написал об этом в Фейсбуке вечером.", "Фейсбуке", True),
    ("Аким ответил жителям в своём официальном Instagram.", "Instagram", True),
    ("Фото выложили на странице школы в социальной сети Facebook.", "Facebook", True),
    ("Новость разошлась через Telegram за час.", "Telegram", True),
    ("Видео вышло на Telegram-канале партии.", "Telegram", True),
    ("Компания Facebook купила новый стартап.", "Facebook", False),
    ("Facebook объявил о новом сервисе.", "Facebook", False),
    ("В 2015 году Facebook сменил логотип.", "Facebook", False),
    ("The minister announced it via his official Facebook last week.", "Facebook", True),
    ("She shared the photos on Instagram yesterday.", "Instagram", True),
    ("A short video appeared in her Telegram on Monday.", "Telegram", True),
    ("The mayor's Facebook page lists the dates.", "Facebook", True),
    ("The fund bought a stake in Facebook last year.", "Facebook", False),
    ("Facebook bought the start-up in May.", "Facebook", False),
    ("Бұл туралы ол Facebook желісіндегі парақшасында жазды.", "Facebook", True),
    ("Әкім Фейсбукта жауап берді.", "Фейсбукта", True),
    ("Bul týraly ol Facebook-taǵy paraqshasynda jazdy.", "Facebook-taǵy", True),
])
def test_platform_medium_use(text, name, medium):
    start = text.index(name)
    assert medium_use(text, start, start + len(name)) is medium


@pytest.mark.parametrize("text, expected", [
    ("Aigerim Nurlanova Facebook", [("PERSON", "Aigerim Nurlanova"), ("ORG", "Facebook")]),
    ("Facebook", [("ORG", "Facebook")]),
    ("Aigerim Nurlanova", [("PERSON", "Aigerim Nurlanova")]),
])
def test_platform_split_person(text, expected):
    parts = split_person(Entity("PERSON", text, 10, 10 + len(text), "ner:kk"))
    assert [(p.label, p.text) for p in parts] == expected
    assert all(p.end - p.start == len(p.text) for p in parts)


@pytest.mark.parametrize("text, names, kept", [
    ("Депутат написал в Фейсбуке о встрече.", ["Фейсбуке"], False),
    # a text about the company keeps it, the medium mention too
    ("Facebook купил стартап. Об этом сообщили в Facebook.", ["Facebook", "Facebook"], True),
])
def test_platform_facts(text, names, kept):
    doc = Document("d", "t", text, lang="ru")
    at, entities = 0, []
    for name in names:
        start = text.index(name, at)
        entities.append(Entity("ORG", name, start, start + len(name), "ner:ru"))
        at = start + 1
    doc.found["fact_mentions"] = entities
    aggregate.facts(doc)
    assert bool(doc.organizations) is kept


@pytest.mark.parametrize("table, prefix", [("orgs/platforms.tsv", "platform:"), ("orgs/platform_cues.tsv", "")])
def test_platform_tables_have_unique_ids(table, prefix):
    from ppo_nlp.resources import load_tsv
    ids = [row["id"] for row in load_tsv(table)]
    assert len(ids) == len(set(ids)) and all(i.startswith(prefix) for i in ids)
