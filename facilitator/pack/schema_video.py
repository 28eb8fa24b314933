"""Pack models for the video facilitation guides: segments, highlights and the video
times they point to."""

from __future__ import annotations

import re

from pydantic import Field, field_validator, model_validator

from facilitator.pack.schema_base import Entry, Strict

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")


def clock_seconds(text: str) -> int:
    """ "4:26" -> 266 seconds, "1:02:03" -> 3723; ValueError for anything else."""
    match = _CLOCK.match(text.strip())
    if not match or int(match.group(3)) >= 60 or (match.group(1) and int(match.group(2)) >= 60):
        raise ValueError(f'"{text}" is not a video time like 4:26 or 1:02:03')
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


# Video guides ----------------------------------------------------------------------


class TimeRange(Strict):
    """A stretch of a video, written "1:24-1:40" in the data files."""

    start: int = Field(ge=0)
    """Start, in seconds from the beginning of the video."""
    end: int = Field(ge=0)
    """End, in seconds."""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.replace("–", "-").split("-")]
            if len(parts) != 2:
                raise ValueError(f'"{value}" is not a time range like 1:24-1:40')
            return {"start": clock_seconds(parts[0]), "end": clock_seconds(parts[1])}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> TimeRange:
        if self.end <= self.start:
            raise ValueError("a time range must end after it starts")
        return self

    def label(self) -> str:
        return f"{_clock(self.start)}–{_clock(self.end)}"


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class VideoHighlight(Strict):
    """How the video shows one turnaround practice, with the moment that shows it."""

    practice: int = Field(ge=1, le=4)
    """Which of the four turnaround practices (1-4)."""
    title: str = Field(min_length=1)
    """The practice (or the part of it) as the guide names it."""
    summary: str = Field(min_length=1)
    """What the school does, in the project's words."""
    speaker: str = Field(min_length=1)
    """Who says it in the video (first name, as the guide gives it)."""
    at: str
    """When: a time ("3:32") or a range ("4:26-4:37")."""
    example: str = Field(min_length=1)
    """The gist of what the speaker says, paraphrased."""

    @field_validator("at")
    @classmethod
    def _time_or_range(cls, value: str) -> str:
        if "-" in value.replace("–", "-"):
            TimeRange.model_validate(value)
        else:
            clock_seconds(value)
        return value


class VideoSegment(Strict):
    """A part of the video to watch, then discuss."""

    title: str = Field(min_length=1)
    """The segment's theme."""
    ranges: tuple[TimeRange, ...] = Field(min_length=1)
    """Where in the video, in order."""
    prompt: str = ""
    """What the segment shows, to set up the discussion."""
    questions: tuple[str, ...] = Field(min_length=1)
    """Questions to discuss after watching."""


class VideoGuide(Entry):
    """A video facilitation guide: watch a school's story and reflect on it."""

    school: str = Field(min_length=1)
    """The school the video is about."""
    guiding_question: str = Field(min_length=1)
    """The question the whole viewing serves."""
    viewing: str = Field(min_length=1)
    """What to look for while watching."""
    practices: tuple[str, ...] = Field(min_length=4, max_length=4)
    """The four turnaround practices, numbered 1 to 4 in order."""
    highlights: tuple[VideoHighlight, ...] = Field(min_length=1)
    """How the video shows the practices, each with an example and its time."""
    segments: tuple[VideoSegment, ...] = Field(min_length=1)
    """The segments to watch and discuss, in order."""
    closing_questions: tuple[str, ...] = Field(min_length=1)
    """Questions that bring the viewing back to the team's own context."""
    resources: tuple[str, ...] = ()
    """Related resources the guide points to."""
