"""Training: the Accelerate trainer and what it is made of (one job per module).

``config`` (the YAML schema), ``data`` (datasets and the order rows are drawn in), ``losses`` (the
one place logits meet labels), ``optim`` (optimizers, LR schedule, EMA), ``checkpoint`` (folder
layout), ``metrics`` (metrics.jsonl, trackers, loss.png), ``errors`` (exit codes), ``loop`` (the
trainer, :func:`train`), ``dry_run`` (``train --dry-run``), ``cli`` (``hrm-codegen train``).
"""
