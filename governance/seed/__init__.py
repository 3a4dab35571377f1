"""The registry's seed data: the facts of the source documents, as data files under version control.

``data/`` holds one YAML file per source document, each record naming the document it is
taken from, beside ``sources.yaml`` (the documents), ``counties.yaml`` (SCB's county codes)
and ``groups.yaml`` (the admin's groups). ``loader.load()`` reads them and is idempotent: it
creates what is missing and never touches a row that exists, so running it twice changes
nothing and a coordinator's edit of a seeded record survives a reload.
"""
