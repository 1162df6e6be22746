"""The generic table every area's records live in."""

from __future__ import annotations

import attrs
import pytest

from elasticio.testing._errors import NoSuchRecordError
from elasticio.testing._ids import IdFactory
from elasticio.testing._table import Table


@attrs.define
class Box:
    name: str
    owner_id: str | None = None
    id: str = ""


@attrs.define
class Crate:
    box_ids: list[str]
    id: str = ""


def test_add_gives_ascending_ids() -> None:
    """Added records get ids of the id factory, in the order they were added."""
    boxes = Table[Box]("box", IdFactory())
    first, second = boxes.add(Box("a")), boxes.add(Box("b"))
    assert first.id < second.id
    assert list(boxes) == [first.id, second.id]
    assert boxes[first.id] is first


def test_an_unknown_id_is_a_404_and_a_key_error() -> None:
    """Looking up an unknown id raises an error that is both a 404 and a KeyError."""
    boxes = Table[Box]("box", IdFactory(), label="storage box")
    with pytest.raises(NoSuchRecordError) as caught:
        boxes["nope"]
    assert isinstance(caught.value, KeyError)
    assert caught.value.status == 404
    assert caught.value.detail == "no such storage box: 'nope'"
    assert boxes.get("nope") is None
    assert "nope" not in boxes


def test_references_are_checked_before_an_id_is_taken() -> None:
    """A record naming an unknown id in a reference field is refused, using up no id."""
    ids = IdFactory()
    boxes = Table[Box]("box", ids)
    crates = Table[Crate]("crate", ids, refs={"box_ids": boxes})
    box = boxes.add(Box("a"))
    with pytest.raises(KeyError, match="no such box: 'missing'"):
        crates.add(Crate([box.id, "missing"]))
    assert ids.count == 1
    assert crates.add(Crate([box.id])).id in crates


def test_a_none_reference_is_no_reference() -> None:
    """A reference field holding None is not looked up."""
    ids = IdFactory()
    owners = Table[Box]("owner", ids)
    boxes = Table[Box]("box", ids, refs={"owner_id": owners})
    assert boxes.add(Box("a", owner_id=None)).owner_id is None


def test_delete_removes_and_refuses_unknown_ids() -> None:
    """``delete`` removes a record; an unknown id is a 404."""
    boxes = Table[Box]("box", IdFactory())
    box = boxes.add(Box("a"))
    boxes.delete(box.id)
    assert len(boxes) == 0
    with pytest.raises(NoSuchRecordError):
        boxes.delete(box.id)


def test_where_filters_in_id_order() -> None:
    """``where`` returns the records passing the test, in id order."""
    boxes = Table[Box]("box", IdFactory())
    for name in ("b", "a", "bb"):
        boxes.add(Box(name))
    assert [b.name for b in boxes.where(lambda b: b.name.startswith("b"))] == ["b", "bb"]
    assert [b.name for b in boxes.where()] == ["b", "a", "bb"]


def test_a_table_equals_a_mapping_with_the_same_items() -> None:
    """A table compares like the mapping it is."""
    boxes = Table[Box]("box", IdFactory())
    assert boxes == {}
    box = boxes.add(Box("a"))
    assert boxes == {box.id: box}
