"""``client.v1``: API v1, plain JSON both ways, one namespace per area.

v1 is the API the platform's component runtime and the official Node client still
call. Its namespaces and methods carry the names of that client's (``accounts``,
``tasks``, ``sshkeys``, ...); their answers are plain models (``V1Task``, ...).
"""

from __future__ import annotations

from elasticio.resources._sender import Sender
from elasticio.resources._v1._accounts import V1Accounts
from elasticio.resources._v1._components import V1Components
from elasticio.resources._v1._exec import V1Exec
from elasticio.resources._v1._hooks import V1Hooks
from elasticio.resources._v1._recipes import V1Recipes
from elasticio.resources._v1._repos import V1Repos
from elasticio.resources._v1._resources import V1Resources
from elasticio.resources._v1._sshkeys import V1SSHKeys
from elasticio.resources._v1._tasks import V1Tasks
from elasticio.resources._v1._teams import V1Teams
from elasticio.resources._v1._users import V1Users

__all__ = [
    "V1",
    "V1Accounts",
    "V1Components",
    "V1Exec",
    "V1Hooks",
    "V1Repos",
    "V1Resources",
    "V1SSHKeys",
    "V1Tasks",
    "V1Teams",
    "V1Users",
]
__all__ = ["V1", "V1Recipes", "V1SSHKeys", "V1Teams"]


class V1:
    """The namespaces of API v1 (``client.v1.tasks``, ``client.v1.accounts``, ...).

    Examples:
        >>> me = await client.v1.users.me()
    """

    def __init__(self, client: Sender) -> None:
        self.users = V1Users(client)
        self.accounts = V1Accounts(client)
        self.components = V1Components(client)
        self.repos = V1Repos(client)
        self.exec = V1Exec(client)
        self.resources = V1Resources(client)
        self.sshkeys = V1SSHKeys(client)
        self.tasks = V1Tasks(client)
        self.teams = V1Teams(client)
        self.hooks = V1Hooks(client)
        self.recipes = V1Recipes(client)
