"""Data: the MBPP loader and prompt format (``mbpp_loader``) and the corpus builder (``corpus``).

Named ``data`` rather than ``datasets`` so that it never shadows Hugging Face ``datasets``.
"""

from hrm_codegen.data.mbpp_loader import (  # noqa: F401
    SPLITS,
    DataFormatError,
    MBPPDataset,
    collate_batch,
    format_prompt,
    load_mbpp,
    load_mbpp_jsonl,
)
