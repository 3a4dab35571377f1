"""Factories per area: minimal valid registry rows with sensible defaults.

Tests of a rule (status, dates, scope, routing conflicts, permissions …) build the few rows
they need here instead of relying on the seed registry; see tests/conftest.py. Every function
creates and returns saved rows; keyword arguments override the defaults. Counties are got or
created by their SCB code (``bodies.county("14")``) with the name the seed gives them.
"""
