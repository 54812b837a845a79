"""A description of the machine and software a benchmark ran on, for its results."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path

PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "Markdown",
    "pymdown-extensions",
    "Jinja2",
    "PyYAML",
    "jsonschema",
    "fastjsonschema",
    "morfeusz2",
    "pymorphy3",
)


def _proc_field(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def machine() -> dict[str, object]:
    mem_kb = _proc_field("/proc/meminfo", "MemTotal").split()[0]
    return {
        "cpu": _proc_field("/proc/cpuinfo", "model name"),
        "cores": os.cpu_count(),
        "ram_gb": round(int(mem_kb) / 1024**2, 1) if mem_kb.isdigit() else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": {name: metadata.version(name) for name in PACKAGES},
    }
