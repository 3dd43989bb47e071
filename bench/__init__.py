"""Benchmarks with their baselines, measured in the same run (``python -m bench``)."""
