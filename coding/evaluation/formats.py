"""The gold formats we score: name -> module with ``REQUIRED_COLUMNS``, ``score`` and ``tables``."""

from __future__ import annotations

from types import ModuleType

from coding.evaluation import case2021, petr, plover, seed

FORMATS: dict[str, ModuleType] = {"seed": seed, "petr_gsr": petr, "plover_gsr": plover, "case2021": case2021}
