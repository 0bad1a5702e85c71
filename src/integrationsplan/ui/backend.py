"""One worker thread owns the database; the UI thread sends it jobs and gets results back by signal."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from shiboken6 import isValid

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_
from integrationsplan.storage import Database
from integrationsplan.storage.restore import check_backup, restore_and_open

log = logging.getLogger(__name__)

Job = Callable[[Database], Any]
Done = Callable[[Any], None]
Failed = Callable[[UserError], None]


class RestoreFailed(UserError):
    message = N_("The backup could not be restored: {reason}")


@dataclass(frozen=True)
class Restored:
    """What a restore came to once the database was closed: opened again (`error` None), or not."""

    kept: Path | None = None  # where the replaced file was kept
    error: UserError | None = None


def another_person(shown: Any, new: Any) -> bool:
    """Whether a panel showing `shown` (a Person or None) now gets someone else: what it holds must go."""
    return new is None or shown is None or new.id != shown.id


def for_person(panel: Any, person_id: str, handler: Done) -> Done:
    """`handler`, but only while `panel` still shows that person: a late answer for another one is dropped."""

    def deliver(result: Any) -> None:
        if panel.person is not None and panel.person.id == person_id:
            handler(result)

    return deliver


def _close(worker: _Worker) -> None:
    """Close the worker's database, if one is open (on the worker thread)."""
    if worker.db is not None:
        worker.db.close()
        worker.db = None


class _Worker(QObject):
    """Lives on the worker thread; never touches a widget, only runs jobs and emits their results."""

    finished = Signal(int, object, object)  # job id, result, error
    changed = Signal(object)  # Changes of a job that wrote

    def __init__(self) -> None:
        super().__init__()
        self.db: Database | None = None

    @Slot(int, object)
    def run(self, job_id: int, job: Callable[[_Worker], Any]) -> None:
        before = self.db.last_changes if self.db else None
        try:
            result = job(self)
        except Exception as exc:  # every failure travels back to the UI thread, which decides
            self.finished.emit(job_id, None, exc)
            return
        if self.db is not None and self.db.last_changes is not before and self.db.last_changes:
            self.changed.emit(self.db.last_changes)
        self.finished.emit(job_id, result, None)


class Backend(QObject):
    """The UI's handle on the database: `call` a job, get `on_done(result)` back on the UI thread."""

    changed = Signal(object)  # Changes: views refresh what they show from it
    error = Signal(str)  # a user error of a job that brought no handler of its own
    bug = Signal(str)  # an unexpected failure, with its traceback
    busy = Signal(bool)
    _submit = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("database")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._finish)
        self._worker.changed.connect(self.changed)
        self._pending: dict[int, tuple[Done | None, Failed | None]] = {}
        self._next_id = 0
        self.path: Path | None = None
        self.is_open = False
        self.user = ""  # who works here, for the audit log (the program sets it from its settings)
        self._thread.start()

    # -- jobs ------------------------------------------------------------------------------------

    def call(self, job: Job, on_done: Done | None = None, on_error: Failed | None = None) -> int:
        """Run `job(db)` on the worker; callbacks run on the UI thread. Returns the job id."""

        if not self.is_open:
            # Locked: only refreshes can still be on their way (no input reaches a locked window); drop them.
            log.debug("database closed, job dropped")
            return 0

        def with_db(worker: _Worker) -> Any:
            if worker.db is None:
                raise RuntimeError("the database is not open")
            return job(worker.db)

        return self._enqueue(with_db, on_done, on_error)

    def call_for(self, widget: QObject, job: Job, on_done: Done | None = None, on_error: Failed | None = None) -> int:
        """`call`, with the callbacks dropped once `widget` is gone (a dialog closed while its job ran)."""

        def alive(handler: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
            if handler is None:
                return None
            return lambda value: handler(value) if isValid(widget) else None

        return self.call(job, alive(on_done), alive(on_error))

    def open(
        self, path: Path, passphrase: str, *, create: bool, on_done: Done | None = None, on_error: Failed | None = None
    ) -> int:
        """Unlock (or create) a database on the worker: the key derivation never blocks the window."""

        def opening(worker: _Worker) -> Path:
            _close(worker)
            opening = Database.create if create else Database.open
            worker.db = opening(path, passphrase, user=self.user or None)
            return path

        def opened(result: Any) -> None:
            self.path = path
            self.is_open = True
            if on_done:
                on_done(result)

        return self._enqueue(opening, opened, on_error)

    def restore(self, backup: Path, passphrase: str, keep_folder: Path, on_done: Done | None = None,
                on_error: Failed | None = None) -> int:  # fmt: skip
        """Replace the open database by a backup (storage/restore.py) and open it. The backup is checked before
        anything is closed: `on_error` then finds the database open as before. Otherwise `on_done` gets a
        Restored: where the replaced file was kept, or the error that came after closing (the database is
        closed then, and the window must be unlocked again). No other job runs meanwhile: calls are dropped,
        as while locked."""
        path = self.path
        if path is None:
            raise RuntimeError("no database to restore")

        def restoring(worker: _Worker) -> Restored:
            try:
                check_backup(backup, passphrase)
            except UserError:
                raise
            except Exception as exc:  # the database is still open: the window carries on with it
                raise RestoreFailed(reason=str(exc)) from exc
            _close(worker)
            try:
                worker.db, kept = restore_and_open(backup, path, passphrase, keep_folder, self.user or None,
                                                   checked=True)  # fmt: skip
            except UserError as error:
                return Restored(error=error)
            except Exception as exc:  # closed already: the window must learn of it in any case
                log.error("restore failed:\n%s", "".join(traceback.format_exception(exc)))
                return Restored(error=RestoreFailed(reason=str(exc)))
            return Restored(kept=kept)

        def restored(outcome: Restored) -> None:
            self.is_open = outcome.error is None
            if on_done:
                on_done(outcome)

        def refused(error: UserError) -> None:
            self.is_open = True  # refused before anything was closed
            if on_error:
                on_error(error)

        self.is_open = False
        return self._enqueue(restoring, restored, refused)

    def close(self, on_done: Done | None = None) -> int:
        self.is_open = False
        return self._enqueue(_close, on_done, None)

    def shutdown(self, timeout_s: float = 60) -> None:
        """Finish the jobs sent, close the database and stop the thread; waits, so only at exit.

        Quitting the thread's event loop at once could drop the queued close (seen under load): the
        file would stay open, its WAL not folded in, until the process ends.
        """
        closed = threading.Event()

        def closing(worker: _Worker) -> None:
            try:
                _close(worker)
            finally:
                closed.set()

        self.is_open = False
        self._enqueue(closing, None, None)
        if not closed.wait(timeout_s):
            log.error("the database job queue did not finish within %s s at exit", timeout_s)
        self._thread.quit()
        self._thread.wait()

    def watch(self, tables: set[str], refresh: Callable[[], None]) -> None:
        """Call `refresh` after every write that touched one of `tables`.

        At once, not deferred: its job then queues before the writing job reports back, so `idle`
        already covers the refresh.
        """
        self.changed.connect(lambda changes: refresh() if changes.tables() & tables else None)

    @property
    def idle(self) -> bool:
        return not self._pending

    # -- plumbing --------------------------------------------------------------------------------

    def _enqueue(self, job: Callable[[_Worker], Any], on_done: Done | None, on_error: Failed | None) -> int:
        self._next_id += 1
        self._pending[self._next_id] = (on_done, on_error)
        if len(self._pending) == 1:
            self.busy.emit(True)
        self._submit.emit(self._next_id, job)
        return self._next_id

    @Slot(int, object, object)
    def _finish(self, job_id: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error = self._pending.pop(job_id)
        if not self._pending:
            self.busy.emit(False)
        if error is None:
            if on_done:
                on_done(result)
        elif isinstance(error, UserError):
            if on_error:
                on_error(error)
            else:
                self.error.emit(error.text())
        else:
            text = "".join(traceback.format_exception(error))
            log.error("database job failed:\n%s", text)
            self.bug.emit(text)
