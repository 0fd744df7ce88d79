"""Configuration plumbing shared by every job: YAML files, ``key=value`` overrides, error messages.

Every job (training, evaluation, presets, the corpus builder) describes its settings as a pydantic
schema with ``extra="forbid"``, reads them with :func:`load_config_file` / :func:`apply_overrides`
and validates them with :func:`validate`, so that a typo fails before any work, naming the key.
The shipped configs and presets live in this package (:data:`CONFIG_DIR`), so ``-c tiny`` and
``--preset quickstart`` work from any folder and from a non-editable install.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Iterable, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from hrm_codegen.errors import ConfigError

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
"""Training configs shipped with the package (``tiny``, ``hrm-27m``, ...)."""
PRESET_DIR = CONFIG_DIR / "presets"
"""End-to-end presets shipped with the package (``quickstart``, ``mini``, ...)."""

S = TypeVar("S", bound=BaseModel)


def resolve_config_path(name: str | Path, folder: Path = CONFIG_DIR, what: str = "config file") -> Path:
    """A file path as given, or ``<folder>/<name>`` / ``<folder>/<name>.yaml`` of the package."""
    p = Path(name)
    for candidate in (p, folder / p, folder / f"{p}.yaml"):
        if candidate.is_file():
            return candidate
    known = ", ".join(sorted(q.stem for q in folder.glob("*.yaml")))
    raise ConfigError(f"{what} not found: {name} (also looked in {folder}; shipped: {known})")


def load_config_file(path: Path, what: str = "config") -> dict[str, Any]:
    """The mapping a YAML file holds (``{}`` for an empty file); anything else is a :class:`ConfigError`."""
    try:
        raw = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as e:
        raise ConfigError(f"{path} is not valid YAML: {e}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: a {what} must hold a mapping of keys to values")
    return raw


def parse_override(text: str) -> tuple[list[str], Any]:
    """Split ``a.b.c=value`` into ``(["a", "b", "c"], value)``; the value is parsed as YAML.

    YAML 1.1 reads ``3e-4`` as a string, so a string that Python reads as a number becomes one;
    ``None``/``null`` become None.
    """
    if "=" not in text:
        raise ConfigError(f"override {text!r} is not key=value (e.g. optim.lr=3e-4)")
    key, raw = text.split("=", 1)
    parts = key.strip().split(".")
    if not all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p) for p in parts):
        raise ConfigError(f"override {text!r}: {key!r} is not a dotted key (e.g. model.hidden_size)")
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError as e:
        raise ConfigError(f"override {text!r}: value is not valid YAML ({e})") from None
    if isinstance(value, str):
        if value in ("None", "none"):
            value = None
        else:
            for convert in (int, float):
                try:
                    value = convert(value)
                    break
                except ValueError:
                    pass
    return parts, value


def apply_overrides(raw: dict[str, Any], overrides: Iterable[str]) -> dict[str, Any]:
    """Set each dotted ``key=value`` of ``overrides`` in the nested mapping ``raw`` (in place; returned).

    The one override parser of the package: training configs, presets' stages, the baseline's
    overrides and the copy benchmark's model keys all go through it. Keys are not checked here;
    the schema that validates ``raw`` afterwards names any unknown one.
    """
    for text in overrides:
        parts, value = parse_override(str(text))
        node = raw
        for i, part in enumerate(parts[:-1]):
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ConfigError(f"override {text!r}: {'.'.join(parts[: i + 1])} is not a section")
            node = child
        node[parts[-1]] = value
    return raw


def format_validation_error(err: ValidationError, schema: type[BaseModel], title: str) -> str:
    """One line per bad key of a pydantic error: ``key.path: message``, under ``title``.

    An unknown key lists the keys known in its section (found by walking ``schema`` along the
    key's path), and a wrong value shows what was given, so a user can fix a config in one go.
    """
    lines = []
    for e in err.errors():
        loc = tuple(str(p) for p in e["loc"])
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            owner = _section_schema(schema, loc)
            msg = f"unknown key (known keys here: {', '.join(owner.model_fields) if owner else '?'})"
        elif "input" in e and e["type"] != "value_error" and not isinstance(e["input"], dict):
            msg = f"{msg} (got {e['input']!r})"
        lines.append(f"{'.'.join(loc) or 'config'}: {msg}")
    return f"{title}:\n  " + "\n  ".join(lines)


def _section_schema(schema: type[BaseModel], loc: tuple[str, ...]) -> type[BaseModel] | None:
    """The schema class that owns the key at ``loc`` (``None`` when the path leaves the schema)."""
    cls: Any = schema
    for part in loc[:-1]:
        field = getattr(cls, "model_fields", {}).get(part)
        if field is None:
            return None
        cls = field.annotation
    return cls if isinstance(cls, type) and issubclass(cls, BaseModel) else None


def validate(schema: type[S], raw: dict[str, Any], title: str) -> S:
    """``schema(**raw)``, with a :class:`ConfigError` naming every bad key instead of a pydantic error."""
    try:
        return schema(**raw)
    except ValidationError as err:
        raise ConfigError(format_validation_error(err, schema, title)) from None


def check_writable(folder: Path, key: str) -> None:
    """Create ``folder`` and write a probe file, or fail naming the folder and the config key."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}"
        probe.write_text("ok")
        probe.unlink()
    except OSError as e:
        raise ConfigError(f"{key}: cannot write to {folder} ({e.strerror or e})") from None
