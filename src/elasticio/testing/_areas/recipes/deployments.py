"""Recipe deployments (API v2, release notes 22/48): sync with the recipe, delete.

A deployment is what one activation made. Syncing gives its flows the recipe's templates as
they are now (200 with the deployment; the shape is not documented: it follows the other
JSON:API answers). Deleting unlinks the flows from the deployment and keeps them (204).
Both need ``workspaces.flow.edit`` in the deployment's workspace; a deployment of a
workspace the caller is not in is a 403, as for the workspace's flows.
"""

from __future__ import annotations

from elasticio._catalog.v2 import RECIPES_DELETE_DEPLOYMENT, RECIPES_SYNC_DEPLOYMENT
from elasticio.testing._areas.recipes.activation import sync
from elasticio.testing._areas.recipes.store import RecipeDeploymentRecord
from elasticio.testing._areas.recipes.views import deployment_resource
from elasticio.testing._areas.workspaces.routes import in_workspace
from elasticio.testing._jsonapi import document
from elasticio.testing._permissions import require
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable

__all__ = ["routes"]

routes = RouteTable()


def _deployment_for(call: Call, deployment_id: str) -> RecipeDeploymentRecord:
    deployment = in_workspace(call, call.platform.recipe_deployments, deployment_id)
    require(
        call, "workspaces.flow.edit", workspace=call.platform.workspaces[deployment.workspace_id]
    )
    return deployment


@routes.handle(RECIPES_SYNC_DEPLOYMENT)
def sync_deployment(call: Call, deployment_id: str) -> Reply:
    deployment = _deployment_for(call, deployment_id)
    sync(call.platform, deployment, user_id=call.user.id)
    return Reply(body=document(deployment_resource(deployment)))


@routes.handle(RECIPES_DELETE_DEPLOYMENT)
def delete_deployment(call: Call, deployment_id: str) -> Reply:
    call.platform.recipe_deployments.delete(_deployment_for(call, deployment_id).id)
    return Reply(status=204)
