"""Helpers shared by the tests and the benchmark (neither imports the other)."""
