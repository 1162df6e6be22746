"""Emulator tests of auth secrets."""
