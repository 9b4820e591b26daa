"""Resolver functions, per-request context and DataLoaders. No query strings are built here."""
