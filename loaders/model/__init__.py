"""Validated models: what every fact must look like before the project keeps it (pydantic),
dates at the precision the sources give, the status enum and the names of states."""
