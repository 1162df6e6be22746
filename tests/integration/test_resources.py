"""Signed URL pairs (v1 and v2) through the SDK against the emulator, and the object
store they point at."""

from __future__ import annotations

from elasticio import AsyncClient
from elasticio.testing import Emulator


async def test_storage_signed_url_opens_a_slot(client: AsyncClient, emulator: Emulator) -> None:
    """v2's pair points at the emulator's own object store, for the docs' 18000 s."""
    before = len(emulator.platform.objects)
    url = await client.resources.storage_signed_url()
    assert url.expires == 18000
    assert "/_objects/" in url.put_url
    assert "/_objects/" in url.get_url
    assert len(emulator.platform.objects) == before + 1


async def test_v1_and_v2_share_the_store(client: AsyncClient, emulator: Emulator) -> None:
    """A v1 pair is a slot of the same store as v2's."""
    v1 = await client.v1.resources.s3_signed_url()
    v2 = await client.resources.storage_signed_url()
    token = v1.get_url.rsplit("/", 1)[1]
    found = emulator.platform.objects.find(token)
    assert found is not None
    assert found[1] == "get"
    assert v1.put_url != v2.put_url
