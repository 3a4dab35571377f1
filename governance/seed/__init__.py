"""The registry's seed data: the facts of the source documents, as data under version control.

``load()`` is idempotent: it creates what is missing and never touches a row
that exists, so running it twice changes nothing and a coordinator's edit of a
seeded record survives a reload.
"""
