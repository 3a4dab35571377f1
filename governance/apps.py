"""The project's start-up wiring, done once every app is loaded."""

import os

from django.contrib.admin import apps as admin_apps


class RegistryAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by the registry's own site (``governance.admin_site``).

    As the one app config of the project package it also wires what needs every app loaded:
    the libraries' admin models get their Swedish names, and the development server's serving
    process (RUN_MAIN is set by its autoreloader) generates the OpenAPI document ahead, as
    gunicorn's workers do (gunicorn.conf.py, post_worker_init).
    """

    default_site = "governance.admin_site.RegistryAdminSite"

    def ready(self):
        super().ready()
        from governance.admin_site import name_third_party_models

        name_third_party_models()
        if os.environ.get("RUN_MAIN") == "true":
            from governance.api.urls import RegistrySchemaView

            RegistrySchemaView.generate_ahead_in_background()
