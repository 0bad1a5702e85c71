"""Every page of an encrypted database file and of its write-ahead log, decrypted as SQLCipher 4 wrote it: what
anyone with the passphrase could read out of the files, free pages, unused space in pages and old WAL frames
included. An export (sqlcipher_export) shows live rows only, and the file itself is ciphertext, so neither can show
that an erased text is gone from the disk."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from integrationsplan.storage.connection import SALT_BYTES, derive_key

PAGE = 4096  # SQLCipher 4's defaults: pages of 4 KiB, each ending in an IV (16 bytes) and an HMAC-SHA512 (64)
RESERVE = 80
IV = 16
WAL_HEADER, FRAME_HEADER = 32, 24


def decrypted(path: Path, passphrase: str) -> bytes:
    """The plaintext of every page of `path` and of every frame in its WAL (if there is one), one after another."""
    data = path.read_bytes()
    key = derive_key(passphrase, data[:SALT_BYTES])
    pages = [_page(key, data[at : at + PAGE], at // PAGE + 1) for at in range(0, len(data), PAGE)]
    first = pages[0]
    # The file's header after the salt: the page size (big-endian) and the bytes reserved per page. Wrong ones
    # mean this reader does not decrypt what SQLCipher wrote (and would find nothing anywhere).
    assert int.from_bytes(first[16:18], "big") == PAGE and first[20] == RESERVE, "not SQLCipher 4's page layout"
    wal = path.with_name(path.name + "-wal")
    log = wal.read_bytes() if wal.exists() else b""
    for at in range(WAL_HEADER, len(log) - FRAME_HEADER - PAGE + 1, FRAME_HEADER + PAGE):
        number = int.from_bytes(log[at : at + 4], "big")  # a frame's header begins with its page number
        pages.append(_page(key, log[at + FRAME_HEADER : at + FRAME_HEADER + PAGE], number))
    return b"".join(pages)


def _page(key: bytes, page: bytes, number: int) -> bytes:
    """Page `number` in plain text; page 1 keeps its salt in the clear, where SQLite has its 16-byte header
    string."""
    iv = page[PAGE - RESERVE : PAGE - RESERVE + IV]
    start = SALT_BYTES if number == 1 else 0
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return page[:start] + decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()
