"""The pygame front end: an app loop, a scene stack, scenes, widgets and a theme.

Front ends only translate: input into decisions for the engine, state into pixels.
"""
