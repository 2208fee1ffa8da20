"""Ratify Americas data layer: UNTC loaders, validated models, the snapshot and pure derivations.

Nothing in this package imports streamlit; the dashboard pages sit on top of it.
"""
