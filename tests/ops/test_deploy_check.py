"""Production settings pass Django's deployment checklist, and refuse to run without a secret."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra) -> dict[str, str]:
    """The environment of a production start: no DEBUG, no test run, a real secret."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "PYTEST_VERSION",
            "PYTEST_CURRENT_TEST",
            "SECRET_KEY",
            # Set by the browser fixture for Playwright; never in a deployment.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
        and not key.startswith(("SECURE_", "SESSION_", "CSRF_"))
    }
    env.update(
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="samverkansregistret.example.se",
        DJANGO_SETTINGS_MODULE="governance.settings",
    )
    env.update(extra)
    return env


def manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_check_deploy_reports_no_issues_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.slow
def test_check_deploy_flags_a_production_run_with_debug_on():
    """The check above can fail: DEBUG on in a deployment is reported."""
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(DEBUG="true")
    )
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


@pytest.mark.slow
def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
