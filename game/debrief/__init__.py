"""The debrief: what happened in a game, set beside the record, as data, HTML and a result file."""
