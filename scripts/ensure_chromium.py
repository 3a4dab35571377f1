"""Make sure Debian's Chromium is installed for the browser tests.

Playwright's own browser download cannot run on machines without general
internet access, so the browser tests drive the distribution's Chromium. As
root (CI, a fresh container) it is installed with apt-get; otherwise the
command to run is printed and the browser tests are skipped with that reason.
"""

import os
import shutil
import subprocess
import sys

CHROMIUM = "/usr/bin/chromium"


def main() -> int:
    if os.path.exists(CHROMIUM):
        return 0
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("Installing Debian's chromium for the browser tests …", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            [
                "apt-get",
                "install",
                "-y",
                "-qq",
                "--no-install-recommends",
                "chromium",
                "fonts-dejavu-core",
            ],
            check=True,
            env=env,
        )
        return 0
    print(
        "chromium is not installed: browser tests will be skipped. "
        "Install it with: sudo apt-get install chromium",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
