"""Client settings: arguments, ELASTICIO_API_* variables, and the base URLs refused."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import respx

from elasticio import AsyncClient, ConfigurationError, UsageError
from elasticio._config import DEFAULT_BASE_URL, resolve_config
from tests._support.offline import API_KEY, EMAIL

ENV_VARS = ("ELASTICIO_API_USERNAME", "ELASTICIO_API_KEY", "ELASTICIO_API_URI")
PASSWORD = "hunter2-in-the-url"

Build = Callable[..., AsyncClient]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's own ELASTICIO_API_* variables."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
async def build() -> AsyncIterator[Build]:
    """Build clients (with a transport that answers nothing) and close them afterwards."""
    made: list[AsyncClient] = []

    def make(*args: Any, **kwargs: Any) -> AsyncClient:
        kwargs.setdefault("transport", httpx.MockTransport(lambda request: httpx.Response(599)))
        client = AsyncClient(*args, **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()


# --- where the values come from -----------------------------------------------------------


def test_arguments_are_used(build: Build) -> None:
    """Explicit email, api_key and base_url are taken as given."""
    client = build(EMAIL, API_KEY, "https://tenant.example")
    assert client.base_url == httpx.URL("https://tenant.example")


def test_environment_fills_missing_values(build: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without arguments the ELASTICIO_API_* variables are read."""
    monkeypatch.setenv("ELASTICIO_API_USERNAME", EMAIL)
    monkeypatch.setenv("ELASTICIO_API_KEY", API_KEY)
    monkeypatch.setenv("ELASTICIO_API_URI", "https://env-tenant.example")
    assert build().base_url == httpx.URL("https://env-tenant.example")


def test_arguments_win_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """An argument beats its environment variable."""
    monkeypatch.setenv("ELASTICIO_API_USERNAME", "env@example.com")
    monkeypatch.setenv("ELASTICIO_API_KEY", "env-key")
    monkeypatch.setenv("ELASTICIO_API_URI", "https://env-tenant.example")
    config = resolve_config(EMAIL, API_KEY, "https://arg-tenant.example")
    assert (config.email, config.api_key) == (EMAIL, API_KEY)
    assert config.base_url == httpx.URL("https://arg-tenant.example")


def test_environment_mapping_can_be_passed() -> None:
    """resolve_config reads an explicit environ instead of os.environ."""
    config = resolve_config(
        None, None, None, environ={"ELASTICIO_API_USERNAME": EMAIL, "ELASTICIO_API_KEY": API_KEY}
    )
    assert (config.email, config.api_key) == (EMAIL, API_KEY)


def test_default_base_url(build: Build) -> None:
    """Without a base URL anywhere, https://api.elastic.io is used."""
    assert build(EMAIL, API_KEY).base_url == httpx.URL("https://api.elastic.io")
    assert DEFAULT_BASE_URL == "https://api.elastic.io"


def test_empty_base_url_variable_means_default(
    build: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty ELASTICIO_API_URI falls back to the default."""
    monkeypatch.setenv("ELASTICIO_API_URI", "")
    assert build(EMAIL, API_KEY).base_url == httpx.URL(DEFAULT_BASE_URL)


# --- missing credentials ------------------------------------------------------------------


def test_missing_email_is_named() -> None:
    """Without an email, the error names the argument and its variable, not the key."""
    with pytest.raises(ConfigurationError) as caught:
        AsyncClient(api_key=API_KEY)
    text = str(caught.value)
    assert "email" in text
    assert "ELASTICIO_API_USERNAME" in text
    assert "api_key" not in text
    assert API_KEY not in text


def test_missing_api_key_is_named() -> None:
    """Without an API key, the error names api_key and ELASTICIO_API_KEY."""
    with pytest.raises(ConfigurationError) as caught:
        AsyncClient(email=EMAIL)
    text = str(caught.value)
    assert "api_key" in text
    assert "ELASTICIO_API_KEY" in text
    assert "ELASTICIO_API_USERNAME" not in text


def test_missing_both_names_both() -> None:
    """With nothing configured, both missing values are named at once."""
    with pytest.raises(ConfigurationError) as caught:
        AsyncClient()
    assert "email" in str(caught.value)
    assert "api_key" in str(caught.value)


@pytest.mark.parametrize(("email", "api_key"), [("", API_KEY), (EMAIL, "")])
def test_empty_credentials_count_as_missing(email: str, api_key: str) -> None:
    """An empty string is no credential."""
    with pytest.raises(ConfigurationError, match="missing credentials"):
        AsyncClient(email=email, api_key=api_key)


def test_configuration_error_is_a_usage_error() -> None:
    """ConfigurationError can be caught as UsageError or ValueError."""
    with pytest.raises(UsageError):
        AsyncClient()
    with pytest.raises(ValueError):
        AsyncClient()


# --- the base URL -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://api.elastic.io", "http://10.0.0.5:8080", "http://localhost.evil.example"]
)
def test_plain_http_to_a_remote_host_is_refused(url: str) -> None:
    """http:// to anything but loopback is refused: the key would travel in clear text."""
    with pytest.raises(ConfigurationError, match="http://") as caught:
        AsyncClient(EMAIL, API_KEY, url)
    assert "allow_insecure_http" in str(caught.value)


def test_plain_http_from_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule also holds for ELASTICIO_API_URI."""
    monkeypatch.setenv("ELASTICIO_API_URI", "http://api.elastic.io")
    with pytest.raises(ConfigurationError):
        AsyncClient(EMAIL, API_KEY)


def test_plain_http_can_be_allowed(build: Build) -> None:
    """allow_insecure_http=True lets a remote http:// base URL through."""
    client = build(EMAIL, API_KEY, "http://api.internal.example", allow_insecure_http=True)
    assert client.base_url.scheme == "http"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1",
        "http://127.0.0.1:8000",
        "http://localhost",
        "http://localhost:9000/",
        "http://[::1]",
        "http://[::1]:8080",
    ],
)
def test_plain_http_to_loopback_is_allowed(build: Build, url: str) -> None:
    """A local emulator on loopback may be plain http://."""
    assert build(EMAIL, API_KEY, url).base_url.scheme == "http"


@pytest.mark.parametrize(
    "url",
    [
        f"https://robot:{PASSWORD}@api.elastic.io",
        f"https://robot:{PASSWORD}@api.elastic.io:abc",
        "https://robot@api.elastic.io",
    ],
)
def test_credentials_in_the_base_url_are_refused(url: str) -> None:
    """user:pass@ in the base URL is refused, and the error never repeats the password."""
    with pytest.raises(ConfigurationError) as caught:
        AsyncClient(EMAIL, API_KEY, url)
    error: BaseException | None = caught.value
    while error is not None:
        assert PASSWORD not in str(error)
        assert PASSWORD not in repr(error)
        error = error.__cause__ or error.__context__


@pytest.mark.parametrize(
    "url",
    [
        "ftp://api.elastic.io",
        "api.elastic.io",
        "/v2",
        "https://",
        "https://api.elastic.io/?x=1",
        "https://api.elastic.io/#frag",
        "https://api.elastic.io:notaport",
    ],
)
def test_unusable_base_urls_are_refused(url: str) -> None:
    """Non-http schemes, relative URLs, queries, fragments and bad ports are refused."""
    with pytest.raises(ConfigurationError):
        AsyncClient(EMAIL, API_KEY, url)


@pytest.mark.parametrize("url", ["https://api.elastic.io/", "https://api.elastic.io///"])
def test_trailing_slash_is_stripped(build: Build, url: str) -> None:
    """Trailing slashes on the base URL are dropped."""
    assert build(EMAIL, API_KEY, url).base_url == httpx.URL("https://api.elastic.io")


async def test_trailing_slash_gives_no_double_slash(build: Build) -> None:
    """A base URL ending in / still gives /v2/... paths, not //v2/...."""
    router = respx.MockRouter(assert_all_mocked=True)
    route = router.get("https://api.elastic.io/v2/users/me").respond(200, json={})
    client = build(
        EMAIL,
        API_KEY,
        "https://api.elastic.io/",
        transport=httpx.MockTransport(router.async_handler),
    )
    await client.request("GET", "/v2/users/me")
    assert route.calls.last.request.url.raw_path == b"/v2/users/me"


async def test_base_path_prefix_is_kept(build: Build) -> None:
    """A base URL such as https://host/api/ keeps /api in front of every request path."""
    router = respx.MockRouter(assert_all_mocked=True)
    route = router.get("https://tenant.example/api/v2/components").respond(200, json={})
    client = build(
        EMAIL,
        API_KEY,
        "https://tenant.example/api/",
        transport=httpx.MockTransport(router.async_handler),
    )
    await client.request("GET", "/v2/components", params={"contract_id": "C1"})
    request = route.calls.last.request
    assert request.url.raw_path == b"/api/v2/components?contract_id=C1"


# --- authentication -----------------------------------------------------------------------


async def test_basic_auth_sends_email_and_api_key(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The Authorization header is HTTP Basic of email:api_key."""
    route = router.get("/v2/users/me").respond(200, json={})
    await client.request("GET", "/v2/users/me")
    scheme, _, token = route.calls.last.request.headers["authorization"].partition(" ")
    assert scheme == "Basic"
    assert base64.b64decode(token).decode() == f"{EMAIL}:{API_KEY}"


async def test_credentials_from_environment_are_sent(
    build: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Credentials read from the environment are the ones the server receives."""
    monkeypatch.setenv("ELASTICIO_API_USERNAME", "env@example.com")
    monkeypatch.setenv("ELASTICIO_API_KEY", "env-key-1")
    router = respx.MockRouter(base_url="https://api.elastic.io", assert_all_mocked=True)
    route = router.get("/v2/users/me").respond(200, json={})
    client = build(transport=httpx.MockTransport(router.async_handler))
    await client.request("GET", "/v2/users/me")
    token = route.calls.last.request.headers["authorization"].removeprefix("Basic ")
    assert base64.b64decode(token).decode() == "env@example.com:env-key-1"
