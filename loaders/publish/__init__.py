"""What the data publishes for reuse: the open data package, the Atom feed of acts, briefs and the
formatted workbook. Written after a refresh or compile-reference (cli.main), never by the app.
"""
