"""Alembic migrations of the armstrack store (script location ``armstrack.store:migrations``)."""
