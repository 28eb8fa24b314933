"""The evaluation instruments match the guidebook: the Effective Team Assessment, the
Norms Inventory, plus/delta, and the site leadership team's two self-assessments."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack
from facilitator.pack.schema_evaluation import Instrument

INSTRUMENT_IDS = (
    "effective-team-assessment",
    "norms-inventory",
    "plus-delta",
    "slt-assessing-our-work",
    "slt-indicators",
    "coherence-progression",
)


def _item_ids(instrument: Instrument) -> list[str]:
    return [item.id for section in instrument.sections for item in section.items]


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_instrument_is_from_the_guidebook_with_unique_item_ids(
    pack: Pack, instrument_id: str
) -> None:
    instrument = pack.instruments[instrument_id]
    assert instrument.source.document == "guidebook"
    ids = _item_ids(instrument)
    assert len(ids) == len(set(ids)), "answers are stored by item id, so ids must be unique"
    section_ids = [section.id for section in instrument.sections]
    assert len(section_ids) == len(set(section_ids))


# Effective Team Assessment ---------------------------------------------------------

ETA_ITEMS = [
    "goals-and-objectives",
    "utilization-of-resources",
    "trust-and-conflict-resolution",
    "leadership",
    "control-and-procedures",
    "interpersonal-communication",
    "problem-solving-decision-making",
    "experimentation-creativity",
    "evaluation",
]


def test_effective_team_assessment_has_nine_dimensions_rated_one_to_seven(pack: Pack) -> None:
    eta = pack.instruments["effective-team-assessment"]
    assert eta.use == "meeting"
    assert (eta.scale.kind, eta.scale.min, eta.scale.max) == ("rating", 1, 7)
    assert len(eta.sections) == 1
    assert _item_ids(eta) == ETA_ITEMS


def test_effective_team_assessment_describes_both_ends_of_every_dimension(pack: Pack) -> None:
    items = pack.instruments["effective-team-assessment"].sections[0].items
    for item in items:
        assert item.low and item.high, item.id
        assert item.low != item.high, item.id
    assert [item.text for item in items][:4] == [
        "Goals and objectives",
        "Utilisation of resources",
        "Trust and conflict resolution",
        "Leadership",
    ]


def test_demo_team_assessment_answers_name_real_items(pack: Pack) -> None:
    from facilitator.services.demo import data

    assert list(data.TEAM_ASSESSMENT_ITEMS) == _item_ids(
        pack.instruments["effective-team-assessment"]
    )


# Norms Inventory -------------------------------------------------------------------

NORM_IDS = [
    "pausing",
    "paraphrasing",
    "probing",
    "putting-ideas-on-the-table",
    "paying-attention-to-self-and-others",
    "presuming-positive-presuppositions",
    "pursuing-a-balance-between-advocacy-and-inquiry",
]
NORMS_INVENTORY_TITLES = [
    "Pausing",
    "Paraphrasing",
    "Probing",
    "Putting ideas on the table and pulling them off",
    "Paying attention to self and others",
    "Presuming positive intentions",
    "Pursuing a balance between advocacy and inquiry",
]


def test_norms_inventory_has_a_section_per_norm_in_order(pack: Pack) -> None:
    inventory = pack.instruments["norms-inventory"]
    assert inventory.use == "meeting"
    assert [section.norm for section in inventory.sections] == NORM_IDS
    assert [section.title for section in inventory.sections] == NORMS_INVENTORY_TITLES
    assert list(pack.norms) == NORM_IDS


def test_norms_inventory_has_three_statements_a_to_c_per_norm(pack: Pack) -> None:
    inventory = pack.instruments["norms-inventory"]
    for section in inventory.sections:
        assert [item.id for item in section.items] == [
            f"{section.norm}-{letter}" for letter in "abc"
        ]
    assert len(_item_ids(inventory)) == 21


def test_norms_inventory_scale_is_one_low_to_four_high(pack: Pack) -> None:
    scale = pack.instruments["norms-inventory"].scale
    assert (scale.kind, scale.min, scale.max) == ("rating", 1, 4)
    assert (scale.low, scale.high) == ("Low", "High")


def test_norms_inventory_advocacy_statements_keep_their_examples(pack: Pack) -> None:
    section = pack.instruments["norms-inventory"].sections[6]
    for item in section.items:
        assert "e.g." in item.text and '"' in item.text, item.id


# Plus/delta ------------------------------------------------------------------------


def test_plus_delta_asks_two_open_questions(pack: Pack) -> None:
    plus_delta = pack.instruments["plus-delta"]
    assert plus_delta.use == "meeting"
    assert plus_delta.scale.kind == "text"
    assert len(plus_delta.sections) == 1
    assert _item_ids(plus_delta) == ["plus", "delta"]


# The Site Leadership Team: Assessing Our Work --------------------------------------

SLT_CRITERIA = [
    ("selection-of-members", 3),
    ("focus-of-work", 5),
    ("how-it-works", 4),
    ("relationship-with-plcs", 5),
    ("relationship-with-administration", 4),
    ("relationship-with-faculty", 2),
    ("district-leadership-team", 4),
    ("opportunities-for-improvement", 0),
]


def test_slt_assessing_our_work_has_eight_criteria_with_their_questions(pack: Pack) -> None:
    slt = pack.instruments["slt-assessing-our-work"]
    assert slt.use == "periodic"
    assert slt.scale.kind == "text"
    items = [item for section in slt.sections for item in section.items]
    assert [(item.id, len(item.questions)) for item in items] == SLT_CRITERIA
    for item in items:
        assert all(question.endswith("?") for question in item.questions), item.id


# Site leadership team indicators ---------------------------------------------------


def test_slt_indicators_use_the_five_levels(pack: Pack) -> None:
    indicators = pack.instruments["slt-indicators"]
    assert indicators.use == "periodic"
    assert indicators.scale.kind == "levels"
    levels = indicators.scale.levels
    assert [level.code for level in levels] == ["N/A", "I", "B", "P", "S"]
    assert [level.name for level in levels] == [
        "No conversation or action",
        "Initiating",
        "Beginning",
        "Progressing",
        "Sustaining",
    ]
    assert all(level.meaning for level in levels)


def test_slt_indicators_have_fifteen_indicators_in_four_groups(pack: Pack) -> None:
    indicators = pack.instruments["slt-indicators"]
    assert [(section.id, len(section.items)) for section in indicators.sections] == [
        ("set-direction", 5),
        ("empower-and-support", 3),
        ("monitor-and-communicate", 4),
        ("evaluate-and-improve", 3),
    ]
    assert indicators.sections[3].items[-1].id == "evaluates-meetings"
