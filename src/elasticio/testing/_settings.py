"""Knobs of an emulator that tests may turn at any time."""

from __future__ import annotations

import attrs

__all__ = ["EmulatorSettings"]


@attrs.define(kw_only=True)
class EmulatorSettings:
    """How the emulated platform behaves; change the fields between requests as needed.

    Examples:
        >>> settings = EmulatorSettings(rate_limit=5, transition_delay=2.0)
        >>> settings.rate_limit
        5

    Attributes:
        rate_limit: requests per second allowed to each user (a token bucket with a burst
            of the same size); ``None`` switches rate limiting off.
        transition_delay: seconds between starting or stopping a flow and its
            ``current_status`` following its ``status``.
        execution_time: seconds a scheduled component execution (verify credential,
            dynamic metadata, select model) takes before its result is ready; the value
            at scheduling time counts for that execution.
        auth_client_scope_required: refuse (403), as the docs say, a get of an auth client
            that is not global without a ``workspace_id``, ``contract_id`` or
            ``tenant_id``; by default it is answered when a scope of the caller sees the
            client, as the platform's component library expects.
        callback_delay: seconds between accepting an API v1 registration with a
            ``callback`` and posting the new user to it.
        execution_lifetime: seconds an API v1 execution result stays available once
            ready; after that its poll answers 404 ``Expired.``.
        stop_inactive_conflict: answer 409 "Flow is already inactive" to a stop of a flow
            that is not active; by default such a stop is answered 202 like any other, as
            nothing documents the 409 and clients stop flows before changing them.
        restore_window: seconds after its deletion during which a tenant admin may list
            and restore a flow (24 hours, as the release notes say).
        signed_url_lifetime: seconds a signed URL pair of the object store works for
            (``expires`` in the answer); the docs' example says 18000.
        object_size_limit: the most bytes a PUT to the object store may carry; more is
            S3's 400 ``EntityTooLarge``.
        request_log_size: how many recent requests ``Emulator.requests`` keeps (its
            counters count them all), so that a long load test does not grow memory.
    """

    rate_limit: float | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.gt(0.0))
    )
    transition_delay: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))
    execution_time: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))
    auth_client_scope_required: bool = False
    callback_delay: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))
    execution_lifetime: float = attrs.field(default=600.0, validator=attrs.validators.gt(0.0))
    stop_inactive_conflict: bool = False
    restore_window: float = attrs.field(default=86_400.0, validator=attrs.validators.ge(0.0))
    signed_url_lifetime: int = attrs.field(default=18000, validator=attrs.validators.gt(0))
    object_size_limit: int = attrs.field(default=10 * 1024 * 1024, validator=attrs.validators.ge(0))
    request_log_size: int = attrs.field(default=10_000, validator=attrs.validators.ge(1))
