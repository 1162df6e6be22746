"""``python -m elasticio.testing --port N``: the same as ``elasticio emulator serve``."""

import sys

from elasticio._cli import serve_main

if __name__ == "__main__":
    sys.exit(serve_main(prog="python -m elasticio.testing"))
