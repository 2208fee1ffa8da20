"""The command line: one of the two front doors, beside the Streamlit app.

``python -m cli …`` and ``python -m loaders …`` run the same commands (cli.main). It reads the
data through ``loaders`` and the words and view models through ``views``; nothing imports it but
the two ``__main__`` launchers.
"""
