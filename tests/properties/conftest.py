"""Hypothesis profiles of the property tests: ``ci`` (the default: a fixed seed, few examples,
fast) and ``long`` (``HYPOTHESIS_PROFILE=long``: many more, to run by hand)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Examples write small editions to disk and analyse them: no deadline, and generating a
# whole edition per example is slow by Hypothesis' measure, not by ours.
_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow],
    "database": None,  # nothing written into the work tree; a failure prints its blob
}
settings.register_profile("ci", max_examples=60, derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("long", max_examples=2000, print_blob=True, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
