"""The collector is paused inside the block and left as it was found, even on an error."""

from __future__ import annotations

import gc

import pytest

from edition.build import gc_policy
from edition.build.gc_policy import paused_gc


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_gc_restores_the_collector_as_found(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with pytest.raises(KeyError), paused_gc():
            assert not gc.isenabled()
            raise KeyError("x")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_frozen_build_is_thawed_at_its_end() -> None:
    before = gc.get_freeze_count()
    kept = [[n] for n in range(1000)]  # live objects to freeze
    gc_policy.freeze()
    assert gc.get_freeze_count() >= before + len(kept)
    gc_policy.thaw()
    assert gc.get_freeze_count() == 0
