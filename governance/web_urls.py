"""Public HTML pages."""

from django.urls import path

from governance import views

app_name = "web"

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
]
