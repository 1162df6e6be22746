"""The models of API v1's plain-JSON answers, one module per area."""

from elasticio.models._v1._sshkeys import V1SSHKey
from elasticio.models._v1._tasks import V1Step, V1Task
from elasticio.models._v1._teams import V1Team

__all__ = ["V1SSHKey", "V1Step", "V1Task", "V1Team"]
