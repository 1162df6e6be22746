"""The SDK's own HTTP/1.1 transport: httpx requests sent straight over asyncio sockets.

`framing` reads and writes HTTP/1.1 messages and does no I/O; `link` is one connection
(an `asyncio.Protocol`); `transport` is the pool and the `httpx.AsyncBaseTransport`.
"""
