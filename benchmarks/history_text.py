"""The words of the history database (`history_db.py`): seeded, with a Zipf-like spread.

A word's chance of being drawn falls with its rank (weight 1 / (rank + 2) ** ZIPF_S), as
in real text: a few function words and common school words ("the", "students",
"reading", "data") are in a large share of the notes; the synthetic words of the long
tail (made from syllables, e.g. "moravel") each occur in a handful. Two-word phrases
("reading benchmark", "exit tickets") are drawn as one unit now and then, so a quoted
phrase search has something to find. Lines read as a recorder's shorthand, not prose.

`RARE_WORD` is written into exactly one note, that of the meeting closest to
`RARE_YEARS_AGO` years ago, so that "find a years-old note by a word" can be tried:
`facilitator search xylophone`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import accumulate

ZIPF_S = 1.05
TAIL_WORDS = 6_000
"""Synthetic words after the listed ones: the rare end of the vocabulary."""
PHRASE_CHANCE = 0.12
"""The chance that a line holds one of `PHRASES`."""
RARE_WORD = "xylophone"
RARE_YEARS_AGO = 5

FUNCTION_WORDS = (
    "the", "and", "to", "of", "we", "for", "in", "on", "with", "a", "is", "our", "that",
    "at", "by", "from", "this", "will", "next", "are", "all", "more", "each", "before",
)  # fmt: skip
SCHOOL_WORDS = (
    "students", "reading", "data", "grade", "teachers", "writing", "math", "class", "plan",
    "team", "week", "time", "review", "support", "group", "families", "assessment", "lesson",
    "goal", "intervention", "scores", "unit", "practice", "feedback", "attendance", "rubric",
    "conferences", "vocabulary", "fluency", "comprehension", "schedule", "coaching", "staff",
    "curriculum", "standards", "growth", "progress", "strategy", "walkthrough", "literacy",
    "library", "science", "homework", "behavior", "counselor", "survey", "budget", "training",
    "observation", "benchmark", "phonics", "tutoring", "exemplars", "portfolio", "calendar",
    "assembly", "recess", "bus", "lunch", "principal", "coach", "parents", "newsletter",
    "report", "cards", "testing", "spring", "fall", "winter", "semester", "quarter", "rotation",
    "stations", "centers", "materials", "books", "texts", "novels", "essays", "projects",
    "labs", "fractions", "geometry", "algebra", "equations", "problem", "solving", "discourse",
    "questions", "answers", "checklist", "protocol", "norms", "agenda", "minutes", "notes",
    "referrals", "absences", "tardies", "mentors", "volunteers", "field", "trip", "grant",
    "technology", "laptops", "tablets", "platform", "dashboard", "spreadsheet", "folders",
    "language", "learners", "english", "spanish", "translation", "interpreter", "special",
    "education", "accommodations", "modifications", "goals", "iep", "screening", "dyslexia",
    "counseling", "wellness", "attendance", "celebration", "awards", "honor", "roll",
    "enrichment", "acceleration", "remediation", "pacing", "guide", "scope", "sequence",
    "common", "formative", "summative", "quiz", "retake", "grading", "policy", "mastery",
    "standards-based", "conference", "portfolio", "showcase", "exhibition", "family",
    "night", "open", "house", "orientation", "transition", "kindergarten", "middle", "high",
)  # fmt: skip
PHRASES = (
    ("reading", "benchmark"), ("exit", "tickets"), ("guided", "reading"), ("small", "groups"),
    ("data", "wall"), ("parent", "conferences"), ("staff", "meeting"), ("running", "records"),
    ("writing", "conferences"), ("math", "talks"), ("word", "study"), ("lesson", "study"),
)  # fmt: skip
MEETING_TOPICS = (
    "Reading data review", "Writing focus", "Math planning", "Attendance check",
    "Family engagement", "Interventions", "Assessment calendar", "Budget", "Coaching cycle",
    "Science fair", "Behavior supports", "Schedule changes", "Curriculum mapping",
    "Professional learning", "Student work protocol", "Benchmark results",
)  # fmt: skip
SYLLABLES = (
    "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "qui", "ro", "su",
    "ta", "ve", "wi", "yo", "zu", "bri", "cla", "dre", "flo", "gra", "pla", "tre", "vel", "mor",
    "sen", "tal", "rin", "dor", "mel", "cas", "lin", "ber", "ton", "sha", "tho",
)  # fmt: skip
NAMES = ("Maria", "Tom", "Priya", "Aisha", "Jorge", "Grace", "Daniel", "Sam", "Lee", "Ana")


def tail_words(rng: random.Random, count: int) -> list[str]:
    """`count` distinct made-up words of two to four syllables (none of the listed ones)."""
    taken = {*FUNCTION_WORDS, *SCHOOL_WORDS, RARE_WORD}
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


class Vocabulary:
    """Draws words and lines of text with a Zipf-like spread, from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        listed = list(dict.fromkeys((*FUNCTION_WORDS, *SCHOOL_WORDS)))
        self.words = listed + tail_words(rng, TAIL_WORDS)
        weights = [1 / (rank + 2) ** ZIPF_S for rank in range(len(self.words))]
        self.cumulative = list(accumulate(weights))
        self.phrase_cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(PHRASES))))

    def draw(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def note(self, lines: int) -> str:
        """Recorder's bullets: who spoke, then 5 to 13 words, sometimes with a phrase
        (the words of every line drawn at once: one call costs less than many)."""
        rng = self.rng
        sizes = [rng.randint(5, 13) for _ in range(lines)]
        drawn = self.draw(sum(sizes))
        bullets = []
        start = 0
        for size in sizes:
            words = drawn[start : start + size]
            start += size
            if rng.random() < PHRASE_CHANCE:
                phrase = rng.choices(PHRASES, cum_weights=self.phrase_cumulative)[0]
                words.insert(rng.randrange(size + 1), " ".join(phrase))
            bullets.append(f"- {rng.choice(NAMES)}: {' '.join(words)}.")
        return "\n".join(bullets)

    def sentence(self, low: int, high: int) -> str:
        words = self.draw(self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def title(self, topics: Sequence[str] = MEETING_TOPICS) -> str:
        """A topic and a word or two: "Reading data review: fluency growth"."""
        return f"{self.rng.choice(topics)}: {' '.join(self.draw(self.rng.randint(1, 2)))}"
