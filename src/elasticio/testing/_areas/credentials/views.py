"""How a credential looks in answers: keys in clear, as the platform shows them."""

from __future__ import annotations

from elasticio.testing._areas.credentials.store import CredentialRecord
from elasticio.testing._jsonapi import Json, link, resource

__all__ = ["credential_resource"]


def credential_resource(credential: CredentialRecord) -> Json:
    relationships = {
        "user": link("user", credential.user_id),
        "component": link("component", credential.component_id),
        "workspace": link("workspace", credential.workspace_id),
    }
    if credential.vpn_agent_id is not None:
        relationships["vpn_agent"] = link("vpn-agent", credential.vpn_agent_id)
    return resource(
        "credential",
        credential.id,
        self_link=f"/v2/credentials/{credential.id}",
        attributes={"name": credential.name, "keys": credential.keys},
        relationships=relationships,
    )
