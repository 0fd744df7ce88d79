"""Data: training datasets and collate (``datasets``), the corpus builder (``corpus``), MBPP-shaped
augmentation (``augment``) and exercises (``exercises``), the copy task (``copy_task``).

Named ``data`` rather than ``datasets`` so that it never shadows Hugging Face ``datasets``.
The benchmarks' own facts (MBPP's files, splits and prompt) live in :mod:`hrm_codegen.tasks`.
"""
