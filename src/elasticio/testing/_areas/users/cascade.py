"""What deleting a user does to the rest of the platform, as the docs list it.

* their SSH keys go;
* in a workspace with another owner, their flows, credentials and data samples pass to
  the next owner; a workspace whose last owner they were goes with all its data;
* in a contract with another owner, their team memberships pass to the next owner;
  a contract of which they are the only member goes with its workspaces and the teams
  that own no component repositories;
* every other membership (contract, workspace, team) simply ends.
"""

from __future__ import annotations

from elasticio.testing._areas.workspaces.cascade import delete_workspace, hand_over
from elasticio.testing._platform import Platform

__all__ = ["delete_user"]


def _next_owner(members: dict[str, list[str]], leaving: str) -> str | None:
    return next((u for u, roles in members.items() if u != leaving and "owner" in roles), None)


def delete_user(platform: Platform, user_id: str) -> None:
    """Delete the user and what only they held."""
    platform.users.require(user_id)
    for key in platform.ssh_keys.where(lambda k: k.user_id == user_id):
        platform.ssh_keys.delete(key.id)
    for workspace in platform.workspaces.with_member(user_id):
        heir = _next_owner(workspace.members, user_id)
        if heir is None:
            delete_workspace(platform, workspace.id)
            continue
        hand_over(platform, workspace.id, user_id, heir)
        del workspace.members[user_id]
    for contract in platform.contracts.with_member(user_id):
        teams = [t for t in platform.teams.values() if t.contract_id == contract.id]
        if contract.members.keys() == {user_id}:
            for workspace in list(platform.workspaces.values()):
                if workspace.contract_id == contract.id:
                    delete_workspace(platform, workspace.id)
            owning = {c.team_id for c in platform.components.values()}
            for team in teams:
                if team.id not in owning:  # repositories may serve other contracts' flows
                    platform.teams.delete(team.id)
            platform.contracts.delete(contract.id)
            continue
        heir = _next_owner(contract.members, user_id)
        for team in teams:
            if user_id in team.user_ids:
                team.user_ids.remove(user_id)
                if heir is not None and heir not in team.user_ids:
                    team.user_ids.append(heir)
        del contract.members[user_id]
    platform.users.delete(user_id)
