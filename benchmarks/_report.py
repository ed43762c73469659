"""What every benchmark does at the end: warn about a busy machine, write the JSON, say where."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def write_report(report: dict[str, Any], out: Path, *, indent: str = "") -> None:
    """Print a note when the load average at the start was high, write ``report`` to ``out``."""
    load = report["machine"]["load_average_at_start"][0]
    if load > 0.5:
        print(f"{indent}note: load average {load:.2f} at start on {os.cpu_count()} CPUs; other work skews the timings")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    resolved = out.resolve()
    print(f"wrote {resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else out}")


def machine_info() -> dict[str, Any]:
    """What every report records about the machine it ran on."""
    import platform

    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def choices(parser: Any, value: str, allowed: Any, what: str) -> list[str]:
    """A comma-separated option as a list, every item checked against ``allowed`` (a usage error names the bad one)."""
    items = [v.strip() for v in value.split(",") if v.strip()]
    for item in items:
        if item not in allowed:
            parser.error(f"unknown {what} {item!r}")
    return items
