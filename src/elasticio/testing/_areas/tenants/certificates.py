"""SSL certificates of a tenant: create (201; JSON or a ``multipart/form-data`` PEM
file), get (the keys left out, as the docs' example shows), update, delete (204).

The docs' JSON example sends ``data`` without a ``type``: the emulator takes it so, or
typed ``certificate``. The uploaded file (field ``cert``) holds the PEM certificate and
its PEM private key, as a web server's bundle does. The answers' ``meta`` carries the
certificate's SHA-1 fingerprint when its PEM text is readable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from elasticio._catalog.v2 import (
    TENANT_CERTIFICATES_CREATE,
    TENANT_CERTIFICATES_DELETE,
    TENANT_CERTIFICATES_GET,
    TENANT_CERTIFICATES_UPDATE,
)
from elasticio.testing._areas.tenants.access import administered
from elasticio.testing._areas.tenants.store import CertificateRecord
from elasticio.testing._areas.tenants.views import certificate_info, certificate_resource
from elasticio.testing._errors import NoSuchRecordError, bad_request
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body

__all__ = ["routes"]

routes = RouteTable()

NEW_CERTIFICATE = Body(
    "certificate",
    attributes=(
        Attr("publicKey", "string", required=True, filled=True),
        Attr("privateKey", "string", required=True, filled=True),
    ),
)
CERTIFICATE_CHANGES = attrs.evolve(NEW_CERTIFICATE, id="url-optional")

_BLOCK = r"-----BEGIN {label}-----[\s\S]*?-----END {label}-----"
_CERTIFICATE = re.compile(_BLOCK.format(label="CERTIFICATE"))
_PRIVATE_KEY = re.compile(_BLOCK.format(label="(?:[A-Z]+ )?PRIVATE KEY"))


def _json_keys(call: Call, schema: Body, url_id: str | None = None) -> tuple[str, str]:
    """``publicKey`` and ``privateKey`` of a JSON body (typed or, as the docs send it,
    untyped), both required."""
    body = call.body
    if isinstance(body, Mapping) and isinstance(body.get("data"), Mapping):
        body = {**body, "data": {"type": "certificate", **body["data"]}}
    attributes = schema.read(body, url_id=url_id).attributes
    return attributes["publicKey"], attributes["privateKey"]


def _uploaded_keys(call: Call) -> tuple[str, str]:
    """The certificate and private key of the uploaded file ``cert``."""
    form = call.form or {}
    if "cert" not in form:
        raise bad_request("the form needs the PEM file in the field 'cert'", parameter="cert")
    text = form["cert"].text()
    certificate, private_key = _CERTIFICATE.search(text), _PRIVATE_KEY.search(text)
    if certificate is None or private_key is None:
        raise bad_request(
            "the file 'cert' must hold a PEM certificate and its PEM private key",
            parameter="cert",
        )
    return certificate[0], private_key[0]


def _reply(certificate: CertificateRecord, *, keys: bool, status: int = 200) -> Reply:
    body = document(
        certificate_resource(certificate, keys=keys),
        meta=certificate_info(certificate.public_key),
    )
    return Reply(status=status, body=body)


def _certificate(call: Call, tenant_id: str, certificate_id: str) -> CertificateRecord:
    found = call.platform.tenant_certificates[certificate_id]
    if found.tenant_id != tenant_id:
        raise NoSuchRecordError("certificate", certificate_id)
    return found


@routes.handle(TENANT_CERTIFICATES_CREATE, body=NEW_CERTIFICATE)
def create_certificate(call: Call, tenant_id: str) -> Reply:
    """201 with the keys (``tenants.certificate.create``)."""
    tenant = administered(call, tenant_id, "tenants.certificate.create")
    if call.form is not None:
        public_key, private_key = _uploaded_keys(call)
    else:
        public_key, private_key = _json_keys(call, NEW_CERTIFICATE)
    certificate = call.platform.tenant_certificates.add(
        CertificateRecord(
            tenant_id=tenant.id,
            user_id=call.user.id,
            public_key=public_key,
            private_key=private_key,
        )
    )
    return _reply(certificate, keys=True, status=201)


@routes.handle(TENANT_CERTIFICATES_GET)
def get_certificate(call: Call, tenant_id: str, certificate_id: str) -> Reply:
    """The certificate without its keys (``tenants.certificate.get_info``)."""
    tenant = administered(call, tenant_id, "tenants.certificate.get_info")
    return _reply(_certificate(call, tenant.id, certificate_id), keys=False)


@routes.handle(TENANT_CERTIFICATES_UPDATE, body=CERTIFICATE_CHANGES)
def update_certificate(call: Call, tenant_id: str, certificate_id: str) -> Reply:
    """Both keys replace the stored ones (``tenants.certificate.edit``)."""
    tenant = administered(call, tenant_id, "tenants.certificate.edit")
    certificate = _certificate(call, tenant.id, certificate_id)
    keys = _json_keys(call, CERTIFICATE_CHANGES, url_id=certificate.id)
    certificate.public_key, certificate.private_key = keys
    return _reply(certificate, keys=True)


@routes.handle(TENANT_CERTIFICATES_DELETE)
def delete_certificate(call: Call, tenant_id: str, certificate_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.certificate.delete")
    call.platform.tenant_certificates.delete(_certificate(call, tenant.id, certificate_id).id)
    return Reply(status=204)
