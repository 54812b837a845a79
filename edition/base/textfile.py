"""Reading a UTF-8 source file: one decoding rule for texts and YAML alike."""

from __future__ import annotations

from pathlib import Path

from edition.base.errors import Problem


def read_text_file(path: Path) -> tuple[str | None, list[Problem]]:
    """Decode a UTF-8 file; a BOM is dropped, CRLF line ends become LF."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")]
    return text.replace("\r\n", "\n"), []
