"""Contracts: the caller's contracts (paged), one contract, its members."""

from __future__ import annotations

from elasticio._catalog.v2 import CONTRACTS_GET, CONTRACTS_LIST, CONTRACTS_MEMBERS
from elasticio.testing._access import contract_for
from elasticio.testing._jsonapi import document, page_request, paginate
from elasticio.testing._model import Contract
from elasticio.testing._query import includes
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import contract_member_resource, contract_resource

__all__ = ["routes"]

routes = RouteTable()


def _sees_custom_data(call: Call, contract: Contract) -> bool:
    # Stands in for the contracts.contract.get_custom_data permission.
    return call.user.tenant_admin or "owner" in contract.members.get(call.user.id, [])


@routes.handle(CONTRACTS_LIST)
def list_contracts(call: Call) -> Reply:
    """The contracts the caller is a member of, 20 a page by default."""
    mine = sorted(
        (c for c in call.platform.contracts.values() if call.user.id in c.members),
        key=lambda c: c.id,
    )
    items, meta = paginate(mine, page_request(call.query, default_size=20))
    data = [
        contract_resource(c, with_invites=False, custom_data=_sees_custom_data(call, c))
        for c in items
    ]
    return Reply(body=document(data, meta=meta, self_link=call.path))


@routes.handle(CONTRACTS_GET)
def get_contract(call: Call, contract_id: str) -> Reply:
    """One contract; ``include=members,invites`` adds those to ``included``."""
    contract = contract_for(call, contract_id)
    wanted = includes(call, ("members", "invites"))
    data = contract_resource(
        contract, with_invites=True, custom_data=_sees_custom_data(call, contract)
    )
    included = None
    if wanted:
        included = (
            [
                contract_member_resource(call.platform.users[user_id], roles)
                for user_id, roles in contract.members.items()
            ]
            if "members" in wanted
            else []
        )
    return Reply(body=document(data, included=included, self_link=call.path))


@routes.handle(CONTRACTS_MEMBERS)
def list_contract_members(call: Call, contract_id: str) -> Reply:
    contract = contract_for(call, contract_id)
    data = [
        contract_member_resource(call.platform.users[user_id], roles)
        for user_id, roles in contract.members.items()
    ]
    return Reply(body=document(data, self_link=call.path))
