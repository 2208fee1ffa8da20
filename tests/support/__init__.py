"""Helpers shared by the tests and the benchmarks: the frozen data, the local UNTC stand-in,
the refresh helpers, AppTest and browser harnesses."""
