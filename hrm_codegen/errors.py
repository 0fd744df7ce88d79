"""Errors a user can cause, reported the same way by every command (one line, exit code 2).

Kept free of heavy imports so the console script can catch them without loading torch.
"""


class ConfigError(ValueError):
    """A configuration that cannot be used (bad key, wrong type, missing file, unwritable folder).

    The message names the offending key or file.
    """


class CheckpointError(ValueError):
    """A checkpoint folder that cannot be loaded (corrupt weights, weights that do not fit the config).

    The message names the file.
    """


class DataFormatError(ValueError):
    """A data file is malformed; the message names the file and line."""


USER_ERRORS = (ConfigError, CheckpointError, DataFormatError, FileNotFoundError)
"""What ``hrm-codegen`` turns into one line and exit code 2 instead of a traceback."""
