"""Whole pages in layouts unlike the seeds (agency AMP copies, regional papers, akimat sites, English
outlets): metadata as a reader sees it, furniture gone, every body line kept. All text written for the test."""
from __future__ import annotations

import pytest

from ppo_nlp.ingest import clean

EN_BODY = ["NUR-SULTAN. KAZINFORM – The congress of the ruling party has opened in the capital, Kazinform "
           "correspondent reports.",
           "The congress will approve the list of 126 candidates for the upcoming elections to the Majilis."]
KK_BODY = ["Кеше аудандағы «AMANAT» филиалы мүшелерінің кезекті конференциясы болып өтті.",
           "Конференцияға 60 делегат қатысып, филиалдың жаңа төрағасы сайланды."]
RU_BODY = ["В районном филиале партии состоялся семинар для секретарей первичных ячеек.",
           "На сегодня в районном филиале партии состоят на учёте 4 812 человек."]

PAGES = [
    # an agency page stored as an AMP copy: archive date stamp, "Go to the main site", byline, tag row
    ([" date 2020-11-25 Go to the main site", "Party congress opens in the capital", "", "25 November 2020, 11:46",
      "", EN_BODY[0], "", EN_BODY[1], "", "Aigerim Seitkali", "", "Events Party Congress Kazakhstan Politics"],
     ("Party congress opens in the capital", "2020-11-25", "Kazinform", "Aigerim Seitkali"),
     {" date 2020-11-25 Go to the main site", "25 November 2020, 11:46", "Events Party Congress Kazakhstan Politics"}),
    # a regional paper: title with the site's name, counters, subscribe button, closing byline
    (["Аудандық филиалда конференция өтті - «Дала жаршысы» газеті", "", "Аудандық филиалда конференция өтті", "",
      "12.03.2024", "Қаралды: 120", KK_BODY[0], "", KK_BODY[1] + "Көрілім: 45", "", "Айгүл НҰРЛАНОВА", "",
      "Хабарламаларға жазылу"],
     ("Аудандық филиалда конференция өтті", "2024-03-12", "«Дала жаршысы» газеті", "Айгүл Нұрланова"),
     {"Аудандық филиалда конференция өтті - «Дала жаршысы» газеті", "12.03.2024", "Қаралды: 120", "Көрілім: 45",
      "Хабарламаларға жазылу"}),
    # an akimat site: breadcrumb, section label, date widget, photo file name run into the lead, date of creation
    (["Негізгі бет /", "БАҚ біз туралы", "Суббота, 16 марта 2024", "Главная Новости Все проблемы находят решение",
      "Все проблемы находят решение", "", "dms_4665" + RU_BODY[0], RU_BODY[1], "Дата создания: 14.03",
      "Количество показов: 6"],
     ("Все проблемы находят решение", None, None, None),
     {"Негізгі бет /", "БАҚ біз туралы", "Суббота, 16 марта 2024", "Главная Новости Все проблемы находят решение",
      "dms_4665", "Дата создания: 14.03", "Количество показов: 6"}),
    # an English paper: skip link, language switch, photo captions with credits, newsletter form
    (["Skip to Content", "KZ RU EN", "Campaigning gains momentum in the regions", "",
      "ASTANA – Party candidates keep touring the provinces to present their election platform.", "",
      "Delegates at the regional conference in Kostanay. Photo credit: amanat.kz.", "",
      "Candidates pledged new help for small farmers across the Pavlodar region.", "",
      "Subscribe to our newsletter", "Stay up to date with the latest news."],
     ("Campaigning gains momentum in the regions", None, None, None),
     {"Skip to Content", "KZ RU EN", "Delegates at the regional conference in Kostanay. Photo credit: amanat.kz.",
      "Subscribe to our newsletter", "Stay up to date with the latest news."}),
]


@pytest.mark.parametrize("lines, meta, removed", PAGES)
def test_clean_other_layouts_metadata(lines, meta, removed):
    result = clean("\n".join(lines), "text", {})
    assert (result.title, result.published, result.outlet, result.author) == meta


@pytest.mark.parametrize("lines, meta, removed", PAGES)
def test_clean_other_layouts_furniture_gone_body_kept(lines, meta, removed):
    result = clean("\n".join(lines), "text", {})
    kept = result.text.split("\n")
    assert not {line.strip() for line in removed} & set(kept)
    body = [line for line in lines if len(line.split()) >= 5 and line not in removed and not line.startswith("dms")]
    assert all(any(b.strip().startswith(k) or k.startswith(b.strip()) for k in kept if k) for b in body)
    assert RU_BODY[0] in kept if "dms_4665" in removed else True
