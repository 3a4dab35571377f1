"""Stable download addresses of documents."""

from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("<slug:slug>/fil", views.download, name="download"),
    path("<slug:slug>/version/<int:number>/fil", views.download_version, name="version"),
]
