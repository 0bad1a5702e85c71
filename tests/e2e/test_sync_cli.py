"""Two laptops and the office exchange through a shared folder with `integrationsplan sync`, as caseworkers would."""

from __future__ import annotations

from pathlib import Path

from test_cli import PASS, run

from integrationsplan.storage import Database
from integrationsplan.sync.projection import differences


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with Database.open(path, PASS) as db:
        assert differences(db.conn) == [] and db.check() == []
        return {
            t: db.query(f"SELECT * FROM {t} ORDER BY id") for t in ("person", "plan", "goal", "counselling_session")
        }


def test_two_laptops_and_the_office_share_a_folder(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    env = {"INTEGRATIONSPLAN_DATA_DIR": str(tmp_path / "data")}
    dbs = {name: tmp_path / f"{name}.db" for name in ("laptop1", "laptop2", "office")}
    for name, path in dbs.items():
        assert run("init", "--db", str(path), "--device-name", name, "--case-prefix", name[:2].upper() + name[-1],
                   **env).returncode == 0  # fmt: skip
    created = run("sync", "team", "--db", str(dbs["office"]), "--new", **env)
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip().splitlines()[-1]
    for name in ("laptop1", "laptop2"):
        joined = run("sync", "team", "--db", str(dbs[name]), "--join", key.lower(), **env)
        assert joined.returncode == 0, joined.stderr
    mistyped = key[:-1] + ("Q" if key[-1] != "Q" else "R")  # one letter wrong (not the same letter again)
    typo = run("sync", "team", "--db", str(dbs["laptop1"]), "--join", mistyped, **env)
    assert typo.returncode == 1 and "Team-Schlüssel" in typo.stderr

    # Each laptop records its own cases during home visits, then everybody syncs through the folder.
    assert run("demo", "--db", str(dbs["laptop1"]), "--persons", "12", "--seed", "1", **env).returncode == 0
    assert run("demo", "--db", str(dbs["laptop2"]), "--persons", "8", "--seed", "2", **env).returncode == 0
    for _round in range(2):
        for name in ("laptop1", "laptop2", "office"):
            result = run("sync", "folder", "--db", str(dbs[name]), str(share), **env)
            assert result.returncode == 0, result.stderr
    states = [_rows(path) for path in dbs.values()]
    assert states[0] == states[1] == states[2]
    assert len(states[0]["person"]) == 20
    assert list((tmp_path / "data" / "backups").iterdir())  # every import that changed something backed up first

    # A file from elsewhere in the folder: refused with a message, nothing applied.
    stray = share / f"stray{'.ipsync'}"
    stray.write_bytes(b"IPSYNC\x00\x01\x01" + b"\x00" * 64)
    before = _rows(dbs["office"])
    refused = run("sync", "import", "--db", str(dbs["office"]), str(stray), **env)
    assert refused.returncode == 1 and "stray" in refused.stderr and "Traceback" not in refused.stderr
    assert _rows(dbs["office"]) == before
    preview = run("sync", "import", "--db", str(dbs["office"]), "--preview", *map(str, sorted(share.glob("2*"))), **env)
    assert preview.returncode == 0 and "Nichts Neues" in preview.stdout

    # The folder mode names the stray file and goes on with the others.
    folder = run("sync", "folder", "--db", str(dbs["laptop1"]), str(share), **env)
    assert folder.returncode == 0 and "stray" in folder.stderr and "Übersprungen" in folder.stderr

    # Laptop 2 is lost: the office removes it, the team gets a new key, and laptop 2's files are refused.
    devices = run("sync", "devices", "--db", str(dbs["office"]), **env)
    assert devices.returncode == 0 and "laptop2" in devices.stdout
    removed = run("sync", "team", "--db", str(dbs["office"]), "--remove", "laptop2", **env)
    assert removed.returncode == 0, removed.stderr
    new_key = removed.stdout.strip().splitlines()[-1]
    assert new_key.startswith("IPT-") and new_key != key
    kept_out = run("sync", "team", "--db", str(dbs["laptop1"]), "--join", new_key, **env)
    assert kept_out.returncode == 1 and "--replace" in kept_out.stderr
    assert run("sync", "team", "--db", str(dbs["laptop1"]), "--join", new_key, "--replace", **env).returncode == 0
    assert run("sync", "folder", "--db", str(dbs["office"]), str(share), **env).returncode == 0
    assert run("sync", "folder", "--db", str(dbs["laptop1"]), str(share), **env).returncode == 0
    listed = run("sync", "devices", "--db", str(dbs["laptop1"]), **env)
    assert "laptop2" in listed.stdout and "entfernt" in listed.stdout  # the news came in the office's file
    conflicts = run("sync", "conflicts", "--db", str(dbs["laptop1"]), **env)
    assert conflicts.returncode == 0 and conflicts.stdout.splitlines()[-1].startswith("0 Konflikte")
