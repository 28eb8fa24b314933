"""The Textual app: screens, modals, widgets, and the one action table behind keys,
footer, help and command palette."""
