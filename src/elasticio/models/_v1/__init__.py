"""The models of API v1's plain-JSON answers, one module per area."""

from elasticio.models._v1._recipes import V1Recipe, V1RecipeActivation
from elasticio.models._v1._sshkeys import V1SSHKey
from elasticio.models._v1._teams import V1Team

__all__ = ["V1Recipe", "V1RecipeActivation", "V1SSHKey", "V1Team"]
