"""Benchmarks behind `python -m nnstudio bench`: each module prints its figures, never asserts."""
