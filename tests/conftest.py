"""Shared test configuration: Hypothesis profiles and a clean registry."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

# CI runs the whole suite on 2 cores in well under 10 minutes: 50 examples per property there;
# HYPOTHESIS_PROFILE=thorough for a long local run.
settings.register_profile("ci", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def fresh_registry() -> Iterator[None]:
    """Forget discovered releases and cached datasets before and after a test."""
    from sinorussia import _registry

    _registry.reset()
    yield
    _registry.reset()
