"""The terminal front end: every screen as text, every question answered with a number."""
