"""Alembic environment: run migrations on the connection armstrack hands over."""

from __future__ import annotations

from alembic import context

from armstrack.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("armstrack runs its migrations itself: use armstrack.store.open_store()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
