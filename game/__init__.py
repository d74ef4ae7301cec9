"""The Great Break: a turn-based strategy game about Soviet collectivization, 1928-1933."""

__version__ = "0.1.0"
