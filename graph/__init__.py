"""Poikki's data layer: the domain model, the GraphStore protocol and its backends."""
