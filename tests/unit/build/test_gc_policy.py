"""A build's collector policy: paused from its start, the corpus frozen, and the collector
left as it was found when the build ends (also for the rebuilds of ``mkdocs serve``)."""

from __future__ import annotations

import gc

import pytest

from edition.build.gc_policy import BuildPolicy


@pytest.mark.parametrize("enabled", [True, False])
def test_a_build_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        policy = BuildPolicy()
        assert not gc.isenabled()
        kept = [[n] for n in range(1000)]  # live objects to freeze
        policy.freeze()
        assert gc.get_freeze_count() >= len(kept)
        policy.resume()
        assert gc.isenabled() is enabled
        policy.end()
        assert gc.get_freeze_count() == 0
        assert gc.isenabled() is enabled
        policy.end()  # a build cancelled after it ended: nothing more to undo
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_build_that_fails_before_the_freeze_resumes_the_collector() -> None:
    policy = BuildPolicy()
    policy.end()
    assert gc.isenabled()
