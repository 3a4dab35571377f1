from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "governance.documents"
    label = "documents"
    verbose_name = "Dokument"
