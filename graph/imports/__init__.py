"""Bulk import: Poikki JSON Lines, CSV bundles and Popolo JSON read into one checked Batch."""

from graph.imports.batch import Batch
from graph.imports.problems import ImportRejected, Problem
from graph.imports.reader import check_against_store, read_files

__all__ = ["Batch", "ImportRejected", "Problem", "check_against_store", "read_files"]
