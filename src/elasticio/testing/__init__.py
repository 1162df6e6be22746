"""An emulator of the elastic.io API v2 for tests and demos: an in-memory, stateful
platform behind an ASGI app (Starlette), with scriptable faults.

Needs the ``emulator`` extra; ``elasticio`` is not on PyPI yet, so install it from a source
checkout (``pip install '.[emulator]'``) or a built wheel (``pip install
'elasticio-<version>-py3-none-any.whl[emulator]'``).

Examples:
    >>> from elasticio.testing import Emulator
    >>> emulator = Emulator()
    >>> emulator.credentials
    ('owner@example.com', 'emu-owner-api-key')

Serve it over HTTP on loopback with [`serve_emulator`][elasticio.testing.serve_emulator]
(async) or [`ServedEmulator.start_in_thread`][elasticio.testing.ServedEmulator.start_in_thread]
(sync), or from a shell with ``elasticio emulator serve --port 8000``. The ``elasticio``
pytest plugin offers the fixtures ``elasticio_emulator``, ``elasticio_client``,
``elasticio_clock`` (a [`VirtualClock`][elasticio.testing.VirtualClock]) and
``elasticio_served`` to your own tests.
"""

from typing import TYPE_CHECKING

# Outside the guard below: the command imports the server libraries only once it serves.
from elasticio.testing._command import serve_command
from elasticio.testing._virtual_clock import VirtualClock

__all__ = [
    "BASE_URL",
    "ConnectionDropped",
    "Emulator",
    "EmulatorSettings",
    "FaultRule",
    "Faults",
    "Platform",
    "RecordedRequest",
    "RequestLog",
    "Seed",
    "SeedUser",
    "ServedEmulator",
    "VirtualClock",
    "serve_command",
    "serve_emulator",
]

# Without the extra the package still imports and only its names fail: the pytest plugin
# (``elasticio.testing._pytest_plugin``, loaded by every pytest run wherever elasticio is
# installed) lives in this package and must not break the test runs of users without it.
try:
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the installation
    _missing: ImportError | None = exc
else:
    _missing = None

if TYPE_CHECKING or _missing is None:
    from elasticio.testing._emulator import BASE_URL, Emulator
    from elasticio.testing._faults import ConnectionDropped, FaultRule, Faults
    from elasticio.testing._log import RecordedRequest, RequestLog
    from elasticio.testing._platform import Platform
    from elasticio.testing._seed import Seed, SeedUser
    from elasticio.testing._serve import ServedEmulator, serve_emulator
    from elasticio.testing._settings import EmulatorSettings
else:  # pragma: no cover - depends on the installation

    def __getattr__(name: str) -> object:
        if name in __all__:
            raise ImportError(
                "elasticio.testing needs the 'emulator' extra: pip install '.[emulator]' "
                "in a source checkout, or the built wheel with [emulator]"
            ) from _missing
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
