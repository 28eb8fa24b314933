"""The three video facilitation guides, the video-study protocol and the video-study
agenda templates, checked against the source guides (Union Hill, Connery, Oliver)."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack
from facilitator.pack.schema_video import VideoGuide

PRACTICES = (
    "Leadership, Shared Responsibility, and Professional Collaboration",
    "Intentional Practices for Improving Instruction",
    "Student-Specific Supports and Instruction to All Students",
    "School Climate and Culture",
)

SCHOOLS = {
    "union-hill": ("Union Hill Elementary School", "Union Hill"),
    "connery": ("Connery Elementary School", "Connery"),
    "oliver": ("Oliver Partnership School", "Oliver"),
}

# (practice number, speaker, time) for every example each guide gives, in order.
HIGHLIGHTS: dict[str, list[tuple[int, str, str]]] = {
    "union-hill": [
        (1, "Maria", "4:26-4:37"),
        (2, "Elizabeth", "5:02-5:25"),
        (3, "Elizabeth", "3:44-4:21"),
        (4, "Maria", "6:22-6:34"),
    ],
    "connery": [
        (1, "Katia", "3:32"),
        (2, "Joanne", "2:28"),
        (3, "Kerri", "5:13"),
        (4, "Jim", "3:07"),
    ],
    "oliver": [
        (1, "Heather", "5:05"),
        (1, "Kristen", "4:17"),
        (1, "Kristen", "7:32"),
    ],
}

# The elements of practice 1 the Oliver guide names, in order.
OLIVER_ELEMENTS = [
    "Using Autonomy and Authority to Improve Teaching and Learning",
    "Teaming, shared leadership and responsibility, and collaboration",
    "Using teams, shared leadership, and a collaborative and trusting environment"
    " to accelerate improvement",
]

# Every segment's ranges in seconds, with the number of questions it asks.
SEGMENTS: dict[str, list[tuple[list[tuple[int, int]], int]]] = {
    "union-hill": [
        ([(84, 100), (288, 301)], 2),  # 1:24-1:40, 4:48-5:01
        ([(171, 224), (342, 375)], 2),  # 2:51-3:44, 5:42-6:15
    ],
    "connery": [
        ([(133, 186), (205, 234)], 2),  # 2:13-3:06, 3:25-3:54 team structure
        ([(240, 292)], 2),  # 4:00-4:52 academic standards
        ([(51, 81), (332, 402)], 3),  # 0:51-1:21, 5:32-6:42 community beliefs
    ],
    "oliver": [
        ([(65, 75), (120, 138)], 1),  # 1:05-1:15, 2:00-2:18 vision
        ([(272, 305)], 2),  # 4:32-5:05 instructional culture
        ([(305, 335), (450, 465)], 2),  # 5:05-5:35, 7:30-7:45 teacher agency
    ],
}

SEGMENT_TITLES = {
    "connery": ["Team structure", "Academic standards", "Community held beliefs and practices"],
    "oliver": [
        "Setting a vision for success",
        "Changing the instructional culture",
        "Elevating teacher agency",
    ],
}

# Page numbers the guides give for the school's profile in the research report.
PROFILE_PAGES = {"union-hill": "62-68", "connery": "55-61", "oliver": None}


def guide(pack: Pack, guide_id: str) -> VideoGuide:
    assert guide_id in pack.video_guides, f"missing video guide {guide_id}"
    return pack.video_guides[guide_id]


def test_exactly_the_three_guides(pack: Pack) -> None:
    assert sorted(pack.video_guides) == sorted(SCHOOLS)


@pytest.mark.parametrize("guide_id", sorted(SCHOOLS))
def test_school_guiding_question_and_source(pack: Pack, guide_id: str) -> None:
    entry = guide(pack, guide_id)
    school, short = SCHOOLS[guide_id]
    assert entry.school == school
    assert entry.source.document == guide_id
    assert short in entry.guiding_question
    assert entry.guiding_question.endswith("?")
    assert entry.viewing


@pytest.mark.parametrize("guide_id", sorted(SCHOOLS))
def test_four_practices_in_order(pack: Pack, guide_id: str) -> None:
    assert guide(pack, guide_id).practices == PRACTICES


@pytest.mark.parametrize("guide_id", sorted(SCHOOLS))
def test_highlights_practice_speaker_and_time(pack: Pack, guide_id: str) -> None:
    entry = guide(pack, guide_id)
    found = [(h.practice, h.speaker, h.at) for h in entry.highlights]
    assert found == HIGHLIGHTS[guide_id]
    for highlight in entry.highlights:
        assert highlight.summary and highlight.example
        if guide_id != "oliver":
            assert highlight.title == PRACTICES[highlight.practice - 1]


def test_oliver_highlights_name_the_elements_of_practice_one(pack: Pack) -> None:
    assert [h.title for h in guide(pack, "oliver").highlights] == OLIVER_ELEMENTS


@pytest.mark.parametrize("guide_id", sorted(SCHOOLS))
def test_segments_ranges_and_question_counts(pack: Pack, guide_id: str) -> None:
    entry = guide(pack, guide_id)
    found = [
        ([(r.start, r.end) for r in segment.ranges], len(segment.questions))
        for segment in entry.segments
    ]
    assert found == SEGMENTS[guide_id]
    for segment in entry.segments:
        assert segment.prompt
        assert all(question.endswith("?") for question in segment.questions)


@pytest.mark.parametrize("guide_id", sorted(SEGMENT_TITLES))
def test_segment_titles(pack: Pack, guide_id: str) -> None:
    assert [s.title for s in guide(pack, guide_id).segments] == SEGMENT_TITLES[guide_id]


@pytest.mark.parametrize("guide_id", sorted(SCHOOLS))
def test_five_closing_questions(pack: Pack, guide_id: str) -> None:
    questions = guide(pack, guide_id).closing_questions
    assert len(questions) == 5
    assert len(set(questions)) == 5
    assert all(question.endswith("?") for question in questions)


@pytest.mark.parametrize("guide_id", sorted(SCHOOLS))
def test_related_resources(pack: Pack, guide_id: str) -> None:
    resources = guide(pack, guide_id).resources
    assert len(resources) == 2
    assert resources[0].startswith("Research on Effective Practices in School Turnaround")
    assert resources[1].startswith("Sustainable Improvement Plan Guidance")
    pages = PROFILE_PAGES[guide_id]
    if pages is None:
        assert "page" not in resources[0]
    else:
        assert f"pages {pages}" in resources[0]


def test_oliver_does_not_carry_over_the_doran_slip(pack: Pack) -> None:
    assert "Doran" not in guide(pack, "oliver").model_dump_json()


def test_video_study_protocol_steps(pack: Pack) -> None:
    protocol = pack.protocols["video-study"]
    assert protocol.source.document == "union-hill"
    assert [step.title for step in protocol.steps] == [
        "State the guiding question",
        "Watch the whole video",
        "Watch and discuss each segment",
        "Reflect on our context",
        "Agree next steps",
    ]
    assert all(step.detail for step in protocol.steps)


@pytest.mark.parametrize("guide_id", sorted(SCHOOLS))
def test_video_study_template(pack: Pack, guide_id: str) -> None:
    template = pack.agenda_templates[f"video-study-{guide_id}"]
    assert template.source.document == guide_id
    assert sum(item.minutes for item in template.items) == template.planned_minutes
    assert 45 <= template.planned_minutes <= 60
    video_items = [item for item in template.items if item.video]
    assert len(video_items) == 1
    watch = video_items[0]
    assert watch.video == guide_id and watch.video in pack.video_guides
    assert watch.process == "video-study" and watch.process in pack.protocols
    assert watch.kind == "discussion"
    # The watch-and-discuss item must at least cover the last moment the guide points to.
    last_second = max(r.end for s in pack.video_guides[guide_id].segments for r in s.ranges)
    assert watch.minutes * 60 > last_second
    assert [item.title for item in template.items] == [
        "Purpose and guiding question",
        "Watch and discuss",
        "Reflect on our context",
        "Next steps",
    ]
