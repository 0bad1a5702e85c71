"""Encrypted SQLCipher storage: connection, migrations, the change-logged write path and repositories."""

from integrationsplan.storage.database import Database
from integrationsplan.storage.errors import StorageError

__all__ = ["Database", "StorageError"]
