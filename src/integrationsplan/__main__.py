"""`python -m integrationsplan` runs the command line."""

import sys

from integrationsplan.cli import main

sys.exit(main())
