"""Help pages a user can read: Typer's type labels (``<bool>``, ``<list[str]>``) and the braces of its
usage line (``{paths}...``) give way to metavars (``PATHS...``, ``FILE``, ``N``), and flags show none."""
from __future__ import annotations

from typing import Any

import typer
import typer.core


class _PlainArgument(typer.core.TyperArgument):
    """An argument shown as its metavar (``PATH...``), without Typer's type label (``<list[str]>``) or the
    braces it puts around required arguments in the usage line (``{paths}...``)."""

    def display_type_rich(self, ctx: Any) -> None:
        return None

    def _usage_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")


PLAIN_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "Path": "PATH"}


def _plain(params: list[Any]) -> list[Any]:
    """Help without type artefacts: flags show no ``<bool>``, options their metavar (set where declared,
    else the type in capitals: ``TEXT``, ``INTEGER``), arguments their name in capitals."""
    for param in params:
        if isinstance(param, typer.core.TyperArgument) and not isinstance(param, _PlainArgument):
            param.__class__ = _PlainArgument
            param.metavar = param.metavar or param.name.upper()
        elif isinstance(param, typer.core.TyperOption) and param.metavar is None:
            label = "" if param.is_flag else param.display_type(None).strip("<>").replace(" range", "")
            label = label[len("list["):-1] if label.startswith("list[") else label  # repeatable: one value's
            param.metavar = PLAIN_TYPES.get(label, label.upper())
    return params


class PlainCommand(typer.core.TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


class PlainGroup(typer.core.TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


def plain_help(*apps: typer.Typer) -> None:
    """Every command of ``apps`` is built as a ``PlainCommand`` (set here, once, for all of them)."""
    for a in apps:
        for info in a.registered_commands:
            if info.cls in (None, typer.core.TyperCommand):
                info.cls = PlainCommand
