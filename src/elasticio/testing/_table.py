"""The records of one kind, by id: the one store type every area's records live in."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol, TypeVar

from elasticio.testing._errors import NoSuchRecordError
from elasticio.testing._ids import IdFactory

__all__ = ["Record", "Table"]


class Record(Protocol):
    """What a table stores: a mutable record with an ``id`` the table gives it."""

    id: str


R = TypeVar("R", bound=Record)


class Table(Mapping[str, R]):
    """Records by id, in the order they were added (which is also the order of their ids).

    A table reads as the mapping it is (``len``, ``in``, iteration, ``.get``, ``.values()``),
    except that looking up an unknown id raises
    `elasticio.testing._errors.NoSuchRecordError`: a ``KeyError`` to code using the
    mapping, and a 404 "no such <label>" to a handler, which can simply write
    ``call.platform.flows[flow_id]``.

    `add` gives a record the next id of the platform's id factory, after checking
    that the ids it refers to exist (``refs`` maps a field to the table it points into;
    a None field is no reference, a list field holds several).

    Examples:
        >>> import attrs
        >>> @attrs.define
        ... class Note:
        ...     text: str
        ...     id: str = ""
        >>> notes = Table[Note]("note", IdFactory())
        >>> note = notes.add(Note("hello"))
        >>> notes[note.id].text, len(notes)
        ('hello', 1)
        >>> notes["nope"]
        Traceback (most recent call last):
        ...
        elasticio.testing._errors.NoSuchRecordError: 404: no such note: 'nope'
    """

    def __init__(
        self,
        kind: str,
        ids: IdFactory,
        *,
        label: str | None = None,
        refs: Mapping[str, Table[Any]] | None = None,
    ) -> None:
        self.kind = kind
        self.label = label or kind
        self._ids = ids
        self._refs = dict(refs or {})
        self._rows: dict[str, R] = {}

    def __getitem__(self, id: str) -> R:
        try:
            return self._rows[id]
        except KeyError:
            raise NoSuchRecordError(self.label, id) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return f"<Table of {len(self)} {self.label} records>"

    def add(self, record: R) -> R:
        """Store ``record`` under a new id (set on it) and return it.

        Raises:
            NoSuchRecordError: a field in ``refs`` names an id its table lacks.
        """
        for field, table in self._refs.items():
            value = getattr(record, field)
            table.require(*(value if isinstance(value, list) else [] if value is None else [value]))
        record.id = self._ids.next(self.kind)
        self._rows[record.id] = record
        return record

    def delete(self, id: str) -> None:
        """Remove the record with this id (a 404 when there is none)."""
        self.require(id)
        del self._rows[id]

    def require(self, *ids: str) -> None:
        """Raise `elasticio.testing._errors.NoSuchRecordError` for the first of
        ``ids`` that no record has."""
        for id in ids:
            if id not in self._rows:
                raise NoSuchRecordError(self.label, id)

    def where(self, test: Callable[[R], bool] | None = None) -> list[R]:
        """The records passing ``test`` (all of them without one), in id order."""
        return sorted(
            (r for r in self._rows.values() if test is None or test(r)), key=lambda r: r.id
        )
