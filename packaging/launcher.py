"""The entry point of the built application: the same as the `integrationsplan` command of an installed package."""

import sys

from integrationsplan.cli import main

if __name__ == "__main__":
    sys.exit(main())
