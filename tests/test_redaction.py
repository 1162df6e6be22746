"""The API key and the Authorization value never show up in reprs, errors or logs."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator

import httpx
import pytest
import respx

from elasticio import (
    APIConnectionError,
    APITimeoutError,
    AsyncClient,
    AuthenticationError,
    ConfigurationError,
    ElasticioError,
)
from elasticio._config import resolve_config
from elasticio._http import RequestSpec
from tests._support.clock import FakeClock
from tests._support.offline import BASE_URL, EMAIL, offline_client

SECRET = "zq-REDACT-ME-7f3a9c1e5b2d4680"
AUTHORIZATION = "Basic " + base64.b64encode(f"{EMAIL}:{SECRET}".encode()).decode()
TOKEN = AUTHORIZATION.removeprefix("Basic ")
FORBIDDEN = (SECRET, TOKEN)


def assert_clean(text: str) -> None:
    """Neither the key nor the Basic token (nor the header value) is in ``text``."""
    for secret in FORBIDDEN:
        assert secret not in text


def assert_error_clean(error: BaseException) -> None:
    """The error, and every error it was raised from, is free of secrets."""
    seen: BaseException | None = error
    while seen is not None:
        assert_clean(str(seen))
        assert_clean(repr(seen))
        assert_clean(repr(seen.args))
        seen = seen.__cause__ or seen.__context__


@pytest.fixture
async def secret_client(router: respx.MockRouter, clock: FakeClock) -> AsyncIterator[AsyncClient]:
    """A client holding the distinctive key, wired to ``router``."""
    async with offline_client(router.async_handler, clock, api_key=SECRET) as c:
        yield c


async def test_the_key_is_really_sent(secret_client: AsyncClient, router: respx.MockRouter) -> None:
    """The secret does travel in the Authorization header (so the other checks mean something)."""
    route = router.get("/v2/users/me").respond(200, json={})
    await secret_client.request("GET", "/v2/users/me")
    assert route.calls.last.request.headers["authorization"] == AUTHORIZATION


def test_client_repr(secret_client: AsyncClient) -> None:
    """repr and str of the client show the base URL and no secret."""
    assert BASE_URL in repr(secret_client)
    assert_clean(repr(secret_client))
    assert_clean(str(secret_client))


def test_derived_client_repr(secret_client: AsyncClient) -> None:
    """A with_options client is as discreet as its parent."""
    assert_clean(repr(secret_client.with_options(max_retries=0)))


def test_config_repr_and_str() -> None:
    """ClientConfig shows neither the key nor the email."""
    config = resolve_config(EMAIL, SECRET, BASE_URL)
    assert config.api_key == SECRET
    for text in (repr(config), str(config)):
        assert_clean(text)
        assert BASE_URL in text


async def test_authentication_error(secret_client: AsyncClient, router: respx.MockRouter) -> None:
    """A 401 error's message, repr and args do not contain the key."""
    router.get("/v2/users/me").respond(
        401, json={"errors": [{"status": 401, "title": "No authorization header was provided."}]}
    )
    with pytest.raises(AuthenticationError) as caught:
        await secret_client.request("GET", "/v2/users/me")
    assert_error_clean(caught.value)
    assert_clean(caught.value.url)
    assert_clean(str(dict(caught.value.headers)))


async def test_connection_error(secret_client: AsyncClient, router: respx.MockRouter) -> None:
    """A connection failure (after retries) names the request but not the key."""
    router.get("/v2/users/me").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as caught:
        await secret_client.request("GET", "/v2/users/me")
    assert caught.value.retries_taken == 3
    assert_error_clean(caught.value)


async def test_timeout_error(secret_client: AsyncClient, router: respx.MockRouter) -> None:
    """A timeout error carries no secret either."""
    router.get("/v2/users/me").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError) as caught:
        await secret_client.request("GET", "/v2/users/me")
    assert_error_clean(caught.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"email": None, "api_key": SECRET},
        {"email": EMAIL, "api_key": SECRET, "base_url": "http://api.elastic.io"},
        {"email": EMAIL, "api_key": SECRET, "base_url": f"https://robot:{SECRET}@api.elastic.io"},
        {"email": EMAIL, "api_key": SECRET, "base_url": f"https://robot:{SECRET}@h:port"},
        {"email": EMAIL, "api_key": SECRET, "base_url": "https://api.elastic.io/?x=1"},
    ],
)
def test_configuration_errors(
    kwargs: dict[str, str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No configuration error repeats the key, whether given as api_key or in the URL."""
    monkeypatch.delenv("ELASTICIO_API_USERNAME", raising=False)
    with pytest.raises(ConfigurationError) as caught:
        AsyncClient(**kwargs)  # type: ignore[arg-type]
    assert_error_clean(caught.value)


async def test_logs_at_debug_carry_no_secret(
    secret_client: AsyncClient, router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    """Every log line of a retried request, down to DEBUG, is free of secrets."""
    for name in ("elasticio", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    router.get("/v2/users/me").mock(
        side_effect=[httpx.Response(503), httpx.ReadError("reset"), httpx.Response(200, json={})]
    )
    await secret_client.request("GET", "/v2/users/me")
    assert any("retrying" in r.getMessage() for r in caplog.records)
    assert any(r.name == "httpx" for r in caplog.records)
    for record in caplog.records:
        assert_clean(record.getMessage())
        assert_clean(repr(record.args))
    assert_clean(caplog.text)


async def test_logs_of_a_failed_request_carry_no_secret(
    secret_client: AsyncClient, router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    """A request that ends in a 401 logs nothing secret."""
    caplog.set_level(logging.DEBUG)
    router.get("/v2/users/me").respond(401)
    with pytest.raises(ElasticioError):
        await secret_client.request("GET", "/v2/users/me")
    assert caplog.records
    assert_clean(caplog.text)


async def test_request_repr(secret_client: AsyncClient, router: respx.MockRouter) -> None:
    """The repr of the httpx request that carried the header does not show it."""
    route = router.get("/v2/users/me").respond(200, json={})
    await secret_client.request("GET", "/v2/users/me")
    request = route.calls.last.request
    assert request.headers["authorization"] == AUTHORIZATION
    assert_clean(repr(request))
    assert_clean(str(request.url))


async def test_response_repr(secret_client: AsyncClient, router: respx.MockRouter) -> None:
    """The Response returned by send() does not expose the secret in its repr."""
    router.get("/v2/users/me").respond(200, json={})
    response = await secret_client._send(RequestSpec(method="GET", path="/v2/users/me"))
    assert_clean(repr(response))
