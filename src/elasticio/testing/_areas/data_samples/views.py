"""How a data sample looks in answers."""

from __future__ import annotations

from elasticio.testing._areas.data_samples.store import DataSampleRecord
from elasticio.testing._jsonapi import Json, link, resource, to_one

__all__ = ["data_sample_resource"]


def data_sample_resource(sample: DataSampleRecord) -> Json:
    version_link = f"/v2/components/{sample.component_id}/versions/{sample.component_version}"
    return resource(
        "data-sample",
        sample.id,
        self_link=f"/v2/data-samples/{sample.id}",
        attributes={"method": sample.method, "result": sample.result},
        relationships={
            "component_version": to_one(
                "version", sample.component_version, self_link=version_link
            ),
            "workspace": link("workspace", sample.workspace_id),
            "component": link("component", sample.component_id),
            "user": link("user", sample.user_id),
        },
    )
