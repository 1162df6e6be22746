"""Members with roles: one implementation serves contracts and workspaces."""

from __future__ import annotations

import pytest

from elasticio.testing import Emulator
from elasticio.testing._areas._membership import MemberTable


@pytest.mark.parametrize("scope", ["contracts", "workspaces"])
def test_adding_a_member_sets_or_replaces_the_roles(emulator: Emulator, scope: str) -> None:
    """``add_member`` makes a user a member with the roles, replacing earlier ones."""
    table: MemberTable = getattr(emulator.platform, scope)
    scope_id = next(iter(table))
    user = emulator.platform.users.create(email="member@example.com")
    table.add_member(scope_id, user.id, ["admin"])
    table.add_member(scope_id, user.id, ["guest"])
    assert table[scope_id].members[user.id] == ["guest"]
    assert [record.id for record in table.with_member(user.id)] == [scope_id]


@pytest.mark.parametrize("scope", ["contracts", "workspaces"])
def test_an_unknown_user_or_scope_is_refused(emulator: Emulator, scope: str) -> None:
    """Making an unknown user a member, or a member of an unknown record, is a KeyError."""
    table: MemberTable = getattr(emulator.platform, scope)
    with pytest.raises(KeyError, match="no such user"):
        table.add_member(next(iter(table)), "nobody", ["guest"])
    with pytest.raises(KeyError, match=f"no such {table.label}"):
        table.add_member("nowhere", emulator.seed.owner.id, ["guest"])


def test_owners_join_what_they_create(emulator: Emulator) -> None:
    """A contract and a workspace created with ``owner_ids`` have them as owners."""
    owner = emulator.seed.owner.id
    contract = emulator.platform.contracts.create(name="Other", owner_ids=[owner])
    workspace = emulator.platform.workspaces.create(
        contract_id=contract.id, name="W", owner_ids=[owner]
    )
    assert contract.members == workspace.members == {owner: ["owner"]}
