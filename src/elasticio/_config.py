"""Client settings, from arguments first and the platform's environment variables second."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping

import attrs
import httpx

from elasticio._errors import ConfigurationError

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "ENV_API_KEY",
    "ENV_BASE_URL",
    "ENV_EMAIL",
    "ClientConfig",
    "is_loopback",
    "resolve_config",
]

ENV_EMAIL = "ELASTICIO_API_USERNAME"
ENV_API_KEY = "ELASTICIO_API_KEY"
ENV_BASE_URL = "ELASTICIO_API_URI"
DEFAULT_BASE_URL = "https://api.elastic.io"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


@attrs.frozen
class ClientConfig:
    """Where to connect and as whom. The API key never appears in a repr."""

    email: str = attrs.field(repr=False)
    api_key: str = attrs.field(repr=False)
    base_url: httpx.URL


def is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _base_url(raw: str, *, allow_insecure_http: bool) -> httpx.URL:
    try:
        url = httpx.URL(raw.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigurationError("the base URL is not a valid URL") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(
            "the base URL must be an absolute http(s) URL such as https://api.elastic.io"
        )
    if url.userinfo:
        raise ConfigurationError(
            "the base URL must not carry credentials; pass email and api_key instead"
        )
    if url.query or url.fragment:
        raise ConfigurationError("the base URL must not have a query or a fragment")
    if url.scheme == "http" and not is_loopback(url.host) and not allow_insecure_http:
        raise ConfigurationError(
            f"refusing plain http:// to {url.host}: the API key would travel in clear text; "
            "use https:// or pass allow_insecure_http=True"
        )
    return url.copy_with(raw_path=url.raw_path.rstrip(b"/"))


def resolve_config(
    email: str | None,
    api_key: str | None,
    base_url: str | None,
    *,
    allow_insecure_http: bool = False,
    environ: Mapping[str, str] | None = None,
) -> ClientConfig:
    """Settle the settings: explicit arguments win, then ``ELASTICIO_API_*`` variables."""
    env = os.environ if environ is None else environ
    email = email if email is not None else env.get(ENV_EMAIL)
    api_key = api_key if api_key is not None else env.get(ENV_API_KEY)
    missing = [
        f"{arg} (or {var})"
        for arg, var, value in (("email", ENV_EMAIL, email), ("api_key", ENV_API_KEY, api_key))
        if not value
    ]
    if missing:
        raise ConfigurationError("missing credentials: " + ", ".join(missing))
    if email is None or api_key is None:  # for the type checker; `missing` covered it
        raise ConfigurationError("missing credentials")
    raw_url = base_url if base_url is not None else env.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    return ClientConfig(
        email=email,
        api_key=api_key,
        base_url=_base_url(raw_url, allow_insecure_http=allow_insecure_http),
    )
