"""Signed URL pairs (v1 and v2) and the object store they point at, over plain httpx."""

from __future__ import annotations

import hashlib

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import error_of, json_of, v1_error_of

SIGNED_URL_PATHS = ("/v2/resources/storage/signed-url", "/v1/resources/s3/signed-url")


def _s3_code(response: httpx.Response, status: int) -> str:
    """The ``<Code>`` of an S3 XML error answer, its status and type checked."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/xml"
    return response.text.split("<Code>", 1)[1].split("</Code>", 1)[0]


async def _pair(api: httpx.AsyncClient, path: str = SIGNED_URL_PATHS[0]) -> dict[str, object]:
    return dict(json_of(await api.post(path)))


@pytest.mark.parametrize("path", SIGNED_URL_PATHS)
async def test_answer_has_the_docs_members(api: httpx.AsyncClient, path: str) -> None:
    """Both versions answer plain ``{put_url, get_url, expires}``: two different absolute
    URLs of the emulator's own address, and the docs' 18000 seconds."""
    pair = await _pair(api, path)
    assert sorted(pair) == ["expires", "get_url", "put_url"]
    assert pair["expires"] == 18000
    assert str(pair["put_url"]).startswith("http://127.0.0.1/_objects/")
    assert str(pair["get_url"]).startswith("http://127.0.0.1/_objects/")
    assert pair["put_url"] != pair["get_url"]


@pytest.mark.parametrize("path", SIGNED_URL_PATHS)
async def test_a_post_with_an_empty_form_body_is_accepted(
    api: httpx.AsyncClient, path: str
) -> None:
    """The Node client POSTs no body as an empty form: still a 200."""
    response = await api.post(
        path, headers={"content-type": "application/x-www-form-urlencoded", "content-length": "0"}
    )
    assert response.status_code == 200


async def test_lifetime_is_a_setting(api: httpx.AsyncClient, emulator: Emulator) -> None:
    emulator.settings.signed_url_lifetime = 60
    assert (await _pair(api))["expires"] == 60


async def test_asking_needs_a_signed_in_caller(anonymous_api: httpx.AsyncClient) -> None:
    error_of(await anonymous_api.post(SIGNED_URL_PATHS[0]), 401)
    v1_error_of(await anonymous_api.post(SIGNED_URL_PATHS[1]), 401)


async def test_any_member_may_ask(guest_api: httpx.AsyncClient) -> None:
    """No permission is documented: a plain guest gets a pair too."""
    assert "put_url" in await _pair(guest_api)


@pytest.mark.parametrize("path", SIGNED_URL_PATHS)
async def test_put_then_get_round_trips_the_bytes(
    api: httpx.AsyncClient, anonymous_api: httpx.AsyncClient, path: str
) -> None:
    """The bytes PUT to ``put_url`` come back from ``get_url`` with their content type,
    without credentials; the PUT answers S3's ETag."""
    pair = await _pair(api, path)
    content = b"\x00attachment\xff"
    put = await anonymous_api.put(
        str(pair["put_url"]), content=content, headers={"content-type": "image/png"}
    )
    assert put.status_code == 200
    assert put.headers["etag"] == f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'
    got = await anonymous_api.get(str(pair["get_url"]))
    assert (got.status_code, got.content, got.headers["content-type"]) == (
        200,
        content,
        "image/png",
    )


async def test_text_keeps_its_content_type_as_given(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient
) -> None:
    """No charset is added to a text type that came without one."""
    pair = await _pair(api)
    await anonymous_api.put(
        str(pair["put_url"]), content=b"hi", headers={"content-type": "text/csv"}
    )
    assert (await anonymous_api.get(str(pair["get_url"]))).headers["content-type"] == "text/csv"


async def test_no_content_type_is_s3s_default(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient
) -> None:
    pair = await _pair(api)
    await anonymous_api.put(str(pair["put_url"]), content=b"x")
    got = await anonymous_api.get(str(pair["get_url"]))
    assert got.headers["content-type"] == "binary/octet-stream"


async def test_a_second_put_replaces_the_object(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient
) -> None:
    pair = await _pair(api)
    await anonymous_api.put(str(pair["put_url"]), content=b"one")
    await anonymous_api.put(str(pair["put_url"]), content=b"two")
    assert (await anonymous_api.get(str(pair["get_url"]))).content == b"two"


async def test_get_before_put_is_no_such_key(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient
) -> None:
    pair = await _pair(api)
    assert _s3_code(await anonymous_api.get(str(pair["get_url"])), 404) == "NoSuchKey"


async def test_tokens_expire_on_the_emulators_clock(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient, fake_clock: FakeClock
) -> None:
    """Both URLs work until ``expires`` seconds have passed, then answer 403."""
    pair = await _pair(api)
    await anonymous_api.put(str(pair["put_url"]), content=b"x")
    fake_clock.advance(17999)
    assert (await anonymous_api.get(str(pair["get_url"]))).content == b"x"
    fake_clock.advance(1)
    got = await anonymous_api.get(str(pair["get_url"]))
    assert _s3_code(got, 403) == "AccessDenied"
    assert "expired" in got.text
    put = await anonymous_api.put(str(pair["put_url"]), content=b"y")
    assert _s3_code(put, 403) == "AccessDenied"


async def test_a_token_never_issued_is_refused(anonymous_api: httpx.AsyncClient) -> None:
    for method in ("GET", "PUT"):
        response = await anonymous_api.request(method, "/_objects/not-issued", content=b"")
        assert _s3_code(response, 403) == "AccessDenied"


async def test_each_url_does_only_its_own_method(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient
) -> None:
    """A PUT with the get token, or a GET with the put token, fails S3's signature check."""
    pair = await _pair(api)
    put = await anonymous_api.put(str(pair["get_url"]), content=b"x")
    assert _s3_code(put, 403) == "SignatureDoesNotMatch"
    got = await anonymous_api.get(str(pair["put_url"]))
    assert _s3_code(got, 403) == "SignatureDoesNotMatch"


async def test_other_methods_are_405(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient
) -> None:
    pair = await _pair(api)
    response = await anonymous_api.post(str(pair["put_url"]), content=b"x")
    assert _s3_code(response, 405) == "MethodNotAllowed"
    assert response.headers["allow"] == "GET, PUT"


@pytest.mark.parametrize("declared", [True, False])
async def test_a_body_over_the_size_limit_is_too_large(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient, emulator: Emulator, declared: bool
) -> None:
    """More bytes than ``object_size_limit`` is 400 EntityTooLarge, whether the length is
    declared or the body streamed; nothing is stored."""
    emulator.settings.object_size_limit = 4
    pair = await _pair(api)
    assert (await anonymous_api.put(str(pair["put_url"]), content=b"1234")).status_code == 200

    async def chunks():  # type: ignore[no-untyped-def]
        yield b"123"
        yield b"45"

    content = b"12345" if declared else chunks()
    response = await anonymous_api.put(str(pair["put_url"]), content=content)
    assert _s3_code(response, 400) == "EntityTooLarge"
    assert (await anonymous_api.get(str(pair["get_url"]))).content == b"1234"


async def test_object_requests_are_logged_without_an_entry(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient, emulator: Emulator
) -> None:
    pair = await _pair(api)
    await anonymous_api.put(str(pair["put_url"]), content=b"x")
    last = emulator.requests[-1]
    assert (last.method, last.entry, last.route, last.status) == ("PUT", None, None, 200)
    assert last.path.startswith("/_objects/")


async def test_the_fault_script_leaves_the_object_store_alone(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A rule for every request hits the API, not S3; a rule naming the signed-URL entry
    hits that entry."""
    pair = await _pair(api)
    emulator.faults.fail(503)
    assert (await anonymous_api.put(str(pair["put_url"]), content=b"x")).status_code == 200
    error_of(await api.post(SIGNED_URL_PATHS[0]), 503)
    emulator.faults.clear()
    emulator.faults.fail(502, route="v1.resources.s3_signed_url")
    v1_error_of(await api.post(SIGNED_URL_PATHS[1]), 502)
    assert (await api.post(SIGNED_URL_PATHS[0])).status_code == 200


async def test_a_reset_forgets_the_objects(
    anonymous_api: httpx.AsyncClient, api: httpx.AsyncClient, emulator: Emulator
) -> None:
    pair = await _pair(api)
    await anonymous_api.put(str(pair["put_url"]), content=b"x")
    emulator.reset()
    assert _s3_code(await anonymous_api.get(str(pair["get_url"])), 403) == "AccessDenied"
