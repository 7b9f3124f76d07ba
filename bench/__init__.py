"""Benchmarks of the generator and the site at 100, 1,000 and 10,000 stretches (`make bench`)."""
