"""Plain models (API v1) built by the builder written for their class are the ones the
converter builds, and a malformed object is still refused the converter's way."""

from __future__ import annotations

import json
import types
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import elasticio.models  # noqa: F401 (declares every plain model)
from elasticio import DecodeError
from elasticio.models import V1User
from elasticio.models._plain import PlainModel, _structure_checked, structure_plain
from tests.models.test_fuzz import HUGE, JSON_VALUES, PROFILE, TEXT, TIMESTAMPS, mostly


def plain_models() -> list[type[Any]]:
    found: list[type[Any]] = []
    pending = [PlainModel]
    while pending:
        for sub in pending.pop().__subclasses__():
            pending.append(sub)
            if attrs.has(sub):
                found.append(sub)
    return sorted(found, key=lambda cls: cls.__name__)


PLAIN_MODELS = plain_models()
FIXTURES = Path(__file__).parent.parent / "fixtures"


def values_for(annotation: Any) -> st.SearchStrategy[Any]:
    """Values of the JSON type ``annotation`` asks for, mostly; anything now and then."""
    if get_origin(annotation) in (Union, types.UnionType):
        usual = st.one_of(*(values_for(arg) for arg in get_args(annotation)))
    elif annotation is type(None):
        usual = st.none()
    elif annotation is str:
        usual = TEXT
    elif annotation is bool:
        usual = st.booleans()
    elif annotation is int:
        usual = HUGE
    elif annotation is float:
        usual = HUGE | st.floats(allow_nan=False, allow_infinity=False)
    elif annotation is datetime:
        usual = TIMESTAMPS
    elif get_origin(annotation) is tuple:
        usual = st.lists(values_for(get_args(annotation)[0]), max_size=2)
    elif annotation in (Mapping, dict) or get_origin(annotation) in (Mapping, dict):
        usual = st.dictionaries(TEXT, JSON_VALUES, max_size=2)
    else:
        usual = JSON_VALUES
    return mostly(usual, JSON_VALUES)


def objects(cls: type[Any]) -> st.SearchStrategy[Any]:
    attrs.resolve_types(cls)
    fields = {f.name: values_for(f.type) for f in attrs.fields(cls) if f.name != "_request_id"}
    return mostly(st.fixed_dictionaries({}, optional={**fields, "other": JSON_VALUES}), JSON_VALUES)


def outcome(build: Any) -> tuple[str, Any]:
    try:
        built = build()
    except DecodeError as exc:
        return ("error", (str(exc), exc.pointer))
    return ("model", (built, repr(built), built.to_dict(), built.request_id))


@pytest.mark.parametrize("cls", PLAIN_MODELS, ids=lambda cls: cls.__name__)
def test_both_ways_build_the_same_plain_model(cls: type[Any]) -> None:
    @settings(PROFILE)
    @given(value=objects(cls))
    def check(value: Any) -> None:
        value = json.loads(json.dumps(value))
        fast = outcome(lambda: structure_plain(cls, value, request_id="r1", pointer="/x"))
        checked = outcome(lambda: _structure_checked(cls, value, "r1", "/x"))
        assert fast == checked

    check()


def test_there_are_plain_models_to_check() -> None:
    assert len(PLAIN_MODELS) >= 10


def test_a_plain_answer_never_needs_the_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The docs' answer for the current user takes the builder written for V1User."""

    def refuse(*args: Any) -> Any:
        raise AssertionError("the converter was asked")

    monkeypatch.setattr("elasticio.models._plain._structure_checked", refuse)
    value = json.loads((FIXTURES / "v1" / "users" / "me.json").read_text())
    user = structure_plain(V1User, value, request_id="r1")
    assert (user.id, user.email, user.request_id) == (value["id"], value["email"], "r1")
