"""SSL certificates over plain httpx: JSON and multipart creates, the keys hidden from
reads, updates, deletes, and who may do it."""

from __future__ import annotations

import base64
import hashlib

import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._tenant import TenantRecord
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of

DER = b"\x30\x82\x01\x0a certificate bytes"
PEM_CERTIFICATE = (
    "-----BEGIN CERTIFICATE-----\n"
    + base64.b64encode(DER).decode()
    + "\n-----END CERTIFICATE-----\n"
)
PEM_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"


def certificates(tenant_id: str) -> str:
    return f"/v2/tenants/{tenant_id}/certificates"


def fingerprint(der: bytes) -> str:
    digest = hashlib.sha1(der, usedforsecurity=False).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def pem_request() -> object:
    return docs(
        "tenants/certificate_create_request",
        {
            "{CERTIFICATE}": PEM_CERTIFICATE.replace("\n", "\\n"),
            "{RSA PRIVATE KEY}": PEM_KEY.replace("\n", "\\n"),
        },
    )


async def test_create_with_the_docs_json(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' untyped request gives 201 with the keys and the docs' attributes."""
    tenant_id = emulator.seed.tenant_id
    response = await api.post(
        certificates(tenant_id), json=docs("tenants/certificate_create_request")
    )
    created = data_of(response, 201)
    expected = docs("tenants/certificate_create")["data"]
    assert created["type"] == "certificate"
    assert set(created["attributes"]) == set(expected["attributes"])
    assert created["attributes"]["publicKey"] == "{CERTIFICATE}"
    assert created["attributes"]["privateKey"] == "{RSA PRIVATE KEY}"
    assert created["attributes"]["owner"] == emulator.seed.owner.id
    assert created["attributes"]["tenant"] == tenant_id
    assert created["attributes"]["algorithm"] == "aes-256-cbc"
    assert created["links"] == {"self": f"{certificates(tenant_id)}/{created['id']}"}
    assert set(created["relationships"]) == {"user", "tenant"}
    assert response.json()["meta"] == {}


async def test_a_pem_certificate_has_its_fingerprint(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    response = await api.post(certificates(emulator.seed.tenant_id), json=pem_request())
    assert data_of(response, 201)["attributes"]["publicKey"] == PEM_CERTIFICATE
    assert response.json()["meta"] == {"fingerPrint": fingerprint(DER)}


async def test_create_from_a_multipart_file(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``cert=@file`` holding both PEM blocks is read like the JSON form."""
    files = {"cert": ("bundle.pem", (PEM_CERTIFICATE + PEM_KEY).encode(), "application/x-pem-file")}
    response = await api.post(certificates(emulator.seed.tenant_id), files=files)
    created = data_of(response, 201)
    assert created["attributes"]["publicKey"] == PEM_CERTIFICATE.strip()
    assert created["attributes"]["privateKey"] == PEM_KEY.strip()
    assert response.json()["meta"]["fingerPrint"] == fingerprint(DER)


@pytest.mark.parametrize(
    "files",
    [
        {"other": ("x.pem", PEM_CERTIFICATE.encode(), "text/plain")},
        {"cert": ("x.pem", PEM_CERTIFICATE.encode(), "text/plain")},
        {"cert": ("x.pem", b"not a pem", "text/plain")},
    ],
    ids=["no-cert-field", "no-key", "no-pem"],
)
async def test_a_file_without_both_blocks_is_400(
    api: httpx.AsyncClient, emulator: Emulator, files: dict[str, tuple[str, bytes, str]]
) -> None:
    error_of(await api.post(certificates(emulator.seed.tenant_id), files=files), 400)
    assert len(emulator.platform.tenant_certificates) == 0


async def test_an_unreadable_form_is_400(api: httpx.AsyncClient, emulator: Emulator) -> None:
    headers = {"Content-Type": "multipart/form-data; boundary=zz"}
    response = await api.post(certificates(emulator.seed.tenant_id), content=b"x", headers=headers)
    error_of(response, 400)


async def test_json_needs_both_keys(api: httpx.AsyncClient, emulator: Emulator) -> None:
    body = docs("tenants/certificate_create_request")
    del body["data"]["attributes"]["privateKey"]
    error = error_of(await api.post(certificates(emulator.seed.tenant_id), json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/privateKey"}
    body = docs("tenants/certificate_create_request")
    body["data"]["type"] = "tenant"
    error_of(await api.post(certificates(emulator.seed.tenant_id), json=body), 409)


async def test_get_leaves_the_keys_out(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """As the docs' example shows: the attributes without publicKey and privateKey."""
    path = certificates(emulator.seed.tenant_id)
    created = data_of(await api.post(path, json=pem_request()), 201)
    response = await api.get(f"{path}/{created['id']}")
    found = data_of(response)
    assert set(found["attributes"]) == set(docs("tenants/certificate_get")["data"]["attributes"])
    assert "BEGIN" not in response.text
    assert response.json()["meta"] == {"fingerPrint": fingerprint(DER)}


async def test_update_replaces_both_keys(api: httpx.AsyncClient, emulator: Emulator) -> None:
    path = certificates(emulator.seed.tenant_id)
    created = data_of(await api.post(path, json=docs("tenants/certificate_create_request")), 201)
    body = {"data": {"attributes": {"publicKey": PEM_CERTIFICATE, "privateKey": PEM_KEY}}}
    updated = data_of(await api.patch(f"{path}/{created['id']}", json=body))
    assert updated["attributes"]["publicKey"] == PEM_CERTIFICATE
    record = emulator.platform.tenant_certificates[created["id"]]
    assert record.private_key == PEM_KEY
    assert "RSA" not in repr(record)
    wrong_id = {"data": {"id": "other", **body["data"]}}
    error_of(await api.patch(f"{path}/{created['id']}", json=wrong_id), 409)
    partial = {"data": {"attributes": {"publicKey": PEM_CERTIFICATE}}}
    error_of(await api.patch(f"{path}/{created['id']}", json=partial), 400)


async def test_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    path = certificates(emulator.seed.tenant_id)
    created = data_of(await api.post(path, json=docs("tenants/certificate_create_request")), 201)
    assert (await api.delete(f"{path}/{created['id']}")).status_code == 204
    error_of(await api.get(f"{path}/{created['id']}"), 404)


async def test_a_certificate_lives_in_its_tenant(
    api: httpx.AsyncClient, emulator: Emulator, spare_tenant: TenantRecord
) -> None:
    """Read through another tenant's path, a certificate is unknown."""
    created = data_of(
        await api.post(
            certificates(emulator.seed.tenant_id), json=docs("tenants/certificate_create_request")
        ),
        201,
    )
    error_of(await api.get(f"{certificates(spare_tenant.id)}/{created['id']}"), 404)
    error_of(await api.delete(f"{certificates(spare_tenant.id)}/{created['id']}"), 404)


async def test_others_are_refused(
    api: httpx.AsyncClient, contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    path = certificates(emulator.seed.tenant_id)
    body = docs("tenants/certificate_create_request")
    error_of(await contract_owner_api.post(path, json=body), 403)
    created = data_of(await api.post(path, json=body), 201)
    error_of(await contract_owner_api.get(f"{path}/{created['id']}"), 403)
    error_of(await contract_owner_api.delete(f"{path}/{created['id']}"), 403)
    assert len(emulator.platform.tenant_certificates) == 1
