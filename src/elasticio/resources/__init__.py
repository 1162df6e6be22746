"""Resource namespaces of the client, one module per API area."""

from elasticio.resources._components import Components

__all__ = ["Components"]
