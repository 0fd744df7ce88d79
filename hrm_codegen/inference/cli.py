"""``hrm-codegen generate``: print the completion(s) of a checkpoint for one prompt or MBPP task.

Imports torch (it generates); the console script imports this module only for ``generate``.
"""

from __future__ import annotations

import argparse
import sys

import torch

from hrm_codegen.inference.completions import generate_code
from hrm_codegen.inference.sampling import check_positive_int, validate_sampling_args
from hrm_codegen.inference.stops import TextStreamer
from hrm_codegen.models import load_model
from hrm_codegen.tasks.mbpp import MBPP_STOPS, load_mbpp
from hrm_codegen.tokenization import get_tokenizer


def _build_parser() -> argparse.ArgumentParser:
    """The arguments of ``hrm-codegen generate``."""
    p = argparse.ArgumentParser(
        prog="hrm-codegen generate",
        description="Generate code from a checkpoint for a prompt or an MBPP task.",
    )
    p.add_argument("--checkpoint", required=True, help="checkpoint folder (config.yaml + model.safetensors)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--prompt", help="prompt text used verbatim ('-' reads it from stdin)")
    src.add_argument("--task-id", type=int, help="MBPP task id: its prompt in the training format")
    p.add_argument("--max-new-tokens", type=int, default=256)
    p.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default)")
    p.add_argument("--top-k", type=int, default=None)
    p.add_argument("--top-p", type=float, default=None)
    p.add_argument("--n", type=int, default=1, help="completions to sample")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--batch-size", type=int, default=16, help="sequences per forward pass")
    p.add_argument("--device", default=None, help="cpu / cuda (default: cuda if available)")
    p.add_argument("--no-stop", action="store_true", help="do not cut at the MBPP stop strings (EOS still ends)")
    p.add_argument("--no-stream", action="store_true", help="print only when done (streaming needs --n 1)")
    p.add_argument("--show-prompt", action="store_true", help="print the prompt before the completion")
    return p


def _resolve_prompt(args: argparse.Namespace) -> str:
    """The prompt text: ``--prompt`` as given (``-``: stdin) or MBPP task ``--task-id``'s prompt."""
    if args.task_id is None:
        return sys.stdin.read() if args.prompt == "-" else args.prompt
    for task in load_mbpp("all"):
        if task.task_id == args.task_id:
            return task.prompt
    raise ValueError(f"no MBPP task with id {args.task_id} (ids are 1..974)")


def main(argv: list[str] | None = None) -> int:
    """``hrm-codegen generate``: print the completion(s) for one prompt; returns the exit code."""
    args = _build_parser().parse_args(argv)
    err = sys.stderr
    try:
        validate_sampling_args(args.temperature, args.top_k, args.top_p)
        for name in ("max_new_tokens", "n", "batch_size"):
            check_positive_int("--" + name.replace("_", "-"), getattr(args, name))
        if args.device and args.device.startswith("cuda") and not torch.cuda.is_available():
            raise ValueError(f"--device {args.device}: CUDA is not available on this machine")
        prompt = _resolve_prompt(args)
        if not prompt:
            raise ValueError("the prompt is empty")
    except ValueError as e:
        print(f"hrm-codegen generate: error: {e}", file=err)
        return 2

    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    try:
        model = load_model(args.checkpoint, device=device)
    except (OSError, ValueError) as e:
        print(f"hrm-codegen generate: error: cannot load checkpoint {args.checkpoint!r}: {e}", file=err)
        return 2
    tokenizer = get_tokenizer()
    needed = len(tokenizer.encode(prompt)) + args.max_new_tokens
    if needed > model.config.max_seq_len:
        print(f"hrm-codegen generate: error: the prompt's {needed - args.max_new_tokens} tokens + --max-new-tokens "
              f"{args.max_new_tokens} exceed the model's max_seq_len {model.config.max_seq_len}", file=err)
        return 2
    stops = () if args.no_stop else MBPP_STOPS
    stream = args.n == 1 and not args.no_stream
    if args.show_prompt:
        print(prompt, end="" if prompt.endswith("\n") else "\n")
    streamer = TextStreamer(tokenizer, stops, tokenizer.eos_token_id) if stream else None
    try:
        completions = generate_code(
            model, tokenizer, [prompt], n=args.n, max_new_tokens=args.max_new_tokens,
            temperature=args.temperature, top_p=args.top_p, top_k=args.top_k, stop=stops, seed=args.seed,
            batch_size=args.batch_size, streamer=streamer,
        )[0]
    except ValueError as e:
        print(f"hrm-codegen generate: error: {e}", file=err)
        return 2
    if not stream:
        for i, text in enumerate(completions):
            if args.n > 1:
                print(f"# ---- sample {i + 1}/{args.n} ----")
            print(text, end="" if text.endswith("\n") else "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
