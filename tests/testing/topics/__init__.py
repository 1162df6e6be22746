"""The emulator's Pub/Sub topics."""
