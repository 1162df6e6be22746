"""What a scheduled execution comes back with: pure functions of the component's
descriptor and the request, so the same request always gives the same result.

The platform runs these methods of a component on a worker; the emulator instead
decides the outcome when the execution is scheduled and reveals it once
``settings.execution_time`` has passed. The rules:

* **verify-credential** always runs. Its ``result`` is ``{"verified": true}`` when every
  field the descriptor marks ``required`` in ``credentials.fields`` is present in
  ``fields`` and not empty (``null`` or ``""``); otherwise it is
  ``{"verified": false, "reason": "Missing required credential fields: apiKey"}``.
  A refused credential is a *result*, not a failed execution.
* **dynamic-metadata** returns ``{"in": <schema>, "out": <schema>}``. ``in`` is an
  object schema with one property per given field (its JSON type inferred from the
  value), all of them required; ``out`` describes an object with a string ``id`` and
  an object ``result``, titled after the module. The module's own ``metadata`` in the
  descriptor, when it has one, is returned as it is instead.
* **select-model** returns three options ``{"<method>_1": "<Method> 1", ...}``.
* A ``module`` that is neither a trigger nor an action of the component makes the
  execution **fail**: its ``result`` is ``{}``, ``status`` is ``"failed"`` and
  ``error`` is ``{"name": "ModuleNotFound", "message": "..."}``. Executions that ran
  have no ``status`` and no ``error`` in their finished result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["Outcome", "dynamic_metadata", "select_model", "verify_credential"]


@attrs.frozen
class Outcome:
    """The ``result`` of an execution, or the ``error`` it failed with."""

    result: Any = attrs.Factory(dict)
    error: dict[str, Any] | None = None


def _empty(value: Any) -> bool:
    return value is None or value == ""


def verify_credential(descriptor: Mapping[str, Any], fields: Mapping[str, Any]) -> Outcome:
    """Verified when the descriptor's required credential fields all have values."""
    credentials = descriptor.get("credentials")
    declared = credentials.get("fields", {}) if isinstance(credentials, Mapping) else {}
    required = [
        name
        for name, spec in declared.items()
        if isinstance(spec, Mapping) and spec.get("required") is True
    ]
    missing = [name for name in required if _empty(fields.get(name))]
    if missing:
        reason = f"Missing required credential fields: {', '.join(missing)}"
        return Outcome(result={"verified": False, "reason": reason})
    return Outcome(result={"verified": True})


def _module(descriptor: Mapping[str, Any], module: str) -> Mapping[str, Any] | None:
    for kind in ("triggers", "actions"):
        modules = descriptor.get(kind)
        if isinstance(modules, Mapping) and isinstance(modules.get(module), Mapping):
            found: Mapping[str, Any] = modules[module]
            return found
    return None


def _missing_module(descriptor: Mapping[str, Any], module: str) -> Outcome:
    title = descriptor.get("title", "the component")
    message = f"{title} has no trigger or action named {module!r}"
    return Outcome(error={"name": "ModuleNotFound", "message": message})


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list):
        return "array"
    return "string"


def dynamic_metadata(
    descriptor: Mapping[str, Any], module: str, fields: Mapping[str, Any]
) -> Outcome:
    """In/out metadata for one module configured with ``fields``."""
    found = _module(descriptor, module)
    if found is None:
        return _missing_module(descriptor, module)
    if isinstance(found.get("metadata"), Mapping):
        return Outcome(result=dict(found["metadata"]))
    names = sorted(fields)
    incoming = {
        "type": "object",
        "properties": {name: {"type": _json_type(fields[name]), "title": name} for name in names},
        "required": names,
    }
    outgoing = {
        "type": "object",
        "title": str(found.get("title", module)),
        "properties": {
            "id": {"type": "string", "title": "ID"},
            "result": {"type": "object", "title": "Result"},
        },
    }
    return Outcome(result={"in": incoming, "out": outgoing})


def select_model(descriptor: Mapping[str, Any], module: str, method: str) -> Outcome:
    """Three options named after the select-model ``method`` (whatever the fields)."""
    if _module(descriptor, module) is None:
        return _missing_module(descriptor, module)
    label = method[:1].upper() + method[1:]
    return Outcome(result={f"{method}_{n}": f"{label} {n}" for n in (1, 2, 3)})
