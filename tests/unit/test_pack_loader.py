"""The content pack loads as shipped, and a broken file is one sentence naming file and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.errors import ContentError
from facilitator.pack.loader import Pack, load_pack
from facilitator.pack.locate import packaged_content_dir

SEVEN_NORMS = [
    "pausing",
    "paraphrasing",
    "probing",
    "putting-ideas-on-the-table",
    "paying-attention-to-self-and-others",
    "presuming-positive-presuppositions",
    "pursuing-a-balance-between-advocacy-and-inquiry",
]
TEMPLATE = Path("agenda_templates") / "leadership-team.toml"
TEMPLATE_LABEL = "content/agenda_templates/leadership-team.toml"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the packaged content that a test may break."""
    destination = tmp_path / "content"
    shutil.copytree(packaged_content_dir(), destination)
    return destination


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_error(roots: list[Path]) -> str:
    with pytest.raises(ContentError) as raised:
        load_pack(roots)
    sentence = raised.value.sentence
    assert "\n" not in sentence and sentence.endswith(".")
    return sentence


def test_packaged_pack_has_the_seven_norms(pack: Pack) -> None:
    assert list(pack.norms) == SEVEN_NORMS
    assert pack.norms["probing"].name == "Probing"
    assert all(norm.practice for norm in pack.norms.values())


def test_packaged_pack_has_the_meeting_roles(pack: Pack) -> None:
    assignable = [role_id for role_id, role in pack.roles.items() if role.assignable]

    assert assignable == ["chair", "facilitator", "recorder", "timekeeper"]
    assert pack.roles["team-member"].assignable is False


def test_packaged_pack_has_the_leadership_template(pack: Pack) -> None:
    template = pack.agenda_templates["leadership-team"]

    assert template.planned_minutes == 60
    assert [item.minutes for item in template.items] == [5, 10, 15, 15, 10, 5]
    assert {item.kind for item in template.items} == {"information", "discussion", "decision"}


def test_every_entry_names_a_listed_source(pack: Pack) -> None:
    entries = [*pack.norms.values(), *pack.roles.values(), *pack.agenda_templates.values()]

    assert entries
    for entry in entries:
        assert entry.source.document in pack.sources, entry.id
        assert entry.source.section


def breaks(content: Path) -> dict[str, tuple[Callable[[], object], list[str]]]:
    """Ways to break the content, each with words the error sentence must contain."""
    norms = content / "norms.toml"
    return {
        "missing norms.toml": (norms.unlink, ["content/norms.toml", "missing"]),
        "invalid TOML": (
            lambda: norms.write_text('[[norm]\nid = "x"\n', encoding="utf-8"),
            ["content/norms.toml", "not valid TOML"],
        ),
        "norm without a name": (
            lambda: edit(norms, 'name = "Probing"\n', ""),
            ["content/norms.toml", 'norm 3 ("probing")', 'field "name"'],
        ),
        "unknown field": (
            lambda: edit(content / "roles.toml", 'id = "recorder"', 'id = "recorder"\ncolour = 1'),
            ["content/roles.toml", '"recorder"', 'field "colour"'],
        ),
        "template item of 0 minutes": (
            lambda: edit(content / TEMPLATE, "minutes = 10", "minutes = 0"),
            ["content/agenda_templates/leadership-team.toml", 'field "items[2].minutes"'],
        ),
        "unknown source document": (
            lambda: edit(norms, 'document = "guidebook"', 'document = "lost-book"'),
            ["content/norms.toml", '"pausing"', '"lost-book"', "sources.toml"],
        ),
        "duplicate id": (
            lambda: edit(norms, 'id = "probing"', 'id = "pausing"'),
            ["content/norms.toml", 'id "pausing"', "unique"],
        ),
        "stray top-level key": (
            lambda: norms.write_text("version = 2\n" + norms.read_text(encoding="utf-8")),
            ["content/norms.toml", '"version"'],
        ),
        "no entries": (
            lambda: norms.write_text("# nothing yet\n", encoding="utf-8"),
            ["content/norms.toml", "[[norm]]"],
        ),
        "not UTF-8": (
            lambda: norms.write_bytes(b"\xff\xfe[[norm]]"),
            ["content/norms.toml", "cannot be read"],
        ),
        "no templates": (
            lambda: shutil.rmtree(content / "agenda_templates"),
            ["agenda_templates/*.toml"],
        ),
    }


BREAKS = list(breaks(Path("unused")))


@pytest.mark.parametrize("how", BREAKS)
def test_broken_content_is_one_sentence(content: Path, how: str) -> None:
    damage, words = breaks(content)[how]
    damage()

    sentence = load_error([content])

    for word in words:
        assert word in sentence


def test_user_root_can_add_a_template(content: Path, tmp_path: Path) -> None:
    user = tmp_path / "user"
    (user / "agenda_templates").mkdir(parents=True)
    ours = (content / TEMPLATE).read_text(encoding="utf-8")
    ours = ours.replace('id = "leadership-team"', 'id = "our-plc"')
    (user / "agenda_templates" / "our-plc.toml").write_text(ours, encoding="utf-8")

    packaged = load_pack([content])
    pack = load_pack([content, user])

    # The school's template comes after every packaged one; nothing else changes.
    assert list(pack.agenda_templates) == [*packaged.agenda_templates, "our-plc"]
    assert pack.origins[("agenda_templates", "our-plc")].endswith("our-plc.toml")
    assert list(pack.norms) == SEVEN_NORMS
    assert pack.problems == ()


def test_broken_user_file_is_skipped_and_named_by_its_full_path(
    content: Path, tmp_path: Path
) -> None:
    """A school's broken file never stops the packaged content from loading."""
    user = tmp_path / "user"
    (user / "agenda_templates").mkdir(parents=True)
    broken = user / "agenda_templates" / "our-plc.toml"
    text = (content / TEMPLATE).read_text(encoding="utf-8")
    text = text.replace('id = "leadership-team"', 'id = "our-plc"').replace(
        "minutes = 5", "minutes = 0"
    )
    broken.write_text(text, encoding="utf-8")
    good = user / "norms.toml"
    good.write_text(
        '[[norm]]\nid = "phones-away"\nname = "Phones away"\npractice = "Phones stay in bags."\n'
        'source = { document = "guidebook", section = "Developing Norms" }\n',
        encoding="utf-8",
    )

    pack = load_pack([content, user])

    assert "our-plc" not in pack.agenda_templates
    assert "leadership-team" in pack.agenda_templates
    assert list(pack.norms) == [*SEVEN_NORMS, "phones-away"]
    [problem] = pack.problems
    assert problem.startswith(f"{broken}: ")
    assert 'field "items[1].minutes"' in problem
    assert problem.endswith("The file was skipped.")


def test_user_root_cannot_reuse_a_packaged_id(content: Path, tmp_path: Path) -> None:
    user = tmp_path / "user"
    (user / "agenda_templates").mkdir(parents=True)
    copy = user / "agenda_templates" / "mine.toml"
    shutil.copyfile(content / TEMPLATE, copy)

    pack = load_pack([content, user])

    [problem] = pack.problems
    assert problem.startswith(f"{copy}: ")
    assert "content/agenda_templates/leadership-team.toml" in problem
    assert pack.origins[("agenda_templates", "leadership-team")] == TEMPLATE_LABEL


def test_user_file_naming_an_unknown_protocol_is_skipped(content: Path, tmp_path: Path) -> None:
    user = tmp_path / "user"
    (user / "agenda_templates").mkdir(parents=True)
    mine = user / "agenda_templates" / "mine.toml"
    text = (content / TEMPLATE).read_text(encoding="utf-8")
    mine.write_text(
        text.replace('id = "leadership-team"', 'id = "mine"').replace(
            'kind = "information"', 'kind = "information"\nprocess = "no-such-protocol"', 1
        ),
        encoding="utf-8",
    )

    pack = load_pack([content, user])

    assert "mine" not in pack.agenda_templates
    [problem] = pack.problems
    assert problem.startswith(f'{mine}: "mine" item 1 names protocol "no-such-protocol"')


TOML_FRAGMENTS = st.sampled_from(
    [
        "[[norm]]\n",
        "[norm]\n",
        'id = "pausing"\n',
        'id = "probing"\n',
        "id = 3\n",
        'id = "Not A Slug"\n',
        'name = "Pausing"\n',
        "name = 1979-05-27T07:32:00Z\n",
        'practice = "Wait."\n',
        'starters = ["So...", 1]\n',
        'source = { document = "guidebook", section = "Norms" }\n',
        'source = { document = "lost-book", section = "" }\n',
        'source = "guidebook"\n',
        "extra = true\n",
        "nested = [[[1]]]\n",
        '"\n',
        "= \n",
        "[[document]]\n",
    ]
)
ORIGINAL_NORMS = (packaged_content_dir() / "norms.toml").read_text(encoding="utf-8")
GARBAGE = st.one_of(
    st.lists(TOML_FRAGMENTS, max_size=14).map("".join),
    st.text(alphabet="[]{}\"'=\n ,.#abcdeinmopstr0123456789_-\\", max_size=120),
    st.text(max_size=60),
    st.tuples(st.integers(0, len(ORIGINAL_NORMS)), st.integers(0, 60), st.text(max_size=12)).map(
        lambda cut: ORIGINAL_NORMS[: cut[0]] + cut[2] + ORIGINAL_NORMS[cut[0] + cut[1] :]
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=GARBAGE)
def test_any_norms_file_loads_or_is_one_content_error(content: Path, text: str) -> None:
    (content / "norms.toml").write_text(text, encoding="utf-8")

    try:
        pack = load_pack([content])
    except ContentError as error:
        assert "content/norms.toml" in error.sentence
    else:
        assert pack.norms
        assert all(norm.source.document in pack.sources for norm in pack.norms.values())


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("School Learning Team", "school-learning-team"),
        ("  school   LEARNING team ", "school-learning-team"),
        ("district-learning-team", "district-learning-team"),
        ("Grade-level  team", "Grade-level team"),
        ("   ", None),
    ],
)
def test_a_typed_team_type_is_stored_as_the_packs_id_or_as_typed(
    pack: Pack, typed: str, stored: str | None
) -> None:
    assert pack.team_kind(typed) == stored


def test_a_schools_malformed_instrument_is_named_with_its_field_and_skipped(
    content: Path, tmp_path: Path
) -> None:
    """Issue 17's bad input: a school's own instrument with a rating scale whose low end
    is above its high end is reported with file and field; the shipped ones still load."""
    user = tmp_path / "user"
    (user / "instruments").mkdir(parents=True)
    broken = user / "instruments" / "our-check.toml"
    broken.write_text(
        'id = "our-check"\nname = "Our check"\nsummary = "Three questions."\n'
        'use = "meeting"\nsource = { document = "guidebook", section = "Meetings That Work" }\n'
        '[scale]\nkind = "rating"\nmin = 5\nmax = 1\n'
        '[[sections]]\nid = "ours"\ntitle = "Ours"\n'
        '[[sections.items]]\nid = "clear"\ntext = "We left with clear outcomes"\n',
        encoding="utf-8",
    )

    pack = load_pack([content, user])

    assert "our-check" not in pack.instruments
    assert "effective-team-assessment" in pack.instruments
    [problem] = pack.problems
    assert problem.startswith(f"{broken}: ")
    assert "scale" in problem and "min below max" in problem
    assert problem.endswith("The file was skipped.")
