"""Pydantic models: content (cards, levels, endings), game state, decisions, saves.

One definition each, used for validation, for saving and for the JSON Schema editors read.
"""
