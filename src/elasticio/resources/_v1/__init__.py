"""``client.v1``: API v1, plain JSON both ways, one namespace per area.

v1 is the API the platform's component runtime and the official Node client still
call. Its namespaces and methods carry the names of that client's (``accounts``,
``tasks``, ``sshkeys``, ...); their answers are plain models (``V1Task``, ...).
"""

from __future__ import annotations

from elasticio.resources._sender import Sender
from elasticio.resources._v1._resources import V1Resources
from elasticio.resources._v1._sshkeys import V1SSHKeys
from elasticio.resources._v1._teams import V1Teams

__all__ = ["V1", "V1Resources", "V1SSHKeys", "V1Teams"]


class V1:
    """The namespaces of API v1 (``client.v1.tasks``, ``client.v1.accounts``, ...).

    Examples:
        >>> me = await client.v1.users.me()  # doctest: +SKIP
    """

    def __init__(self, client: Sender) -> None:
        self.resources = V1Resources(client)
        self.sshkeys = V1SSHKeys(client)
        self.teams = V1Teams(client)
