"""A deterministic synthetic news corpus with planted defects.

Articles of 600-900 words: a headline, a dek, a byline (most of them), and
paragraphs with quotes and names from the starter registry. Defects are
planted at fixed rates: a repeated headline line, a repeated paragraph, an
unattributed quote, vague sourcing, a name out of style, and paragraphs
and headlines shared between stories (syndicated copy).
"""

from __future__ import annotations

import random
from pathlib import Path

SUBJECTS = ["The council", "The union", "The ministry", "The port authority", "The company", "The court",
            "The school board", "The hospital", "The mayor's office", "The regulator"]
VERBS = ["approved", "rejected", "delayed", "announced", "reviewed", "questioned", "expanded", "cut",
         "extended", "defended", "proposed", "suspended"]
OBJECTS = ["a plan to rebuild the river bridge", "new limits on night shifts", "the budget for next year",
           "a contract with the terminal operators", "rules for short-term rentals", "a tax on imported steel",
           "the merger of two regional banks", "a study of flooding in the harbor district",
           "a program to hire more nurses", "the sale of the old rail yard", "a ban on fishing in the bay"]
TAILS = ["after a debate that ran past midnight", "despite objections from residents",
         "in a vote that surprised observers of the city's politics", "weeks before an election",
         "as prices continued to rise across the region", "following months of negotiations",
         "with support from both parties", "amid protests outside the building"]
PEOPLE = [("Vladimir V. Putin", "Mr. Putin"), ("Donald J. Trump", "Mr. Trump"), ("Dmitri S. Peskov", "Mr. Peskov"),
          ("Volodymyr Zelensky", "Mr. Zelensky"), ("Sergey V. Lavrov", "Mr. Lavrov"), ("Marco Rubio", "Mr. Rubio")]
LOCAL = ["Ana Ruiz", "Carlos Mendes", "Joana Silva", "Lena Ortiz", "Sam Hill", "Priya Natarajan", "Tomas Berg"]
QUOTES = ["We will not accept a deal that leaves our members behind", "This decision keeps the promises we made",
          "Nobody in this city should have to choose between rent and food", "The numbers simply do not add up",
          "We are ready to talk as soon as the other side is"]
HEAD_WORDS = ["Council", "Port", "Strike", "Budget", "Bridge", "Court", "Union", "Harbor", "Vote", "Plan", "Talks",
              "Tax", "Schools", "Nurses", "Rail", "Flood", "Rents", "Steel", "Bay", "Banks"]
HEAD_VERBS = ["Approves", "Rejects", "Delays", "Weighs", "Extends", "Defends", "Questions", "Expands", "Cuts"]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."


def _paragraph(rng: random.Random) -> str:
    kind = rng.random()
    sentences = [_sentence(rng) for _ in range(rng.randint(2, 3))]
    if kind < 0.25:
        speaker = rng.choice(LOCAL)
        sentences.append(f"“{rng.choice(QUOTES)},” said {speaker}, who has followed the issue for years.")
    elif kind < 0.35:
        full, short = rng.choice(PEOPLE)
        sentences.insert(0, f"{full} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that the talks would go on.")
        sentences.append(f"{short} did not say when.")
    return " ".join(sentences)


def article(index: int, shared: list[str]) -> str:
    rng = random.Random(index)
    headline = f"{rng.choice(HEAD_WORDS)} {rng.choice(HEAD_VERBS)} {rng.choice(HEAD_WORDS)} Plan {index}"
    if index % 97 == 1:
        headline = f"{rng.choice(HEAD_WORDS)} {rng.choice(HEAD_VERBS)} {rng.choice(HEAD_WORDS)} Plan 0"
    lines = [headline]
    if index % 10 == 0:
        lines.append(headline)  # the headline twice
    lines.append(f"{_sentence(rng)[:-1]}, and what comes next.")
    if index % 8:
        lines.append(f"By {rng.choice(LOCAL)}")
    body: list[str] = []
    words = 0
    target = rng.randint(600, 900)
    while words < target:
        paragraph = _paragraph(rng)
        body.append(paragraph)
        words += len(paragraph.split())
    if index % 7 == 0:
        body.insert(len(body) // 2, body[1])  # a repeated paragraph
    if index % 11 == 0:
        # vague sourcing, and a quote hung on a mood, which cannot speak
        body.append(f"Officials say the dispute could last weeks. The mood in the hall was grim: “{rng.choice(QUOTES)}.”")
    if index % 13 == 0:
        body.append("Putin, speaking later, said the talks had barely begun and that nothing had been agreed.")
    if index % 50 == 0:
        body.append(shared[index % len(shared)])  # syndicated copy shared between stories
    return "\n".join(lines + body) + "\n"


def build(folder: Path, count: int) -> Path:
    """Write ``count`` articles under ``folder`` (100 a subfolder)."""
    rng = random.Random(0)
    shared = [" ".join(_sentence(rng) for _ in range(3)) for _ in range(20)]
    for index in range(count):
        sub = folder / f"{index // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"story-{index:06d}.txt").write_text(article(index, shared), encoding="utf-8")
    return folder
