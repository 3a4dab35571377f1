"""Open-data URLs under /data/: stable addresses for harvesters and downloads."""

from django.urls import path

from governance.opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    path("samverkansregistret.json", views.bulk_json, name="bulk-json"),
    path("samverkansregistret-csv.zip", views.bulk_csv, name="bulk-csv"),
    path("popolo.json", views.popolo_json, name="popolo"),
    path("dcat/", views.dcat_catalogue, name="dcat"),
    path("dcat.ttl", views.dcat_turtle, name="dcat-turtle"),
    path("dcat.jsonld", views.dcat_json_ld, name="dcat-json-ld"),
]
