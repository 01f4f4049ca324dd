"""``python -m pipdesk``: the same as the ``pipdesk`` command."""

import sys

from pipdesk.cli import main

sys.exit(main())
