"""Turning bytes into JSON values, with every failure reported as a DecodeError."""

from __future__ import annotations

import gc
import json
import sysconfig
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson

from elasticio._errors import DecodeError, UsageError

__all__ = ["LARGE_BODY", "PROMOTED_BODY", "collector_paused", "dumps", "loads"]

LARGE_BODY = 256 * 1024
"""Bodies at least this long are decoded with the cyclic garbage collector paused."""

PROMOTED_BODY = 8 * 1024 * 1024
"""Bodies at least this long leave what they allocated in the collector's oldest generation.

A page of a list (1,000 flows is about 1.6 MB) stays under it: promoting each page would
keep any of the program's young garbage cycles, and a page's own, until the next full
collection, which under paging comes rarely; memory then grew to twice the page's worth.
"""


@contextmanager
def collector_paused(pause: bool, *, promote: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration, when ``pause`` is true.

    Decoding a large body allocates hundreds of thousands of containers that are all
    alive; the collector would scan that growing tree again and again (about half the
    decode time on a 20 MB document) and free nothing. Reference counting still frees
    everything as usual, and the previous state is restored on exit.

    With ``promote``, on success, what was allocated meanwhile goes straight to the
    collector's oldest generation (see `_promote_young`), so resuming does not start with
    a pass over all of it. The young generations are collected first (a few thousand
    objects at most), so that the program's own garbage cycles are freed now rather than
    promoted with the document and kept until the next full collection.

    Examples:
        >>> with collector_paused(True):
        ...     values = [[n] for n in range(100_000)]
        >>> gc.isenabled()
        True
    """
    if not pause or not gc.isenabled():
        yield
        return
    promote = promote and _may_promote()
    if promote:
        gc.collect(1)
    gc.disable()
    try:
        yield
        if promote:
            _promote_young()
    finally:
        gc.enable()


# A free-threaded interpreter freezes by visiting every object of the heap, which would
# cost more than the pass it saves.
_CAN_PROMOTE = not sysconfig.get_config_var("Py_GIL_DISABLED")


def _may_promote() -> bool:
    # Promoting would also thaw objects the program froze on purpose.
    return _CAN_PROMOTE and gc.get_freeze_count() == 0


def _promote_young() -> None:
    """Move every object the collector tracks into its oldest generation.

    The collector counts what was allocated while it was paused, and its first pass once
    resumed would scan all of it (on a 40 MB document, a third of the decode time), then
    scan it again one generation up, for objects that are long-lived by construction.
    `gc.freeze` followed by `gc.unfreeze` lands them, and the few young objects of the
    rest of the program, in the oldest generation, which full collections still scan.
    """
    gc.freeze()
    gc.unfreeze()


def loads(source: bytes | bytearray | memoryview | str) -> Any:
    """Parse JSON text; invalid text raises `DecodeError`."""
    try:
        return orjson.loads(source)
    except orjson.JSONDecodeError:
        pass
    # orjson refuses some texts the stdlib accepts (numbers beyond a double, lone
    # surrogates in a str); the stdlib also gives the line and column for a message.
    try:
        text = bytes(source) if isinstance(source, bytearray | memoryview) else source
        return json.loads(text, parse_constant=_not_json)
    except json.JSONDecodeError as exc:
        raise DecodeError(
            f"invalid JSON: {exc.msg} (line {exc.lineno} column {exc.colno})"
        ) from exc
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid JSON: the body is not UTF-8 ({exc.reason})") from exc
    except RecursionError as exc:
        raise DecodeError("invalid JSON: nested too deeply") from exc
    except ValueError as exc:
        # NaN/Infinity (refused below), or an integer past the interpreter's digit limit.
        raise DecodeError(f"invalid JSON: {exc}") from exc


def _not_json(constant: str) -> Any:
    # The stdlib accepts these JavaScript literals; JSON (and orjson) does not.
    raise ValueError(f"{constant} is not a JSON value")


def dumps(value: Any) -> bytes:
    """Serialise a request body to compact UTF-8 JSON."""
    try:
        return orjson.dumps(value)
    except TypeError:
        pass
    # Values orjson will not take (integers wider than 64 bits, str subclasses, ...)
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    try:
        return text.encode()
    except UnicodeEncodeError as exc:
        # A lone surrogate (say, from a surrogateescape decode) has no UTF-8 form.
        raise UsageError(
            f"the request body holds text that is not valid Unicode ({exc.reason})"
        ) from exc
