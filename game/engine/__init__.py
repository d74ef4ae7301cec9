"""The pure game engine: state + decision + seeded generator -> next state + what happened.

Nothing here imports pygame, reads files, looks at the clock or uses the global random module.
"""
