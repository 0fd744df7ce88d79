"""hrm-codegen: the Hierarchical Reasoning Model (HRM) as a causal language model for Python.

Layout (one package per stage of the pipeline)::

    tokenization  GPT-2 byte-level BPE, files shipped in the package
    data          MBPP loader, prompt format, corpus builder
    models        causal HRM, the baseline transformer, config schema
    inference     sampling, stop strings, KV-cached decoding, ``hrm-codegen generate``
    losses_codegen  next-token / ACT losses
    training      the Accelerate trainer
    execution     the sandbox that runs untrusted completions
    evaluation    ``EvalConfig``, ``evaluate(cfg)``, pass@k, ``hrm-codegen evaluate``
    cli           the ``hrm-codegen`` console script
"""

__version__ = "0.1.0"
