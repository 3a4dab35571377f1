from django.apps import AppConfig


class BodiesConfig(AppConfig):
    name = "bodies"
    verbose_name = "Organisationer och beslutsorgan"
