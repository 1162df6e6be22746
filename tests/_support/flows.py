"""The flows' docs examples with their ids filled in, for the respx and model tests.

Example:
    >>> docs("get")["data"]["id"] == FLOW_ID
    True
"""

from __future__ import annotations

from typing import Any

from tests._support.docs import examples_of

# The ids the docs' own examples use, and values for the examples' placeholders.
FLOW_ID = "585918da586224001b96de89"
WORKSPACE_ID = "573dd76962436c349f000003"
USER_ID = "560e5a27734d480a00000002"
VERSION_HASH = "787513ee82625ef46bc10372cb6485a535b54c5f"
DRAFT_ID = "5abe0cabaa56a1749856226b"
DEST_FLOW_ID = "5c0f8b1e2a3b4c5d6e7f8091"
DEST_WORKSPACE_ID = "5c0f8b1e2a3b4c5d6e7f8092"
TOPIC_ID = "5c0f8b1e2a3b4c5d6e7f8093"
STEP_ID = "step_1"

_PLACEHOLDERS = {
    "{FLOW_ID}": FLOW_ID,
    "{WORKSPACE_ID}": WORKSPACE_ID,
    "{USER_ID}": USER_ID,
    "{FLOW_VERSION_ID}": VERSION_HASH,
    "{DRAFT_ID}": DRAFT_ID,
    "{DESTINATION_FLOW_ID}": DEST_FLOW_ID,
    "{DESTINATION_WORKSPACE_ID}": DEST_WORKSPACE_ID,
    "{TOPIC_ID}": TOPIC_ID,
    "{DRAFT_NAME}": "Copied flow",
    "{STEP_ID}": STEP_ID,
    "{COMPONENT_ID}": "55ba18e35d04040500000004",
    "{CREDENTIAL_ID}": "5c0f8b1e2a3b4c5d6e7f80c1",
    "{DATA_SAMPLE_ID}": "5c0f8b1e2a3b4c5d6e7f80d1",
    "{VPN_AGENT_ID}": "5c0f8b1e2a3b4c5d6e7f80e1",
}


docs = examples_of("flows", _PLACEHOLDERS)
"""A docs example from ``tests/fixtures/flows`` by name, its placeholders filled in."""


def flow_document(
    current_status: str = "inactive", status: str = "inactive", flow_id: str = FLOW_ID
) -> dict[str, Any]:
    """The docs' get example with the two statuses set as asked."""
    document: dict[str, Any] = docs("get")
    document["data"]["id"] = flow_id
    document["data"]["attributes"].update(status=status, current_status=current_status)
    return document
