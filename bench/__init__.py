"""Benchmarks: ``python -m bench`` runs every ``bench/<name>.py`` module that defines
``run() -> list[Result]`` in its own process and prints one comparison table."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass
class Result:
    benchmark: str
    ours: float
    baseline: float | None
    target: str
    unit: str
    higher_is_better: bool = True
    baseline_label: str = ""
    met: bool | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.ours / self.baseline

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Result:
        return cls(**json.loads(text))
