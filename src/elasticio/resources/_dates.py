"""Dates and times as query values: what the logs and quota usages filters take."""

from __future__ import annotations

from datetime import UTC, date, datetime

__all__ = ["day_value", "moment_value"]


def moment_value(value: datetime | str | None) -> str | None:
    """An ISO 8601 time in UTC with milliseconds; a naive datetime counts as UTC, and a
    string goes as it is.

    Examples:
        >>> moment_value(datetime(2020, 1, 13, 10, 35, 42, 49000))
        '2020-01-13T10:35:42.049Z'
    """
    if value is None or isinstance(value, str):
        return value
    moment = value.astimezone(UTC) if value.tzinfo else value
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def day_value(value: date | str) -> str:
    """An ISO 8601 date (``2019-09-01``); a datetime gives its date, a string goes as it is.

    Examples:
        >>> day_value(date(2019, 9, 1))
        '2019-09-01'
    """
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()
