"""The layout's promises: the layers hold, and moved models kept the labels they were published
under (README "Layout")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def test_no_import_points_up_the_layers():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "model",
    [
        "RoutingRule",
        "Initiative",
        "Matter",
        "Goal",
        "Milestone",
        "WebhookSubscription",
        "WebhookDelivery",
        "SupportStructure",
        "PlatformHost",
        "PersonRole",
    ],
)
def test_moved_models_keep_their_published_label_and_table(model):
    found = apps.get_model("governance", model)
    assert found._meta.label == f"governance.{model}"
    assert found._meta.db_table == f"governance_{model.lower()}"
    assert reverse(f"admin:governance_{model.lower()}_changelist")


def test_the_core_app_is_governance_and_lives_in_the_core_package():
    config = apps.get_app_config("governance")
    assert config.name == "governance.core"
