"""Workspace logs: lines the emulator makes up for running flows, and lines tests add."""
