"""GPU checks (marker ``gpu``): flash-attn vs SDPA parity, and the causal/cache invariants on CUDA."""

from __future__ import annotations

import pytest
import torch
from model_helpers import TINY, tiny_model

from hrm_codegen.models import layers

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA"),
]


@pytest.mark.parametrize("arch", ["hrm", "transformer"])
def test_flash_matches_sdpa(arch, monkeypatch):
    """With flash-attn installed, USE_FLASH=1 and USE_FLASH=0 (SDPA) give the same logits in bf16."""
    if layers._flash_attn_func is None:
        pytest.skip("flash-attn is not installed")
    model = tiny_model(arch=arch, halt_max_steps=2).cuda()
    ids = torch.randint(0, TINY["vocab_size"], (2, 32), device="cuda")
    with torch.no_grad(), torch.autocast("cuda", dtype=torch.bfloat16):
        monkeypatch.setenv("USE_FLASH", "1")
        assert layers._use_flash(torch.zeros(1, device="cuda", dtype=torch.bfloat16))
        flash = model(ids).logits.float()
        monkeypatch.setenv("USE_FLASH", "0")
        assert not layers._use_flash(torch.zeros(1, device="cuda", dtype=torch.bfloat16))
        sdpa = model(ids).logits.float()
    torch.testing.assert_close(flash, sdpa, atol=5e-2, rtol=5e-2)


def test_cuda_causality_and_cache_bf16():
    """On CUDA under bf16 autocast: causality holds and the cached step matches the full forward."""
    model = tiny_model(halt_max_steps=2).cuda()
    ids = torch.randint(0, TINY["vocab_size"], (2, 24), device="cuda")
    changed = ids.clone()
    changed[:, 12:] = (changed[:, 12:] + 1) % TINY["vocab_size"]
    with torch.no_grad(), torch.autocast("cuda", dtype=torch.bfloat16):
        full = model(ids).logits.float()
        torch.testing.assert_close(model(changed).logits.float()[:, :12], full[:, :12], atol=1e-2, rtol=1e-2)
        cache = model.new_kv_cache(2, 24, dtype=torch.bfloat16)
        model(ids[:, :23], kv_cache=cache)
        step = model(ids[:, 23:], kv_cache=cache, cache_position=23).logits.float()
    torch.testing.assert_close(step[:, 0], full[:, 23], atol=5e-2, rtol=5e-2)
