"""Errors a user can cause that every command reports the same way (one line, exit code 2).

Kept free of heavy imports so the console script can catch them without loading torch.
"""


class CheckpointError(ValueError):
    """A checkpoint folder that cannot be loaded (corrupt weights, weights that do not fit the config).

    The message names the file; ``hrm-codegen`` turns it into one line and exit code 2.
    """
