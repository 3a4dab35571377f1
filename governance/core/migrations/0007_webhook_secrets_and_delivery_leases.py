"""Webhooks: secrets in the Standard Webhooks form, delivery leases, superusers only.

An existing secret becomes ``whsec_`` + the base64 of its own bytes, so the key
a receiver holds stays the same; only the way the signature is computed changes
(see docs/operations.md). The groups lose their webhook permissions: only
superusers manage subscriptions from now on. The webhook tables lose the read
cache's version triggers (``governance.core.read_cache.NOT_REGISTRY_TABLES``).
"""

import base64

from django.db import migrations, models

import governance.opendata.signing


def secrets_to_standard_form(apps, schema_editor):
    WebhookSubscription = apps.get_model("governance", "WebhookSubscription")
    for sub in WebhookSubscription.objects.exclude(secret__startswith="whsec_"):
        sub.secret = "whsec_" + base64.b64encode(sub.secret.encode()).decode()
        sub.save(update_fields=["secret"])


def groups_lose_webhook_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    webhook = Permission.objects.filter(
        content_type__app_label="governance", content_type__model__startswith="webhook"
    )
    for group in Group.objects.all():
        group.permissions.remove(*webhook)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("governance", "0006_api_throttle_counts"),
    ]

    operations = [
        migrations.AddField(
            model_name="webhookdelivery",
            name="leased_until",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="skickas, reserverad till"
            ),
        ),
        migrations.AlterField(
            model_name="webhooksubscription",
            name="secret",
            field=models.CharField(
                default=governance.opendata.signing.new_secret,
                editable=False,
                help_text="Delas med mottagaren; varje anrop signeras enligt Standard Webhooks.",
                max_length=200,
                verbose_name="hemlighet",
            ),
        ),
        migrations.AlterField(
            model_name="webhooksubscription",
            name="url",
            field=models.URLField(
                help_text="En https-adress som går att nå från internet.",
                max_length=500,
                verbose_name="mottagarens adress",
            ),
        ),
        migrations.RunPython(secrets_to_standard_form, migrations.RunPython.noop),
        migrations.RunPython(groups_lose_webhook_permissions, migrations.RunPython.noop),
        # The worker's bookkeeping no longer moves the read cache's registry version.
        migrations.RunSQL(
            """
            DROP TRIGGER IF EXISTS registry_changed ON governance_webhooksubscription;
            DROP TRIGGER IF EXISTS registry_truncated ON governance_webhooksubscription;
            DROP TRIGGER IF EXISTS registry_changed ON governance_webhookdelivery;
            DROP TRIGGER IF EXISTS registry_truncated ON governance_webhookdelivery;
            """,
            migrations.RunSQL.noop,
        ),
    ]
