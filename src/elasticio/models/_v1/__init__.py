"""The models of API v1's plain-JSON answers, one module per area."""

from elasticio.models._v1._accounts import V1Account
from elasticio.models._v1._recipes import V1Recipe, V1RecipeActivation
from elasticio.models._v1._repos import V1Component, V1Repo
from elasticio.models._v1._sshkeys import V1SSHKey
from elasticio.models._v1._tasks import V1Step, V1Task
from elasticio.models._v1._teams import V1Team
from elasticio.models._v1._users import V1Accepted, V1User

__all__ = [
    "V1Accepted",
    "V1Account",
    "V1Component",
    "V1Repo",
    "V1SSHKey",
    "V1Step",
    "V1Task",
    "V1Team",
    "V1User",
]
__all__ = ["V1Recipe", "V1RecipeActivation", "V1SSHKey", "V1Team"]
