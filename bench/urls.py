"""The project's URLs and, in front of them, the benchmark's raw-SQL reference."""

from django.urls import path

from bench.reference import agreement_page_raw
from governance.urls import handler500
from governance.urls import urlpatterns as project_urlpatterns

__all__ = ["handler500", "urlpatterns"]

urlpatterns = [
    path("bench/agreements/", agreement_page_raw, name="bench-agreements"),
    *project_urlpatterns,
]
