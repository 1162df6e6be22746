"""``python -m elasticio``: the ``elasticio`` command."""

import sys

from elasticio._cli import main

if __name__ == "__main__":
    sys.exit(main())
