"""Emulator tests of auth clients."""
