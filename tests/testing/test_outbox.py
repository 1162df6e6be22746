"""The emulator's outbox: requests it sends on its own, to loopback only, in the
background, waiting with the injected sleep."""

from __future__ import annotations

from typing import Any

import pytest

from elasticio.testing._outbox import Delivery, Outbox, is_loopback
from tests._support.clock import FakeClock


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8080/x", True),
        ("http://127.8.9.10/x", True),
        ("https://localhost/x", True),
        ("http://[::1]:9/x", True),
        ("http://10.0.0.1/x", False),
        ("http://localhost.example.com/x", False),
        ("ftp://127.0.0.1/x", False),
        ("not a url at all", False),
    ],
)
def test_only_loopback_urls_are_sent_to(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


async def test_a_delivery_waits_its_delay_with_the_injected_sleep() -> None:
    clock = FakeClock()
    sent: list[tuple[str, Any]] = []

    async def send(url: str, body: Any) -> int:
        sent.append((url, body))
        return 201

    outbox = Outbox(sleep=clock.sleep, send=send)
    delivery = outbox.post(Delivery(url="http://127.0.0.1:1/cb", body={"a": 1}, delay=2.5))
    assert delivery.state == "pending"
    await outbox.drain()
    assert (clock.sleeps, sent, delivery.state, delivery.status) == (
        [2.5],
        [("http://127.0.0.1:1/cb", {"a": 1})],
        "delivered",
        201,
    )


async def test_the_default_sender_failing_is_recorded() -> None:
    """Nothing listens on port 1 of loopback: the delivery fails, and says why."""
    outbox = Outbox()
    delivery = outbox.post(Delivery(url="http://127.0.0.1:1/cb", body={}))
    await outbox.drain()
    assert (delivery.state, delivery.error) == ("failed", "ConnectError")
