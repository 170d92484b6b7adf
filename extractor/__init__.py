"""extractor: press coverage to checked facts."""

__version__ = "0.1.0"
