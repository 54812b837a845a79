"""The collector policy of a build: paused while it loads, the corpus frozen, the collector
left as it was found when the build ends (also for the rebuilds of ``mkdocs serve``); a
paused block restores the collector as found, even on an error."""

from __future__ import annotations

import gc

import pytest

from edition.build.gc_policy import BuildPolicy, paused


@pytest.fixture(params=[True, False], ids=["enabled", "disabled"])
def enabled(request: pytest.FixtureRequest):
    was = gc.isenabled()
    gc.enable() if request.param else gc.disable()
    yield request.param
    gc.enable() if was else gc.disable()


def test_a_build_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    policy = BuildPolicy()
    assert not gc.isenabled()
    kept = [[n] for n in range(1000)]  # live objects to freeze
    policy.loaded()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.isenabled() is enabled
    policy.end()
    assert gc.get_freeze_count() == 0
    assert gc.isenabled() is enabled
    policy.end()  # a build cancelled after it ended: nothing more to undo
    assert gc.isenabled() is enabled


def test_a_build_that_fails_while_loading_resumes_the_collector(enabled: bool) -> None:
    policy = BuildPolicy()
    policy.end()
    assert gc.isenabled() is enabled


def test_paused_restores_the_collector_as_found(enabled: bool) -> None:
    with pytest.raises(KeyError), paused():
        assert not gc.isenabled()
        raise KeyError("x")
    assert gc.isenabled() is enabled
