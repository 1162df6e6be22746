"""``client.data_samples``: sample output of components' actions and triggers (API v2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Unpack

from elasticio._catalog.v2 import (
    DATA_SAMPLES_CREATE,
    DATA_SAMPLES_GET,
    DATA_SAMPLES_LIST,
    DATA_SAMPLES_UPDATE,
)
from elasticio._checks import strings
from elasticio._errors import UsageError
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import Identifier
from elasticio.models._data_samples import DataSample
from elasticio.resources._base import Namespace

__all__ = ["DataSamples"]


def _id_filter(ids: Iterable[str] | str) -> str:
    """``filter[id]``: the ids joined by commas, each checked to fit in that list."""
    wanted = strings("ids", ids)
    if not wanted:
        raise UsageError("data_samples.list() needs at least one id")
    for data_sample_id in wanted:
        if not isinstance(data_sample_id, str) or not data_sample_id or "," in data_sample_id:
            raise UsageError(f"{data_sample_id!r} cannot be an id in filter[id]")
    return ",".join(wanted)


class DataSamples(Namespace):
    """Data samples: get one or several, create, update.

    Examples:
        >>> sample = await client.data_samples.create(  # doctest: +SKIP
        ...     method="getPetsByStatus",
        ...     result={"id": 1},
        ...     component_id="COMPONENT_ID",
        ...     workspace_id="WORKSPACE_ID",
        ... )
    """

    async def get(self, data_sample_id: str, **options: Unpack[CallOptions]) -> DataSample:
        """One data sample by id.

        Examples:
            >>> sample = await client.data_samples.get("DATA_SAMPLE_ID")
            >>> sample.method, sample.component_id is not None
            ('getPetsByStatus', True)
        """
        return await self._one(
            DATA_SAMPLES_GET, DataSample, data_sample_id=data_sample_id, options=options
        )

    def list(
        self, ids: Iterable[str] | str, **options: Unpack[ListOptions]
    ) -> Paginator[DataSample]:
        """The data samples with the given ids (one request, ``filter[id]``); a single
        string is one id. Iterate with ``async for``.

        Examples:
            >>> samples = await client.data_samples.list(["DATA_SAMPLE_ID"]).collect()
        """
        return self._list(
            DATA_SAMPLES_LIST, DataSample, params={"filter[id]": _id_filter(ids)}, options=options
        )

    async def create(
        self,
        *,
        method: str,
        result: Mapping[str, Any],
        component_id: str,
        workspace_id: str,
        version: str = "latest",
        **options: Unpack[CallOptions],
    ) -> DataSample:
        """Store ``result`` as a sample of ``method`` (an action or trigger) of a component
        build: ``version`` is a revision, or ``latest`` for the newest successful build.

        Examples:
            >>> sample = await client.data_samples.create(
            ...     method="getPetsByStatus",
            ...     result={"id": 1, "name": "Rex", "status": "available"},
            ...     component_id="COMPONENT_ID",
            ...     workspace_id="WORKSPACE_ID",
            ... )
        """
        body = self._body(
            DATA_SAMPLES_CREATE,
            attributes={"method": method, "result": dict(result)},
            relationships={
                "component": Identifier("component", component_id),
                "component_version": Identifier("version", version),
                "workspace": Identifier("workspace", workspace_id),
            },
        )
        return await self._one(DATA_SAMPLES_CREATE, DataSample, body=body, options=options)

    async def update(
        self, data_sample_id: str, *, result: Mapping[str, Any], **options: Unpack[CallOptions]
    ) -> DataSample:
        """Replace a data sample's ``result``.

        Examples:
            >>> sample = await client.data_samples.update("DATA_SAMPLE_ID", result={"id": 2})
        """
        body = self._body(
            DATA_SAMPLES_UPDATE, id=data_sample_id, attributes={"result": dict(result)}
        )
        return await self._one(
            DATA_SAMPLES_UPDATE,
            DataSample,
            body=body,
            data_sample_id=data_sample_id,
            options=options,
        )
