"""Exports of a network in the formats visualisation tools open."""
