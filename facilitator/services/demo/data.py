"""The demo: a school leadership team a first-time user can explore.

Dates are relative to the day the demo is loaded, so it always shows a meeting coming
up next week and one held two weeks ago, with its minutes, decisions, action items,
parking lot and evaluations. Names and e-mail addresses are invented (example.org).
"""

from __future__ import annotations

DEMO_TEAM = "Riverside Elementary Leadership Team"
DEMO_PURPOSE = "Every Riverside student reads and writes with confidence by the end of grade 5."

MEMBERS = (
    ("Maria Alvarez", "Principal", "maria.alvarez@riverside.example.org"),
    ("Daniel Okafor", "Assistant principal", "daniel.okafor@riverside.example.org"),
    (
        "Priya Raman",
        "Grade 3 teacher, union building representative",
        "priya.raman@riverside.example.org",
    ),
    ("Tom Becker", "Grade 5 teacher", "tom.becker@riverside.example.org"),
    ("Aisha Karimi", "Literacy coach", "aisha.karimi@riverside.example.org"),
    ("Lena Fischer", "Special education teacher", "lena.fischer@riverside.example.org"),
    ("Jorge Medina", "Grade 1 teacher", None),
    ("Grace Liu", "School counselor", "grace.liu@riverside.example.org"),
)
GUEST = "Sam Ortiz (district literacy specialist)"

CUSTOM_NORMS = (
    ("Start and end on time; phones face down.", "time"),
    ("What is said here stays here; what is decided here is shared.", "confidentiality"),
)

ROLES = (
    ("chair", "Maria Alvarez"),
    ("facilitator", "Aisha Karimi"),
    ("recorder", "Priya Raman"),
    ("timekeeper", "Tom Becker"),
)

# (title, goal, presenter, planned minutes, actual minutes, kind, notes)
EARLIER_AGENDA = (
    (
        "Welcome, purpose and norms",
        "Open on time and restate the purpose and goals.",
        "Maria Alvarez",
        5,
        5,
        "information",
        "Started 15:31. Maria restated the writing focus and the three goals for today.",
    ),
    (
        "Review of action items",
        "Check each open action item from October.",
        "Maria Alvarez",
        10,
        12,
        "information",
        "Walkthrough schedule done. Rubric draft still in progress (Aisha).\n"
        "Family survey results came in: 142 responses, summary to follow.",
    ),
    (
        "Progress on key strategies",
        "See where each writing strategy stands, with data.",
        "Aisha Karimi",
        15,
        18,
        "discussion",
        "Opinion-writing samples: 41% of grade 3-5 samples at or above the rubric's "
        "'proficient' band (September: 33%).\n"
        "Teachers asked for a shared rubric; conferences happen in some rooms, not all.",
    ),
    (
        "Guiding question: what does strong writing instruction look like here?",
        "Build a shared picture before we choose what to focus on.",
        "Daniel Okafor",
        10,
        11,
        "discussion",
        "Common threads: modelling with mentor texts, time to write every day, "
        "feedback while students write. Sam shared district exemplars.\n"
        "Adopted as our shared picture by consensus.",
    ),
    (
        "Decisions and adjustments",
        "Choose the strategies we focus on through February.",
        "Maria Alvarez",
        15,
        12,
        "decision",
        "Multi-vote in two rounds: six strategies narrowed to three, then two chosen.\n"
        "Compromise on how often teachers confer. Walkthroughs move to Tuesdays by a "
        "two-thirds vote.\nLunch-time conferences deferred: Priya blocked, for the staff "
        "council.",
    ),
    (
        "Next steps and closure",
        "Owners and dates for every action; what we tell staff.",
        "Maria Alvarez",
        5,
        6,
        "discussion",
        "Action items confirmed. Communication plan agreed.\n"
        "Maria set Aisha's coaching time after consulting her and Priya. No date yet for "
        "the family writing night.",
    ),
)

# (what, owner, due in days from today, done)
ACTIONS = (
    ("Share the opinion-writing rubric draft with grade-level teams", "Aisha Karimi", -7, True),
    ("Summarise November walkthrough data for the staff meeting", "Daniel Okafor", -4, False),
    ("Draft the family writing-night invitation", "Grace Liu", 5, False),
    ("Set up a weekly conference schedule template", "Tom Becker", 9, False),
    ("Ask the district about substitute cover for peer observations", "Maria Alvarez", 12, False),
)

# (text, raised by, status, disposition note)
PARKING = (
    ("Could PLC time be used for peer observations?", "Priya Raman", "open", ""),
    ("Recess duty rotation", "Jorge Medina", "resolved", "Handed to the staff council."),
    ("Budget for classroom libraries", "Tom Becker", "next_agenda", "On December's agenda."),
)

TAKEAWAYS = (
    "Through February we focus on two writing strategies: a shared opinion-writing rubric "
    "and weekly writing conferences.",
    "Walkthroughs move from Thursdays to Tuesdays from December.",
)

# (key message, stakeholders, messenger, method, timeline)
COMMUNICATION = (
    (
        "Our writing focus through February",
        "All teaching staff",
        "Maria Alvarez",
        "Staff meeting and the Friday bulletin",
        "Next staff meeting",
    ),
    ("Walkthroughs move to Tuesdays", "Grade-level teams", "Daniel Okafor", "E-mail", "By Friday"),
)

PLUS_DELTA = (
    (
        "Maria Alvarez",
        "We chose a focus together instead of adding another initiative.",
        "Review of action items ran over; send updates in writing beforehand.",
    ),
    (
        "Tom Becker",
        "The data made the discussion concrete.",
        "We talked over each other during the data review.",
    ),
    (None, "Sam's exemplars helped.", "Not everyone spoke in the guiding-question discussion."),
    ("Grace Liu", "Clear owners and dates at the end.", "Start the meeting on time."),
)

# Effective Team Assessment: nine dimensions rated 1-7 (guidebook, Team Assessment Tools).
TEAM_ASSESSMENT_ITEMS = (
    "goals-and-objectives",
    "utilization-of-resources",
    "trust-and-conflict-resolution",
    "leadership",
    "control-and-procedures",
    "interpersonal-communication",
    "problem-solving-decision-making",
    "experimentation-creativity",
    "evaluation",
)
TEAM_ASSESSMENT = (
    ("Aisha Karimi", (6, 5, 4, 5, 5, 5, 6, 4, 3)),
    ("Priya Raman", (5, 4, 4, 4, 5, 4, 5, 5, 4)),
    ("Jorge Medina", (6, 4, 3, 5, 4, 4, 5, 4, 3)),
)

# (title, goal, presenter, minutes, kind, process, steps)
NEXT_AGENDA = (
    (
        "Welcome, purpose and norms",
        "Open on time; restate purpose, goals and norms.",
        "Maria Alvarez",
        5,
        "information",
        None,
        (),
    ),
    (
        "Review of action items",
        "Check each action item from November: done, on track or stuck.",
        "Maria Alvarez",
        8,
        "information",
        None,
        (),
    ),
    (
        "November walkthrough data",
        "Agree what the data shows before deciding anything.",
        "Daniel Okafor",
        12,
        "discussion",
        None,
        (),
    ),
    (
        "Supporting weekly writing conferences",
        "Find options that meet teachers' and students' interests.",
        "Aisha Karimi",
        15,
        "discussion",
        "interest-based-problem-solving",
        (
            "Define the issues",
            "Identify stakeholders and interests",
            "Generate options",
            "Evaluate options",
            "Commit to solutions",
            "Agree on a plan of action",
        ),
    ),
    (
        "Classroom library budget",
        "Decide how to split this year's library budget.",
        "Tom Becker",
        10,
        "decision",
        "consensus",
        (),
    ),
    (
        "Peer observations in PLC time",
        "Hear the question from the parking lot and decide whether to take it up.",
        "Priya Raman",
        5,
        "discussion",
        None,
        (),
    ),
    (
        "Next steps and closure",
        "Owners and dates; items for January; key messages.",
        "Maria Alvarez",
        5,
        "discussion",
        None,
        (),
    ),
)

SECOND_TEAM = "Grade 3 Collaborative Learning Team"
SECOND_PURPOSE = "Every third grader meets the spring reading benchmark."
SECOND_MEMBERS = (
    ("Priya Raman", "Grade 3 teacher", "priya.raman@riverside.example.org"),
    ("Hannah Cole", "Grade 3 teacher", "hannah.cole@riverside.example.org"),
    ("Marcus Reed", "Grade 3 teacher", None),
    ("Lena Fischer", "Special education teacher", "lena.fischer@riverside.example.org"),
)
SECOND_AGENDA = (
    (
        "What do we want students to learn?",
        "Name the unit's essential reading skills.",
        "Hannah Cole",
        10,
        "discussion",
    ),
    (
        "How will we know they have learned it?",
        "Look at the benchmark results together.",
        "Priya Raman",
        15,
        "discussion",
    ),
    (
        "What will we do if they have not?",
        "Plan small-group support for the next three weeks.",
        "Marcus Reed",
        10,
        "decision",
    ),
    (
        "What will we do if they already know it?",
        "Plan extension for students above benchmark.",
        "Lena Fischer",
        10,
        "discussion",
    ),
)
