"""Start-up: ``import elasticio`` loads the heavy parts of the package on first use."""

from __future__ import annotations

import json
import subprocess
import sys

import elasticio


def _modules_after(statement: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``statement``."""
    script = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


def test_importing_elasticio_loads_neither_the_emulator_nor_the_command() -> None:
    """``import elasticio`` imports no emulator, no Starlette, no click."""
    loaded = _modules_after("import elasticio")
    assert {"elasticio.testing", "starlette", "click", "uvicorn"}.isdisjoint(loaded)


def test_importing_elasticio_leaves_the_client_and_models_for_later() -> None:
    """The client, the models and the resource modules load on first use."""
    loaded = _modules_after("import elasticio")
    assert {"elasticio._client", "elasticio.models", "elasticio.resources"}.isdisjoint(loaded)
    assert "elasticio._client" in _modules_after("from elasticio import AsyncClient")


def test_a_model_loads_on_first_use() -> None:
    """A model name is found in ``elasticio.models`` the first time it is read."""
    from elasticio.models import Flow

    assert elasticio.Flow is Flow


def test_every_public_name_is_listed_by_dir() -> None:
    """``dir(elasticio)`` lists the public names before any of them is loaded."""
    assert set(elasticio.__all__) <= set(dir(elasticio))
