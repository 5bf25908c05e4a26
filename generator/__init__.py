"""Crisis timeline generator: articles -> dated mentions -> events -> entries -> static site."""

__version__ = "0.1.0"
