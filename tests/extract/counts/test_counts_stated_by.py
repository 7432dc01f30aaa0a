"""Who gave a figure (`Count.stated_by`): reported speech only, attributions, quotations. Our own sentences."""
from __future__ import annotations

import pytest

import ppo_nlp


@pytest.fixture(scope="module")
def nlp():
    return ppo_nlp.load(time_limit=None)


@pytest.mark.parametrize("text, figure, speaker", [
    # a sentence of reported speech names the speaker
    ("Председатель филиала Иван Петров отметил, что в районе работают 25 первичных организаций.", "25", "Иван Петров"),
    # an actor beside a figure gave nothing
    ("Председатель филиала Иван Петров вручил 10 гражданам партийные билеты.", "10", None),
    # a quotation whose attribution is a pronoun: the person named before it
    ("Иван Петров выступил на форуме.\n«Сегодня в области работают 300 первичных организаций, и их число растёт», "
     "— отметил он.", "300", "Иван Петров"),
    # the attribution names the speaker
    ("На форуме выступили гости.\n— В районе действуют 12 первичных организаций, — сказал Иван Петров.", "12",
     "Иван Петров"),
    # a Kazakh attribution to a title only: nobody named
    ("Аудандық филиалдың жиынын Асқар Серікұлы ашты.\n«Биыл аудандағы бастауыш партия ұйымдарына 40 жаңа мүше "
     "қабылданды», – деді филиал төрағасы.", "40", None),
    # … and to a pronoun: the person named before the quotation
    ("Аудандық филиалдың жиынын Асқар Серікұлы ашты.\n«Биыл аудандағы бастауыш партия ұйымдарына 40 жаңа мүше "
     "қабылданды», – деді ол.", "40", "Асқар Серікұлы"),
    # a paragraph that opens with a quoted name is no quotation
    ("Иван Петров выступил на форуме.\n«Бент» объединяет 150 членов партии.", "150", None),
])
def test_counts_stated_by(nlp, text, figure, speaker):
    doc = nlp(text)
    names = {p.id: p.name for p in doc.people}
    count = next(c for c in doc.counts if c.text.startswith(figure))
    assert names.get(count.stated_by) == speaker
