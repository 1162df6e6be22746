"""The components' docs examples with their ids filled in, for the respx and model tests.

Example:
    >>> docs("get")["data"]["id"] == COMPONENT_ID
    True
"""

from __future__ import annotations

from tests._support.docs import examples_of

COMPONENT_ID = "5a7c0c6b8b3f5e0011a1b2c3"
CONTRACT_ID = "5a7c0c6b8b3f5e0011c0ffee"
TEAM_ID = "5a7c0c6b8b3f5e0011beef01"
WORKSPACE_ID = "5a7c0c6b8b3f5e0011f00d42"
REVISION = "3a6b0f2e9c1d4b5a6f7e8d9c0b1a2f3e4d5c6b7a"
DESCRIPTOR_ID = "0eff1d1a46b78ba1f468982e16d0382e8a91280d"

_PLACEHOLDERS = {
    "{COMPONENT_ID}": COMPONENT_ID,
    "{REPOSITORY_ID}": COMPONENT_ID,
    "{CONTRACT_ID}": CONTRACT_ID,
    "{TEAM_ID}": TEAM_ID,
    "{GIT_REVISION}": REVISION,
}


docs = examples_of("components", _PLACEHOLDERS)
"""A docs example from ``tests/fixtures/components`` by name, its placeholders filled in."""
