"""The Coherence Progression rubric and the coherence-framework guide match the
guidebook's "Coherence: The Right Drivers in Action" pages."""

from __future__ import annotations

from facilitator.pack.loader import Pack

LEVELS = ["emerging", "accelerating", "mastering"]
COMPONENTS = [
    ("focusing-direction", "Focusing direction", 4),
    ("cultivating-collaborative-cultures", "Cultivating collaborative cultures", 4),
    ("deepening-learning", "Deepening learning", 3),
    ("securing-accountability", "Securing accountability", 3),
]
SUB_ITEMS = {
    "focusing-direction": [
        "Shared purpose drives action",
        "A small number of goals tied to student learning drive decisions",
        "A clear strategy for achieving the goals is known by all",
        "Change knowledge is used to move the district forward",
    ],
    "cultivating-collaborative-cultures": [
        "A growth mindset underlies the culture",
        "Leaders model learning themselves and shape a culture of learning",
        "Collective capacity building is fostered above individual development",
        "Structures and processes support intentional collaboration",
    ],
    "deepening-learning": [
        "Learning goals are clear to everyone and drive instruction",
        "A set of effective pedagogical practices are known and used by educators",
        "Robust and authentic processes used regularly to improve practice",
    ],
    "securing-accountability": [
        "Continuously improving results",
        "Underperformance is an opportunity for growth not blame",
        "External accountability is used transparently to benchmark progress",
    ],
}
# The rubric's item texts: the same sub-items, letters and order, each label shortened
# and put in the project's words (the guide above keeps the source's labels as names).
RUBRIC_ITEMS = {
    "focusing-direction": [
        "Shared purpose drives action",
        "A few goals, tied to student learning, drive decisions",
        "Everyone knows a clear strategy for reaching the goals",
        "Change knowledge moves the district forward",
    ],
    "cultivating-collaborative-cultures": [
        "A growth mindset underlies the culture",
        "Leaders model learning and shape a learning culture",
        "Collective capacity building comes before individual development",
        "Structures and processes support intentional collaboration",
    ],
    "deepening-learning": [
        "Clear learning goals, known to all, drive instruction",
        "Educators know and use a set of effective pedagogical practices",
        "Practice is improved regularly through robust, authentic processes",
    ],
    "securing-accountability": [
        "Continuously improving results",
        "Underperformance is a chance to grow, not to blame",
        "External accountability benchmarks progress openly",
    ],
}


def _lettered(labels: list[str]) -> list[str]:
    return [f"{letter}. {label}" for letter, label in zip("ABCD", labels, strict=False)]


def test_coherence_progression_levels(pack: Pack) -> None:
    rubric = pack.instruments["coherence-progression"]
    assert rubric.use == "periodic"
    assert rubric.scale.kind == "levels"
    assert [level.code for level in rubric.scale.levels] == LEVELS
    assert [level.name for level in rubric.scale.levels] == [
        "Emerging",
        "Accelerating",
        "Mastering",
    ]


def test_coherence_progression_components_and_sub_items(pack: Pack) -> None:
    rubric = pack.instruments["coherence-progression"]
    assert [
        (section.id, section.title, len(section.items)) for section in rubric.sections
    ] == COMPONENTS
    for section in rubric.sections:
        assert [item.text for item in section.items] == _lettered(RUBRIC_ITEMS[section.id])


def test_every_sub_item_is_described_at_all_three_levels(pack: Pack) -> None:
    rubric = pack.instruments["coherence-progression"]
    for section in rubric.sections:
        for item in section.items:
            assert list(item.descriptors) == LEVELS, item.id
            texts = list(item.descriptors.values())
            assert all(len(text) > 40 for text in texts), item.id
            assert len(set(texts)) == 3, item.id


def test_coherence_framework_has_four_driver_pairs(pack: Pack) -> None:
    guide = pack.guides["coherence-framework"]
    assert guide.topic == "Coherence"
    assert guide.source.section == (
        "Coherence: The Right Drivers in Action for Schools, Districts, and Systems"
    )
    drivers = {section.id: section for section in guide.sections}["drivers"]
    pairs = [
        ("accountability", "capacity building"),
        ("individualistic solutions", "collaborative effort"),
        ("technology", "pedagogy"),
        ("fragmented strategies", "systemness"),
    ]
    assert len(drivers.points) == len(pairs)
    for point, (wrong, right) in zip(drivers.points, pairs, strict=True):
        assert point.text == f"Wrong driver: {wrong}. Right driver: {right}."


def test_coherence_framework_reflection_and_components(pack: Pack) -> None:
    guide = pack.guides["coherence-framework"]
    sections = {section.id: section for section in guide.sections}
    assert len(sections["reflection"].points) == 2
    assert [section.id for section in guide.sections][-4:] == [
        component for component, _, _ in COMPONENTS
    ]
    for component, title, count in COMPONENTS:
        section = sections[component]
        assert section.title == title
        assert len(section.points) == count
        assert [point.name for point in section.points] == _lettered(SUB_ITEMS[component])
