"""An emulator of the elastic.io API v2 for tests and demos: an in-memory, stateful
platform behind an ASGI app (Starlette), with scriptable faults.

Needs the ``emulator`` extra: ``pip install 'elasticio[emulator]'``.

Example:
    >>> from elasticio.testing import Emulator
    >>> emulator = Emulator()
    >>> emulator.credentials
    ('owner@example.com', 'emu-owner-api-key')
"""

try:
    import starlette  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError(
        "elasticio.testing needs the 'emulator' extra: pip install 'elasticio[emulator]'"
    ) from exc

from elasticio.testing._app import RecordedRequest
from elasticio.testing._emulator import BASE_URL, Emulator
from elasticio.testing._faults import ConnectionDropped, FaultRule, Faults
from elasticio.testing._platform import Platform
from elasticio.testing._seed import Seed, SeedUser
from elasticio.testing._settings import EmulatorSettings

__all__ = [
    "BASE_URL",
    "ConnectionDropped",
    "Emulator",
    "EmulatorSettings",
    "FaultRule",
    "Faults",
    "Platform",
    "RecordedRequest",
    "Seed",
    "SeedUser",
]
