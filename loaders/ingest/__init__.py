"""Bringing facts in: a refresh from UNTC (fetch, map names, check, publish) and the compiled
snapshot of the researched reference facts."""
