"""Regenerate the screenshots under docs/screenshots/ (``make screenshots``).

Runs tests/pages/screenshots.py with pytest: a test database with the seed registry, the live
server and headless Chromium, as the browser tests use. Works on a fresh clone once ``make
test``'s dependencies are installed; exits non-zero when a page fails to load.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    command = [sys.executable, "-m", "pytest", "tests/pages/screenshots.py", "-q", "-p",
               "no:cacheprovider"]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
