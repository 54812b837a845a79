"""Reading a UTF-8 source file: one decoding rule for texts and YAML alike."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from edition.base.errors import Problem


def read_text_file(path: Path) -> tuple[str | None, list[Problem]]:
    """Decode a UTF-8 file; a BOM is dropped, CRLF line ends become LF, and so do the CR-only
    line ends of a file that has no other (old Mac OS, some exports)."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")]
    text = text.replace("\r\n", "\n")
    return (text if "\n" in text else text.replace("\r", "\n")), []


def control_character_message(char: str) -> str:
    """What a control character in a source is, and how to fix it."""
    code = ord(char)
    message = f"control character U+{code:04X} in the text"
    if char == "\r":
        return message + (
            " (a carriage return inside a line: the file mixes line ends; "
            "save it with LF or CRLF line ends, or remove the character)"
        )
    if 0x80 <= code <= 0x9F:
        try:
            meant = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return message + ": remove it"
        name = unicodedata.name(meant, "").lower()
        return message + (
            f": almost certainly Windows-1252 text decoded wrongly, where it was {meant} "
            f"(U+{ord(meant):04X} {name}); replace it with {meant}"
        )
    return message + ": remove it"
