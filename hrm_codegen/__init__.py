"""hrm-codegen: the Hierarchical Reasoning Model (HRM) as a causal language model for Python.

It trains on MBPP-format problems, generates completions, runs them against each problem's asserts
in a sandbox and reports Pass@k, for HRM and a baseline transformer alike. One subpackage per stage,
each importing only from its own layer or lower ones; the layout, its rules and each module's job
are described in ``docs/architecture.md``.
"""

__version__ = "0.1.0"
