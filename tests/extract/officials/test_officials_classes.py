"""Officials by class of construction (issue 16): stacked titles, titles coordinated over a prepositional phrase,
organizations with a bracketed short name, a team's name between a title and the player, team and stage roles."""
from __future__ import annotations

import pytest

from ppo_nlp.doc import Document
from ppo_nlp.extract.officials.people import extract_officials


def _people(text: str) -> list[tuple[str, set[str]]]:
    return [(p.name, {pos.title for pos in p.positions}) for p in extract_officials(Document("t", "t", text, lang="ru"))[1]]


@pytest.mark.parametrize("text, expected", [
    # two titles in a row in one case, the first with a prepositional phrase: both are the person's
    ("Глава миссии ООН в районе советник заместителя министра Иван Петров заявил.",
     [("Иван Петров", {"глава миссии ООН в районе", "советник заместителя министра"})]),
    ("Выступил наблюдатель от ОБСЕ шведский депутат Карл Бильдт.", [("Карл Бильдт", {"наблюдатель от ОБСЕ", "депутат"})]),
    ("Министр финансов депутат Мажилиса Иван Петров сказал.", [("Иван Петров", {"министр финансов", "депутат Мажилиса"})]),
    # a head in another case inside the phrase is no second title
    ("Советник по делам президента Иван Петров сказал.", [("Иван Петров", {"советник по делам президента"})]),
    # titles coordinated by a comma, the first ending in a prepositional phrase
    ("Приехал министр по делам молодёжи, глава государственного комитета по спорту Сергей Иванов.",
     [("Сергей Иванов", {"министр по делам молодёжи", "глава государственного комитета по спорту"})]),
    # a prepositional phrase longer than six words goes on only as a genitive chain (the head's organization)
    ("Выступил советник по вопросам охраны лесов и рек северного управления природных ресурсов Иван Петров.",
     [("Иван Петров", {"советник по вопросам охраны лесов и рек северного управления природных ресурсов"})]),
    ("Советник по вопросам охраны лесов и рек северного округа сказал, что Иван Петров прав.", [("Иван Петров", set())]),
])
def test_officials_classes_several_titles(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the organization's short name in brackets stays in the title
    ("Выступила лидер левого Социалистического союза (SU) Анна Петрова.",
     [("Анна Петрова", {"лидер левого Социалистического союза (SU)"})]),
    ("Выступил глава Министерства финансов (МФ) Иван Петров.", [("Иван Петров", {"глава Министерства финансов (МФ)"})]),
    # a person's name in brackets is no short name
    ("Выступил глава Министерства финансов (Иван Петров).", [("Иван Петров", set())]),
    # a team's name between the title and the player names the team, not a person
    ("Капитан клуба Ордабасы Ержан Бекенов вышел на поле.", [("Ержан Бекенов", {"капитан клуба Ордабасы"})]),
    # two people without a comma: the first starts with a first name and stays a person
    ("Директор школы Иван Петров Анна Сидорова пришли.", [("Иван Петров", {"директор школы"}), ("Анна Сидорова", set())]),
])
def test_officials_classes_organization_phrase(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Защитник команды Ордабасы Ерлан Серикбаев получил травму.", [("Ерлан Серикбаев", {"защитник команды Ордабасы"})]),
    ("Вратарь сборной Казахстана Дмитрий Сидоров отразил удар.", [("Дмитрий Сидоров", {"вратарь сборной Казахстана"})]),
    ("Солистка ансамбля Гульнар Ахметова исполнила песню.", [("Гульнар Ахметова", {"солистка ансамбля"})]),
    ("Режиссёр театра Асель Нурланова поставила спектакль.", [("Асель Нурланова", {"режиссёр театра"})]),
    # a defender of rights with no name after it is no title of anybody
    ("Иван Петров известен как защитник прав человека.", [("Иван Петров", set())]),
])
def test_officials_classes_team_and_stage_roles(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # particles between the first name and the surname stay in the name, in lower case when so written
    ("Выступила лидер партии Марин Ле Пен.", [("Марин Ле Пен", {"лидер партии"})]),
    ("Визит лидера движения Усамы бин Ладена отменён.", [("Усама бин Ладен", {"лидер движения"})]),
    ("Выступила Урсула фон дер Ляйен.", [("Урсула фон дер Ляйен", set())]),
    # a surname with an apostrophe
    ("— заявил глава фонда Фил О’Рейли.", [("Фил О’Рейли", {"глава фонда"})]),
    # an adverb before an adjective inside the organization phrase
    ("Лидер норвежского крайне правого Народного союза Анна Петрова выступила.",
     [("Анна Петрова", {"лидер норвежского крайне правого Народного союза"})]),
    ("Лидер партии очень Иван Петров.", [("Иван Петров", set())]),
])
def test_officials_classes_name_shapes(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a signature: a line with a name and then its capitalised title
    ("Спасибо всем!\n\nИван Петров Президент Федерации шахмат", [("Иван Петров", {"президент Федерации шахмат"})]),
    # a title on the next line may start a sentence about somebody else
    ("Спасибо всем!\nИван Петров\nПрезидент Федерации шахмат", [("Иван Петров", set())]),
    # not inside a sentence
    ("Иван Петров Президент Федерации шахмат приехал.", [("Иван Петров", set())]),
])
def test_officials_classes_signature(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # «один из» + a plural head: one person's title, in apposition, before a name, or after a predicate
    ("Иван Петров, одному из директоров группы компаний, посвятили гонку.", [("Иван Петров", {"директор группы компаний"})]),
    ("Иван Петров — один из руководителей партии.", [("Иван Петров", {"руководитель партии"})]),
    ("Один из депутатов маслихата Иван Петров сказал.", [("Иван Петров", {"депутат маслихата"})]),
    ("Анна Сидорова стала одной из заместителей министра.", [("Анна Сидорова", {"заместитель министра"})]),
    # a plural head alone is nobody's title
    ("Депутатов маслихата Иван Петров собрал в зале.", [("Иван Петров", set())]),
])
def test_officials_classes_one_of_plural(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an age between the title and the name is the person's, not the post's
    ("Победил действующий президент 78-летний Иван Петров.", [("Иван Петров", {"действующий президент"})]),
    ("Министр назначил директором департамента 30-летнего Ивана Петрова.",
     [("Иван Петров", {"директор департамента"})]),
    # a place named in the nominative after its kind stays in the organization phrase
    ("Как сказал премьер-министр земли Саксония Карл Мюллер, это важно.",
     [("Карл Мюллер", {"премьер-министр земли Саксония"})]),
    ("Письмо подписал губернатор штата Техас Джон Смит.", [("Джон Смит", {"губернатор штата Техас"})]),
    ("Выступил аким области Ерлан Жакупов.", [("Ерлан Жакупов", {"аким области"})]),
    # a nominative title, a comma and a name set off by punctuation
    ("Бывший спикер парламента, Анна Петрова, выступила с речью.", [("Анна Петрова", {"бывший спикер парламента"})]),
    ("Выступил министр финансов, Иван Петров и Петр Сидоров.", [("Иван Петров", set()), ("Петр Сидоров", set())]),
    # a predicate between an instrumental title and a name that has its own title
    ("Премьер-министром республики станет глава партии «Вперёд» Анна Петрова.",
     [("Анна Петрова", {"глава партии «Вперёд»", "премьер-министр республики"})]),
    # heads of state by birth, the US title of the foreign minister
    ("Королева Норвегии Елизавета Виндзор выступила.", [("Елизавета Виндзор", {"королева Норвегии"})]),
    ("Государственный секретарь США Джон Керри прилетел.", [("Джон Керри", {"государственный секретарь США"})]),
    ("Прилетел госсекретарь США Джон Керри.", [("Джон Керри", {"госсекретарь США"})]),
    # «Султан» is a first name, not a title
    ("Султан Ахметов выступил.", [("Султан Ахметов", set())]),
])
def test_officials_classes_generalised_links(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the subject of an active verb of appointing gives the post; the name after the title holds it
    ("Премьер-министр Иван Петров назначил руководителем службы Ивана Сидорова.",
     [("Иван Петров", {"премьер-министр"}), ("Иван Сидоров", {"руководитель службы"})]),
    ("Иван Петров назначен министром.", [("Иван Петров", {"министр"})]),
    ("Ивана Петрова назначили министром.", [("Иван Петров", {"министр"})]),
])
def test_officials_classes_appointer_is_no_holder(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a rank right before a name is that name's own title, also inside another title's organization phrase
    ("Президент назначил на пост главы МЧС полковника Ивана Петрова.", [("Иван Петров", {"полковник", "глава МЧС"})]),
    ("Выступил генерал-майор МВД Иван Петров.", [("Иван Петров", {"генерал-майор МВД"})]),
])
def test_officials_classes_rank_before_name(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a full name in the genitive between a title and another name is the title's possessor: the title is
    # the second name's, and the title inside the phrase, if any, the possessor's
    ("Защитник Ивана Петрова Андрей Ромашов сказал суду, что обжалует решение.",
     [("Иван Петров", set()), ("Андрей Ромашов", {"защитник Ивана Петрова"})]),
    ("Помощник министра финансов Ивана Петрова Анна Смирнова заявила.",
     [("Иван Петров", {"министр финансов"}), ("Анна Смирнова", {"помощник министра финансов Ивана Петрова"})]),
    # both names in the genitive: no telling which holds the title, it stays with the first
    ("Речь помощника министра Ивана Петрова Анны Смирновой была долгой.",
     [("Иван Петров", {"помощник министра"}), ("Анна Смирнова", set())]),
    # the first name in the nominative is the holder (two people listed)
    ("Приехали аким области Ерлан Жакупов Асхат Нурланов и другие.",
     [("Ерлан Жакупов", {"аким области"}), ("Асхат Нурланов", set())]),
])
def test_officials_classes_possessor_between_title_and_holder(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised word outside the dictionary that pymorphy3 can only guess as indeclinable is a name, not
    # the title's genitive phrase
    ("Император Акихито выразил желание уйти на покой.", [("Акихито", {"император"})]),
    ("Вчера кронпринц Сатохито посетил выставку.", [("Сатохито", {"кронпринц"})]),
    # an unknown word with a declined genitive reading still names the organization
    ("Председатель правления Казатомпрома Иван Петров выступил.",
     [("Иван Петров", {"председатель правления Казатомпрома"})]),
    ("Директор Алматинского филиала Иван Петров выступил.", [("Иван Петров", {"директор Алматинского филиала"})]),
])
def test_officials_classes_indeclinable_name_after_title(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name that can only be in the genitive after a title not in the genitive is its possessor; by apposition
    # the title is the name's before it
    ("Иван Петров, помощник Анны Смирновой, сказал об этом.",
     [("Иван Петров", {"помощник Анны Смирновой"}), ("Анна Смирнова", set())]),
    ("Об этом сказал представитель Обамы.", [("Обама", set())]),
    # a title in the genitive agrees with it; an accusative reading keeps the predicate's holder
    ("Интервью министра финансов Анны Лосевой.", [("Анна Лосева", {"министр финансов"})]),
    ("Министр назначил директором департамента Анну Смирнову.", [("Анна Смирнова", {"директор департамента"})]),
])
def test_officials_classes_genitive_name_is_possessor(text, expected):
    assert _people(text) == expected
