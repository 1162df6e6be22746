"""The synchronous twin of `AsyncClient`: `Client`, its lists and its executions."""

from elasticio._sync._client import Client
from elasticio._sync._execution import SyncExecution
from elasticio._sync._paginator import SyncPaginator

__all__ = ["Client", "SyncExecution", "SyncPaginator"]
