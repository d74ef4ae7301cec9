"""Loading and validating content files (cards, levels) with exact error positions."""
