"""GraphStore implementations."""
