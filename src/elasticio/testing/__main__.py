"""``python -m elasticio.testing --port N``: the same as ``elasticio emulator serve``."""

import sys

from elasticio.testing._command import serve_command

if __name__ == "__main__":
    sys.exit(serve_command())
