"""``client.tenant_certificates``: JSON and multipart creates, reads, updates, deletes,
against the docs' examples."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, TenantCertificate, UsageError
from tests._support.docs import examples_of
from tests._support.wire import body

TENANT_ID = "5c6e91b9d5b4b60012a796fe"
CERTIFICATE_ID = "5c6e9f68d5b4b60012a7a933"
CERTIFICATES = f"/v2/tenants/{TENANT_ID}/certificates"
ONE = f"{CERTIFICATES}/{CERTIFICATE_ID}"

docs = examples_of("tenants", {"{TENANT_ID}": TENANT_ID})


async def test_create_sends_json(client: AsyncClient, router: respx.MockRouter) -> None:
    """Both keys travel as the docs' attributes; the 201 decodes, keys and meta kept."""
    route = router.post(CERTIFICATES).respond(201, json=docs("certificate_create"))
    created = await client.tenant_certificates.create(
        TENANT_ID, public_key="{CERTIFICATE}", private_key="{RSA PRIVATE KEY}"
    )
    request = route.calls.last.request
    assert request.headers["content-type"] == "application/json"
    expected = docs("certificate_create_request")["data"]["attributes"]
    assert body(request) == {"data": {"type": "certificate", "attributes": expected}}
    assert isinstance(created, TenantCertificate)
    assert (created.public_key, created.private_key) == ("{CERTIFICATE}", "{RSA PRIVATE KEY}")
    assert (created.algorithm, created.key_length, created.tenant_id) == (
        "aes-256-cbc",
        32,
        TENANT_ID,
    )
    assert created.user_id == "5c4a0dde51a3d76ee8d6059d"
    assert created.info["subject"] == {"commonName": "www.example.com"}
    assert "RSA PRIVATE KEY" not in repr(created)


async def test_create_sends_a_pem_file(client: AsyncClient, router: respx.MockRouter) -> None:
    """pem= sends multipart/form-data, the file in the field ``cert``."""
    route = router.post(CERTIFICATES).respond(201, json=docs("certificate_create"))
    await client.tenant_certificates.create(TENANT_ID, pem=b"-----BEGIN CERTIFICATE-----")
    request = route.calls.last.request
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    content = request.content
    assert b'Content-Disposition: form-data; name="cert"; filename="cert.pem"' in content
    assert b"\r\n\r\n-----BEGIN CERTIFICATE-----\r\n" in content


@pytest.mark.parametrize(
    "arguments",
    [{}, {"public_key": "c"}, {"private_key": "k"}, {"pem": "p", "public_key": "c"}],
    ids=["nothing", "no-private-key", "no-public-key", "both-ways"],
)
async def test_create_needs_one_complete_form(
    client: AsyncClient, arguments: dict[str, str]
) -> None:
    with pytest.raises(UsageError):
        await client.tenant_certificates.create(TENANT_ID, **arguments)


async def test_get_has_no_keys(client: AsyncClient, router: respx.MockRouter) -> None:
    payload = docs("certificate_get")
    router.get(f"{CERTIFICATES}/5c6eb8b36a6666001080d609").respond(200, json=payload)
    found = await client.tenant_certificates.get(TENANT_ID, "5c6eb8b36a6666001080d609")
    assert (found.public_key, found.private_key) == (None, None)
    assert found.info["notAfter"] == "2029-01-18T15:26:29.000Z"


async def test_update_and_delete(client: AsyncClient, router: respx.MockRouter) -> None:
    """update() PATCHes both keys with the id; delete() DELETEs."""
    route = router.patch(ONE).respond(200, json=docs("certificate_create"))
    await client.tenant_certificates.update(
        TENANT_ID, CERTIFICATE_ID, public_key="{CERTIFICATE}", private_key="{RSA PRIVATE KEY}"
    )
    expected = docs("certificate_update_request")["data"]
    assert body(route.calls.last.request) == {
        "data": {"type": "certificate", "id": CERTIFICATE_ID, **expected}
    }
    deleted = router.delete(ONE).respond(204)
    await client.tenant_certificates.delete(TENANT_ID, CERTIFICATE_ID)
    assert deleted.called


def test_info_of_a_hand_built_certificate_is_empty() -> None:
    assert dict(TenantCertificate(id="c1").info) == {}
