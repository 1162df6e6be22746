"""Contracts: the caller's contracts (paged), one contract, its members.

A contract is open to its members and to tenant admins; its ``custom_data`` only to its
owners and tenant admins (standing in for the ``get_custom_data`` permission).
"""

from __future__ import annotations

from elasticio._catalog.v2 import CONTRACTS_GET, CONTRACTS_LIST, CONTRACTS_MEMBERS
from elasticio.testing._areas._membership import members_document, scope_document
from elasticio.testing._areas.contracts.store import ContractRecord
from elasticio.testing._areas.contracts.views import contract_member_resource, contract_resource
from elasticio.testing._errors import forbidden
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable

__all__ = ["contract_for", "routes"]

routes = RouteTable()


def contract_for(call: Call, contract_id: str) -> ContractRecord:
    """A contract the caller is a member of (or any, for a tenant admin)."""
    contract = call.platform.contracts[contract_id]
    if call.user.id not in contract.members and not call.user.tenant_admin:
        raise forbidden()
    return contract


def _sees_custom_data(call: Call, contract: ContractRecord) -> bool:
    return call.user.tenant_admin or "owner" in contract.members.get(call.user.id, [])


@routes.handle(CONTRACTS_LIST)
def list_contracts(call: Call) -> Reply:
    """The contracts the caller is a member of, 20 a page by default."""
    items, meta = call.page(call.platform.contracts.with_member(call.user.id))
    data = [
        contract_resource(c, with_invites=False, custom_data=_sees_custom_data(call, c))
        for c in items
    ]
    return Reply(body=document(data, meta=meta, self_link=call.path))


@routes.handle(CONTRACTS_GET)
def get_contract(call: Call, contract_id: str) -> Reply:
    """One contract; ``include=members,invites`` adds those to ``included``."""
    contract = contract_for(call, contract_id)
    data = contract_resource(
        contract, with_invites=True, custom_data=_sees_custom_data(call, contract)
    )
    return Reply(body=scope_document(call, contract, contract_member_resource, data))


@routes.handle(CONTRACTS_MEMBERS)
def list_contract_members(call: Call, contract_id: str) -> Reply:
    contract = contract_for(call, contract_id)
    return Reply(body=members_document(call, contract, contract_member_resource))
