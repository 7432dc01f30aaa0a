"""Merging mentions from gazetteers, rules and NER."""
from __future__ import annotations

import pytest

from ppo_nlp.aggregate import facts
from ppo_nlp.doc import Document, Entity
from ppo_nlp.extract.entities import entity_layer, merge_final
from ppo_nlp.extract.merge import SpanIndex, merge_entities


def ent(label: str, start: int, end: int, source: str) -> Entity:
    return Entity(label, "x" * (end - start), start, end, source)


def spans(entities: list[Entity]) -> list[tuple]:
    return [(e.label, e.start, e.end, e.source) for e in entities]


@pytest.mark.parametrize("found, kept", [
    # same span and label: the stronger source stays
    ([ent("ORG", 0, 5, "ner:ru"), ent("ORG", 0, 5, "gazetteer:organizations")],
     [("ORG", 0, 5, "gazetteer:organizations")]),
    # same span, other label from a weaker source: dropped
    ([ent("PERSON", 0, 5, "ner:ru"), ent("ORG", 0, 5, "rule:branches")], [("ORG", 0, 5, "rule:branches")]),
    # nested spans are both kept
    ([ent("ORG", 0, 20, "rule:branches"), ent("ORG", 14, 20, "gazetteer:organizations")],
     [("ORG", 0, 20, "rule:branches"), ("ORG", 14, 20, "gazetteer:organizations")]),
    # crossing spans: precedence first
    ([ent("ORG", 0, 10, "ner:ru"), ent("PROJECT", 5, 12, "gazetteer:projects")],
     [("PROJECT", 5, 12, "gazetteer:projects")]),
    # crossing spans of equal precedence: the longer one
    ([ent("ORG", 0, 10, "ner:ru"), ent("LOC", 8, 12, "ner:ru")], [("ORG", 0, 10, "ner:ru")]),
    # disjoint spans come out sorted by offset
    ([ent("LOC", 30, 35, "ner:kk"), ent("ORG", 0, 5, "ner:kk")], [("ORG", 0, 5, "ner:kk"), ("LOC", 30, 35, "ner:kk")]),
    ([], []),
])
def test_merge_precedence_and_nesting(found, kept):
    assert spans(merge_entities(found)) == kept


def test_merge_is_order_independent():
    found = [ent("ORG", 0, 10, "ner:ru"), ent("LOC", 8, 12, "rule:x"), ent("ORG", 0, 10, "gazetteer:o")]
    assert spans(merge_entities(found)) == spans(merge_entities(list(reversed(found))))


@pytest.mark.parametrize("label, text, lang, kept", [
    ("ORG", "Фракции", "ru", True),
    ("ORG", "BaigeNews.kz", "ru", True),
    ("ORG", "Форума ППО", "ru", False),  # an event
    ("ORG", "Устав партии", "ru", False),  # a document
    ("ORG", "АКТИВИЗИРОВАТЬ РАБОТУ ППО", "ru", False),  # a shouted headline
    ("ORG", "ППО", "ru", False),  # a kind of organization
    ("LOC", "Ключевая", "ru", False),  # a lone common word
    ("LOC", "Костанай", "ru", True),
    ("PERSON", "Асхат оралов", "ru", False),
    ("PERSON", "Ерлан Жакупов", "kk", True),
    ("ORG", "мәслихат", "kk", False),  # not capitalised
    ("PERSON", "СӨЗ БОЛЫП", "kk", False),  # a shouted phrase: capitals alone make no name
    ("PERSON", "МАҚСАТ ПЕН МІНДЕТ", "kk", False),
    ("PERSON", "ЛӘЙЛӘ ТӨРЕШОВА", "kk", True),  # a known first name and a surname's ending
    ("PERSON", "Б. ОМАРОВ", "kk", True),
    ("PERSON", "Павлодарского", "ru", False),  # a place adjective, not a surname
    ("PERSON", "Достоевского", "ru", True),
    ("ORG", "XXXVII", "ru", False),  # Roman numerals are numbers, whatever their capitals
    ("ORG", "XLІІ", "kk", False),  # with a Cyrillic І
    ("LOC", "ХХ", "ru", False),
    ("PERSON", "Ли", "ru", True),
])
def test_merge_plausible_ner_mentions(label, text, lang, kept):
    from ppo_nlp.doc import Document
    from ppo_nlp.extract.merge import plausible

    doc = Document("d", "d", text, lang=lang)
    assert plausible(Entity(label, text, 0, len(text), f"ner:{lang}"), doc) is kept
    assert plausible(Entity(label, text, 0, len(text), "gazetteer:x"), doc)


@pytest.mark.parametrize("label, text, kept", [
    ("LOC", "Party", False),  # «… at the congress of the Party»: a kind of organization under any label
    ("PERSON", "Party", False),
    ("LOC", "Bureau", False),
    ("ORG", "University", False),
    ("ORG", "Let", False),  # «Let us note that …» opens a sentence
    ("LOC", "Pavlodar", True),
])
def test_merge_plausible_english_kinds_of_organization(label, text, kept):
    from ppo_nlp.extract.merge import plausible

    doc = Document("d", "d", f"The report was read at the meeting of {text} yesterday.", lang="en")
    at = doc.text.index(text)
    assert plausible(Entity(label, text, at, at + len(text), "ner:en"), doc) is kept


def _place(text: str, word: str, place_id: str, kind: str) -> Entity:
    at = text.index(word)
    return Entity("LOC", word, at, at + len(word), "gazetteer:locations", id=place_id, attrs={"type": kind})


@pytest.mark.parametrize("text, model_span, read, places", [
    # a country that is a word of an organization's name the model reads is no place of the text (the name
    # read up to a lower-case «in»)
    ("She lectures at the Kazakhstan Institute of Public Policy in Oral.",
     "Kazakhstan Institute of Public Policy in Oral", "Kazakhstan Institute of Public Policy", ["loc:oral"]),
    ("He joined the Qazaqstan Academy of Sports last year.", "Qazaqstan Academy of Sports",
     "Qazaqstan Academy of Sports", []),
    # a country beside a person's name the model joined stays a place
    ("Deputies greeted Kazakhstan Yerlan Nurlanov warmly.", "Kazakhstan Yerlan Nurlanov",
     "Kazakhstan Yerlan Nurlanov", ["loc:kz"]),
])
def test_merge_country_in_an_english_organization_name(text, model_span, read, places):
    from ppo_nlp.extract.merge import freed_names

    doc = Document("d", "d", text, lang="en")
    country = next(w for w in ("Kazakhstan", "Qazaqstan") if w in text)
    known = [_place(text, country, "loc:kz", "country")] + ([_place(text, "Oral", "loc:oral", "city")]
                                                             if "Oral" in text else [])
    at = text.index(model_span)
    kept, model = freed_names(doc, known, [Entity("ORG", model_span, at, at + len(model_span), "ner:en")])
    assert [e.id for e in kept] == places and [m.text for m in model] == [read]


@pytest.mark.parametrize("text, name, kept", [
    ("Сказал Серик Ахметов. Выступил и Сери", "Сери", False),  # the stored text stops mid-word
    ("Сказал Серик Ахметов. Выступил и Серик", "Серик", True),
    ("Выступил Ахметов. Затем Сери", "Сери", True),  # no longer word it could be cut from
    ("«Адал және Жасампаз Ел үшін» коалициясы құрылды.", "Жасампаз", False),  # a quoted name
    ("Жиынды Ерлан Жақып ашты.", "Ерлан Жақып", True),
])
def test_merge_plausible_person_in_context(text, name, kept):
    from ppo_nlp.doc import Document
    from ppo_nlp.extract.merge import plausible

    start = text.rindex(name)
    doc = Document("d", "d", text, lang="kk" if "ә" in text else "ru")
    assert plausible(Entity("PERSON", name, start, start + len(name), "ner:ru"), doc) is kept



def _merge_by_full_scan(found: list[Entity]) -> list[Entity]:
    """What `merge_entities` decides, checked against every kept mention (no blocks): the reference."""
    def rank(e: Entity) -> int:
        return {"gazetteer": 0, "rule": 1, "ner": 2}.get(e.source.split(":", 1)[0], 3)

    def conflicts(c: Entity, k: Entity) -> bool:
        if (c.start, c.end) == (k.start, k.end):
            return c.label == k.label or rank(c) > rank(k)
        nested = (c.start <= k.start and k.end <= c.end) or (k.start <= c.start and c.end <= k.end)
        return c.start < k.end and k.start < c.end and not nested

    kept: list[Entity] = []
    for c in sorted(found, key=lambda e: (rank(e), e.start - e.end, e.start)):
        if not any(conflicts(c, k) for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda e: (e.start, -e.end, e.label, e.source))


@pytest.mark.parametrize("found", [
    [ent("ORG", 60, 70, "ner:ru"), ent("LOC", 62, 66, "ner:ru"), ent("PERSON", 65, 130, "rule:x")],  # block edges
    [ent("ORG", 128, 128, "ner:ru"), ent("ORG", 128, 128, "rule:x"), ent("LOC", 120, 130, "ner:ru")],  # empty spans
    [ent("ORG", 0, 300, "ner:ru"), ent("LOC", 100, 400, "gazetteer:places"), ent("LOC", 250, 260, "other")],
    [ent("ORG", 5, 9, "ner:ru"), ent("ORG", 5, 9, "ner:kk"), ent("PERSON", 5, 9, "ner:ru"), ent("LOC", 0, 9, "x")],
    [ent("ORG", s, s + w, src) for s, w, src in [(0, 70, "ner:ru"), (64, 3, "rule:a"), (66, 70, "gazetteer:o"),
                                                 (127, 2, "ner:kk"), (63, 2, "ner:ru"), (200, 1, "rule:b")]],
])
def test_merge_agrees_with_a_full_scan(found):
    assert spans(merge_entities(found)) == spans(_merge_by_full_scan(found))

@pytest.mark.parametrize("spans, probe", [
    ([(0, 5)], (4, 10)),              # overlaps inside one block
    ([(0, 5)], (5, 10)),              # touching is not overlapping
    ([(60, 70)], (63, 66)),           # a span across the 64-character block edge
    ([(10, 300)], (200, 201)),        # a long span, probed several blocks in
    ([(10, 300)], (300, 400)),
    ([(128, 128)], (120, 130)),       # an empty span overlaps nothing
    ([(0, 3), (500, 600), (1000, 1001)], (590, 1000)),
    ([], (0, 10)),
])
def test_span_index_agrees_with_a_full_scan(spans, probe):
    entities = [Entity("ORG", "x" * (e - s), s, e, "rule:test") for s, e in spans]
    target = Entity("PERSON", "y", probe[0], probe[1], "ner:ru")
    full_scan = any(target.start < o.end and o.start < target.end for o in entities)
    assert SpanIndex(entities).overlaps(target) == full_scan


def _at(text: str, label: str, part: str, source: str, id: str | None = None) -> Entity:
    start = text.index(part)
    return Entity(label, part, start, start + len(part), source, id=id)


ENTITY_TEXT = "Аким Шардаринского района встретился с членами ППО партии AMANAT в Шардара ауданында, 45 человек."


@pytest.mark.parametrize("rules, model, expected", [
    # the model's bound of a place replaces the rule's, and takes its id
    ([("LOC", "Шардара ауданында", "gazetteer:places", "loc:x")], [("LOC", "Шардара")],
     {("LOC", "Шардара", "loc:x")}),
    # nested organizations are both kept: a branch phrase holds the party's name
    ([("ORG", "ППО партии AMANAT", "rule:branch", "org:ppo")], [("ORG", "AMANAT")],
     {("ORG", "ППО партии AMANAT", "org:ppo"), ("ORG", "AMANAT", None)}),
    # on the same span the rule's label wins…
    ([("LOC", "Шардара", "gazetteer:locations", "loc:x")], [("PERSON", "Шардара")], {("LOC", "Шардара", "loc:x")}),
    ([("ORG", "AMANAT", "gazetteer:organizations", "org:a")], [("LOC", "AMANAT")], {("ORG", "AMANAT", "org:a")}),
    # …but the place data's place does not relabel the model's person (a surname a village bears too)
    ([("LOC", "Шардара", "gazetteer:places", "loc:x")], [("PERSON", "Шардара")], {("PERSON", "Шардара", None)}),
    # a job title in lower case is a mention; ALL CAPS is no job title
    ([], [("POSITION", "Аким"), ("POSITION", "членами"), ("POSITION", "ППО")],
     {("POSITION", "Аким", None), ("POSITION", "членами", None)}),
    # a model mention crossing a count is dropped, the count stays
    ([("COUNT", "45 человек", "rule:count", None)], [("PERSON", "ауданында, 45")],
     {("COUNT", "45 человек", None)}),
])
def test_merge_entity_layer_keeps_the_model_and_what_rules_add(rules, model, expected):
    doc = Document("d", "t", ENTITY_TEXT, lang="ru")
    facts_in = [_at(ENTITY_TEXT, label, part, source, id) for label, part, source, id in rules]
    found = [_at(ENTITY_TEXT, label, part, "ner:ru") for label, part in model]
    got = {(e.label, e.text, e.id) for e in entity_layer(doc, facts_in, found, [])}
    assert got == expected


def test_merge_final_facts_come_from_fact_mentions_only():
    """A model-only organization is an entity of the record, but no organization fact."""
    doc = Document("d", "t", ENTITY_TEXT, lang="ru")
    doc.found.update(known=[], officials=[], ner_new=[], ner=[_at(ENTITY_TEXT, "ORG", "AMANAT", "ner:ru")])
    doc.counts = []
    merge_final(doc)
    facts(doc)
    assert [e.text for e in doc.entities] == ["AMANAT"] and doc.found["fact_mentions"] == []
    assert doc.organizations == []


@pytest.mark.parametrize("text, name, lang, facts_gate, entities_gate", [
    ("Racing driver Gil de Ferran won again.", "Gil de Ferran", "en", False, True),  # a name particle
    ("Talks with Rami al-Hassan went on.", "Rami al-Hassan", "en", False, True),
    ("Officials said de Mello arrived late.", "de Mello", "en", False, True),
    ("Жиынға Әбу бен Салим келді.", "Әбу бен Салим", "kk", False, True),
    ("Выступил Асхат оралов.", "Асхат оралов", "ru", False, False),  # a long lower-case word is no particle
    ("TENNIS - SMITHSON BEATS HIS RIVAL .", "SMITHSON", "en", False, True),  # the model reads capitals
    ("СӨЗ БОЛЫП ЖАТЫР", "СӨЗ БОЛЫП", "kk", False, False),
    # a name in a quoted title: Russian and Kazakh titles capitalise their first word only, English every word
    ("Вышел фильм «Лодка, Тимофей и мы» о рыбаках.", "Тимофей", "ru", False, True),
    ("Ол «Біздің Айгүл апай» кітабын оқыды.", "Айгүл", "kk", False, True),
    ('She sang " Songs for Maria Lopez " on tour .', "Maria Lopez", "en", False, False),
    # English quotes the marks pair wrongly: speech, not a title (a lower-case word opens it or stands in it)
    ('" We will wait , " said Kowalczyk . " It is early . "', "Kowalczyk", "en", False, True),
    ('" We will wait , " Kowalczyk said . " It is early . "', "Kowalczyk", "en", False, True),
    ('A sign read : " Ennistown backs Hollander . "', "Hollander", "en", False, True),
    ('He starred in " Night of the Long Harvest " and " Tom Brennan " .', "Tom Brennan", "en", False, False),
])
def test_merge_entities_gate_is_looser_than_the_facts_gate(text, name, lang, facts_gate, entities_gate):
    from ppo_nlp.extract.merge import plausible

    start = text.index(name)
    doc = Document("d", "d", text, lang=lang)
    person = Entity("PERSON", name, start, start + len(name), f"ner:{lang}")
    assert plausible(person, doc) is facts_gate
    assert plausible(person, doc, casing=False) is entities_gate


@pytest.mark.parametrize("text, rules, model, expected", [
    # a rule mention inside the model's is a word of the model's name: the model's stays, with no id
    ("Министерство обороны Японии сообщило об учениях.", [("ORG", "Министерство обороны", "org:mod")],
     [("ORG", "Министерство обороны Японии")], {("ORG", "Министерство обороны Японии", None)}),
    # a generic word and a quoted name: the quoted name, with the rule's id
    ("Депутаты партии «Новый путь» собрались в зале.", [("ORG", "партии «Новый путь»", "org:np")], [],
     {("ORG", "Новый путь", "org:np")}),
    ("Кеше « Жаңа жол » партиясының съезі өтті.", [("ORG", "« Жаңа жол » партиясының", "org:jj")], [],
     {("ORG", "Жаңа жол", "org:jj")}),
    # a quoted name holds the model's mention: the quoted name stays
    ("Жоба «Жаңа Қазақстан жолы» басталды.", [("PROJECT", "Жаңа Қазақстан жолы", "project:x")],
     [("LOC", "Қазақстан")], {("PROJECT", "Жаңа Қазақстан жолы", "project:x")}),
    # a place the model did not mark stays; one in lower case is a common word («астана», the capital)
    ("Делегация прибыла в Шымкент вчера.", [("LOC", "Шымкент", "loc:shym")], [],
     {("LOC", "Шымкент", "loc:shym")}),
    ("Делегация прибыла в астану вчера.", [("LOC", "астану", "loc:astana")], [], set()),
    # an organization the model did not mark takes in the place it belongs to, named right after it
    ("Заседание правительства Израиля прошло вчера.", [("ORG", "правительства", "org:gov")],
     [("LOC", "Израиля")], {("ORG", "правительства Израиля", "org:gov")}),
    # Russian and Kazakh write institutions in lower case; English capitalises their names
    ("Депутаты мәслихат сессиясына жиналды.", [("ORG", "мәслихат", "org:maslikhat")], [],
     {("ORG", "мәслихат", "org:maslikhat")}),
    ("The speaker of parliament arrived today.", [("ORG", "parliament", "org:parl")], [], set()),
    # the model's place on the rule's span keeps the rule's id
    ("Делегация прибыла в Астану.", [("LOC", "Астану", "loc:astana")], [("LOC", "Астану")],
     {("LOC", "Астану", "loc:astana")}),
    # a count that took a name's word gives way to the name
    ("Hearts 0 Queen of Hearts 2", [("COUNT", "0 Queen", None)], [("ORG", "Queen of Hearts")],
     {("ORG", "Queen of Hearts", None)}),
    # a job title the model did not mark stays (positions without a person are mentions)
    ("Вчера министр выступил на форуме.", [("POSITION", "министр", None)], [],
     {("POSITION", "министр", None)}),
    # Kazakh: a bare lower-case title is a word of the title phrase before it; with its modifier it stays
    ("Кеше басқарманың басшысы Ерлан Сәкенов сөз сөйледі.", [("POSITION", "басшысы", None)], [], set()),
    ("Кеше аудан әкімі жиынға қатысты.", [("POSITION", "аудан әкімі", None)], [],
     {("POSITION", "аудан әкімі", None)}),
    ("Жиынды Президент ашты, мәселе көп еді.", [("POSITION", "Президент", None)], [],
     {("POSITION", "Президент", None)}),
    # a Russian organization the model did not mark takes in the country's adjective before it
    ("Вчера японское правительство одобрило план.", [("ORG", "правительство", "org:gov")], [],
     {("ORG", "японское правительство", "org:gov")}),
    ("Во французском министерстве финансов молчат.", [("ORG", "министерстве финансов", "org:mof")], [],
     {("ORG", "французском министерстве финансов", "org:mof")}),
    ("Вчера техническое правительство одобрило план.", [("ORG", "правительство", "org:gov")], [],
     {("ORG", "правительство", "org:gov")}),  # no country's adjective
    ("Вчера японское правительство одобрило план.", [("ORG", "правительство", "org:gov")],
     [("POSITION", "японское")], {("POSITION", "японское", None), ("ORG", "правительство", "org:gov")}),
])
def test_merge_entity_layer_is_flat_as_the_model(text, rules, model, expected):
    lang = "kk" if "ә" in text or "Жоба" in text else "en" if text.isascii() else "ru"
    doc = Document("d", "t", text, lang=lang)
    facts_in = [_at(text, label, part, "gazetteer:x" if id else "rule:x", id) for label, part, id in rules]
    found = [_at(text, label, part, "ner:ru") for label, part in model]
    got = {(e.label, e.text, e.id) for e in entity_layer(doc, facts_in, found, [])}
    assert got == expected


@pytest.mark.parametrize("text, place, compound", [
    ("Бір АҚШ доллары бүгін қымбаттады.", "АҚШ", True),  # a currency
    ("Ұшақ Алматы әуежайынан кешігіп ұшты.", "Алматы", True),  # a building
    ("Біз Алматыға кеше келдік.", "Алматыға", False),  # an inflected place is a place
    ("Бұл жолы Алматы жеңді.", "Алматы", False),  # a verb after the place
    ("Биыл Алматы, Астана көркейді.", "Алматы", False),
])
def test_merge_entity_layer_kazakh_place_before_a_possessive_noun(text, place, compound):
    from ppo_nlp.extract.entities import names_compound

    start = text.index(place)
    name = "АҚШ" if place == "АҚШ" else "Алматы"
    entity = Entity("LOC", place, start, start + len(place), "gazetteer:places", id="loc:x",
                    attrs={"name": name, "names": {"kk": name}})
    assert names_compound(entity, text) is compound
    doc = Document("d", "t", text, lang="kk")
    got = [e.text for e in entity_layer(doc, [entity], [], [])]
    assert got == ([] if compound else [place])


KK_ORG_TEXT = "Кеше Талдыдағы жаңа мектептің ашылуы болды, №3 арнайы мектебі де, «Жарық» қоры да келді."


@pytest.mark.parametrize("part, source, name, entity", [
    # an institution phrase read off its head noun is a description where the model is silent
    ("Талдыдағы жаңа мектептің", "rule:institution", "Талдыдағы жаңа мектебі", False),
    ("№3 арнайы мектебі", "rule:institution", "№3 арнайы мектебі", True),  # one known by its number
    # a quoted name with the generic word before the quotes (Russian order) is no Kazakh name; after them it is
    ("Жарық", "rule:named_org", "Қор «Жарық»", False),
    ("Жарық", "rule:named_org", "«Жарық» қоры", True),
    ("Жарық", "gazetteer:organizations", "Қор «Жарық»", True),
])
def test_merge_entity_layer_kazakh_organizations_of_common_words(part, source, name, entity):
    from ppo_nlp.extract.entities import common_kk_organization

    org = _at(KK_ORG_TEXT, "ORG", part, source, "org:x")
    org.attrs = {"name": name}
    assert common_kk_organization(org) is not entity
    doc = Document("d", "t", KK_ORG_TEXT, lang="kk")
    assert [e.text for e in entity_layer(doc, [org], [], [])] == ([part] if entity else [])
    assert [e.text for e in entity_layer(doc, [org], [_at(KK_ORG_TEXT, "ORG", part, "ner:kk")], [])] == [part]


def test_merge_country_adjectives_name_countries_of_the_place_data():
    from ppo_nlp.resources import read_rows

    countries = {f"loc:{row[0].lower()}" for row in read_rows("places/countries.tsv")[1:]} | {"loc:kz"}
    rows = read_rows("ner/country_adjectives_ru.tsv")
    assert rows and all(row[0] in countries for row in rows)
    stems = [stem for row in rows for stem in row[1].split()]
    assert len(stems) == len(set(stems)) and all(stem.endswith(("ск", "цк")) for stem in stems)
