"""The data on disk: reference tables, checksummed snapshots with their history and change log,
and the dataset the app and the command line read from them."""
