"""Make sure Tesseract with Swedish and poppler-utils are installed, for reading scanned PDFs.

OCR is optional: without these programs a PDF without a text layer is marked as
scanned and is not searchable, and the OCR test is skipped. As root (CI, a fresh
container) they are installed with apt-get (Debian's tesseract-ocr-swe and
poppler-utils); otherwise the command to run is printed.
"""

import os
import shutil
import subprocess
import sys

PACKAGES = ["tesseract-ocr", "tesseract-ocr-swe", "poppler-utils"]


def _has_swedish() -> bool:
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        return False
    result = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return "swe" in result.stdout.split()


def main() -> int:
    if _has_swedish():
        return 0
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("Installing Tesseract (Swedish) and poppler-utils for OCR …", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *PACKAGES],
            check=True,
            env=env,
        )
        return 0
    print(
        "Tesseract with Swedish is not installed: scanned PDFs will not be searchable and "
        f"the OCR test is skipped. Install with: sudo apt-get install {' '.join(PACKAGES)}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
