"""The bundle file: changes for the other devices of a team, compressed, encrypted and authenticated.

Layout: MAGIC (8 bytes) | format version (1 byte) | scrypt salt (16) | AES-GCM nonce (12) | ciphertext.
The ciphertext is AES-256-GCM over zlib-compressed JSON {"manifest": …, "changes": […]}; the header bytes are its
associated data, so a changed version byte fails like a changed ciphertext byte. The key is derived from the
team secret with scrypt (memory-hard) and the bundle's own salt. Anything that does not decrypt and parse in
full is refused before a single change is looked at.
"""

from __future__ import annotations

import base64
import json
import math
import os
import secrets
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from integrationsplan import surrogates
from integrationsplan.errors import UserError
from integrationsplan.i18n import N_
from integrationsplan.sync.merge import Change

MAGIC = b"IPSYNC\x00\x01"
FORMAT_VERSION = 1
SUFFIX = ".ipsync"
OPS = ("set", "delete", "purge")
_SALT, _NONCE = 16, 12
_HEADER = len(MAGIC) + 1 + _SALT + _NONCE
# scrypt with 32 MiB and about 0.1 s per bundle: a guessed team key costs as much, on any hardware.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_UNCOMPRESSED = 4 * MAX_BUNDLE_BYTES  # a zip bomb stops here
_INTEGER = 2**63  # SQLite's integers are 64-bit


class NotABundle(UserError):
    message = N_("{path} is no sync file of Integrationsplan.")


class BundleTooNew(UserError):
    message = N_("{path} was written by a newer version of Integrationsplan (format {found}); update this program.")


class BundleUnreadable(UserError):
    message = N_(
        "{path} cannot be read: it belongs to another team (another team key), or it was changed or cut off on "
        "the way. Nothing was imported."
    )


class BundleDamaged(UserError):
    message = N_("{path} decrypts but its content is damaged ({reason}). Nothing was imported.")


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    team_id: str
    sender_id: str
    sender_name: str
    created_at: str  # ISO time on the sender's clock
    vector: dict[str, int]  # what the sender holds: device id -> highest sequence without a gap
    counts: dict[str, int]  # changes per table
    everything: bool  # the sender exported its whole log
    removed: list[str] = field(default_factory=list)  # devices the sender knows were removed from the team


@dataclass(frozen=True)
class Bundle:
    manifest: Manifest
    changes: list[Change]


def _key(secret: bytes, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P).derive(secret)


def _encode_value(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode("ascii")}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        return base64.b64decode(value["b64"], validate=True)
    if not (value is None or _text(value) or (type(value) is int and -_INTEGER <= value < _INTEGER)
            or (type(value) is float and math.isfinite(value))):  # fmt: skip
        raise ValueError("a change value is a number, a text or empty")
    return value


def _text(value: Any) -> bool:
    return isinstance(value, str) and (value.isascii() or not surrogates.found_in(value))  # ids are ASCII: no search


def _count(value: Any, least: int = 0) -> bool:
    """A clock (or, from 1, a sequence number): what an SQLite integer holds, never negative (nor True or False)."""
    return type(value) is int and least <= value < _INTEGER


def seal(bundle: Bundle, secret: bytes) -> bytes:
    payload = {
        "manifest": bundle.manifest.__dict__,
        "changes": [[*c[:7], _encode_value(c.value), c.seen_hlc, c.seen] for c in bundle.changes],
    }
    plain = zlib.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    header = MAGIC + bytes([FORMAT_VERSION]) + salt + nonce
    return header + AESGCM(_key(secret, salt)).encrypt(nonce, plain, header)


def open_sealed(data: bytes, secret: bytes, path: Path) -> Bundle:
    """The bundle in `data`, or a UserError saying why it cannot be used (wrong team, tampered, cut, newer)."""
    if len(data) < len(MAGIC) + 1 or not data.startswith(MAGIC):
        raise NotABundle(path=path)
    version = data[len(MAGIC)]
    if version > FORMAT_VERSION:
        raise BundleTooNew(path=path, found=version)
    if version != FORMAT_VERSION or len(data) < _HEADER + 16:
        raise BundleUnreadable(path=path)
    header = data[:_HEADER]
    salt, nonce = header[len(MAGIC) + 1 : len(MAGIC) + 1 + _SALT], header[-_NONCE:]
    try:
        plain = AESGCM(_key(secret, salt)).decrypt(nonce, data[_HEADER:], header)
    except InvalidTag as exc:
        raise BundleUnreadable(path=path) from exc
    try:
        inflater = zlib.decompressobj()
        text = inflater.decompress(plain, MAX_UNCOMPRESSED)
        if inflater.unconsumed_tail:
            raise ValueError("too large")
        payload = json.loads(text.decode("utf-8"))
        manifest = _manifest(payload["manifest"])
        changes = [_change(entry) for entry in payload["changes"]]
    except (ValueError, KeyError, TypeError, RecursionError, zlib.error, UnicodeDecodeError) as exc:  # nested lists
        raise BundleDamaged(path=path, reason=type(exc).__name__) from exc
    return Bundle(manifest, changes)


def _manifest(fields: dict[str, Any]) -> Manifest:
    manifest = Manifest(**fields)
    texts = (manifest.bundle_id, manifest.team_id, manifest.sender_id, manifest.sender_name, manifest.created_at)
    if not (all(_text(x) for x in texts) and isinstance(manifest.everything, bool)
            and isinstance(manifest.removed, list) and all(_text(x) for x in manifest.removed)
            and all(isinstance(d, dict) and all(_text(k) and _count(v) for k, v in d.items())
                    for d in (manifest.vector, manifest.counts))):  # fmt: skip
        raise ValueError("the manifest is malformed")
    return manifest


def _change(entry: list[Any]) -> Change:
    device_id, seq, hlc, tbl, row_id, field, op, value, seen_hlc, seen = entry
    if not (_count(seq, least=1) and _count(hlc) and _count(seen_hlc) and op in OPS
            and _text(device_id) and _text(tbl) and _text(row_id) and _text(field)
            and (seen is None or (_text(seen) and _keys(seen)))):  # fmt: skip
        raise ValueError("a change is malformed")
    return Change(device_id, seq, hlc, tbl, row_id, field, op, _decode_value(value), seen_hlc, seen)


def _keys(seen: str) -> bool:
    """Whether `seen` is a JSON list of [device id, sequence] pairs."""
    listed = json.loads(seen)
    return isinstance(listed, list) and all(
        isinstance(k, list) and len(k) == 2 and isinstance(k[0], str) and isinstance(k[1], int) for k in listed
    )


def write_once(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` as a new file `name` in `folder`: never over an existing file, never seen half written
    (written beside it first; a rename, because USB sticks with FAT have no hard links)."""
    target = folder / name
    if target.exists():
        raise FileExistsError(target)
    partial = folder / f".{name}.part"
    try:
        with open(partial, "xb") as fp:
            fp.write(data)
            fp.flush()
            os.fsync(fp.fileno())
        os.rename(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def new_bundle_id() -> str:
    return secrets.token_hex(8)
