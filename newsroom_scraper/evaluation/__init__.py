"""Measuring the extraction: gold pages and public evaluation sets, side by side with plain trafilatura."""
