"""Hypothesis settings for the model fuzz tests: short and repeatable by default; the
``nox -s fuzz`` session picks the long profile with ``ELASTICIO_FUZZ=long``."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# The default run: a fixed sequence of examples, so CI sees the same inputs every time;
# few per model (22 models), to keep the suite short: the long run is the search.
settings.register_profile(
    "fuzz-short",
    max_examples=75,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# About 10 minutes in all (nox -s fuzz; some 20 ms an example, 22 models): new random
# inputs each run.
settings.register_profile(
    "fuzz-long",
    max_examples=1_200,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
