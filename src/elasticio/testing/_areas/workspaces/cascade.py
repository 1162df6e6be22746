"""What leaving or deleting a workspace does to the records that live in it.

The records a workspace holds (flows, credentials, auth secrets and the auth clients of
its scope, data samples, topics, scheduled executions, recipes and recipe deployments)
go with it when it is deleted; a member's
flows, credentials and data samples pass to another user when the member leaves, as the
docs describe for both.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from elasticio.testing._platform import Platform
from elasticio.testing._table import Table

__all__ = ["delete_workspace", "hand_over", "held_tables"]


def held_tables(platform: Platform) -> Iterator[Table[Any]]:
    """The tables of records that live in a workspace (their ``workspace_id``), in an
    order that deletes what refers to a record before the record."""
    yield platform.flows
    yield platform.credentials
    yield platform.auth_secrets
    yield platform.auth_clients
    yield platform.data_samples
    yield platform.topics
    yield platform.executions
    yield platform.recipe_deployments
    yield platform.recipes


def hand_over(platform: Platform, workspace_id: str, from_user: str, to_user: str) -> None:
    """Give ``from_user``'s flows, credentials and data samples in the workspace to
    ``to_user``."""
    for table in (platform.flows, platform.credentials, platform.data_samples):
        for record in table.where(
            lambda r: r.workspace_id == workspace_id and r.user_id == from_user
        ):
            record.user_id = to_user


def delete_workspace(platform: Platform, workspace_id: str) -> None:
    """Delete the workspace and every record in it."""
    for table in held_tables(platform):
        for record in table.where(lambda r: r.workspace_id == workspace_id):
            table.delete(record.id)
    platform.workspaces.delete(workspace_id)
