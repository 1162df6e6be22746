"""Records of an emulator's platform the tests name often: seeded ones by their role, and
records the seed does not have, written straight into the platform.

Example:
    >>> emulator = Emulator()
    >>> emulator.platform.components[petstore_id(emulator)].name
    'petstore'
    >>> component = foreign_component(emulator)
    >>> component.name, component.access
    ('secret', 'team')
"""

from __future__ import annotations

from elasticio.testing import Emulator
from elasticio.testing._areas.components.store import ComponentRecord
from elasticio.testing._areas.teams.store import TeamRecord

__all__ = ["foreign_component", "petstore_id"]


def petstore_id(emulator: Emulator) -> str:
    """The seeded petstore component: the contract's own, with two builds."""
    return emulator.seed.component_ids["petstore"]


def foreign_component(emulator: Emulator) -> ComponentRecord:
    """A private component of a team in another contract, whose one member is a stranger
    (no seeded user is in that contract)."""
    platform = emulator.platform
    stranger = platform.users.create(email="stranger@example.com")
    contract = platform.contracts.create(name="Other", owner_ids=[stranger.id])
    team = platform.teams.add(
        TeamRecord(name="other-dev", contract_id=contract.id, user_ids=[stranger.id])
    )
    return platform.components.create(team_id=team.id, name="secret")
