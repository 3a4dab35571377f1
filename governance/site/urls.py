"""Public HTML pages."""

from django.urls import path

from governance.site import agreements as agreement_views
from governance.site import bodies as body_views
from governance.site import funding as funding_views
from governance.site import routing as routing_views
from governance.site import views

app_name = "web"

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("sok/", views.SearchView.as_view(), name="search"),
    path("tidslinje/", views.TimelineView.as_view(), name="timeline"),
    path("kalender.ics", views.CalendarView.as_view(), name="calendar"),
    path("om/", views.AboutView.as_view(), name="about"),
    path("tillganglighet/", views.AccessibilityView.as_view(), name="accessibility"),
    path("ordlista/", views.GlossaryView.as_view(), name="glossary"),
    path("beslutsorgan/", body_views.BodyListView.as_view(), name="body-list"),
    path("beslutsorgan/<slug:slug>/", body_views.BodyDetailView.as_view(), name="body-detail"),
    path(
        "organisationer/<slug:slug>/",
        body_views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path("lan/", body_views.CountyListView.as_view(), name="county-list"),
    path("lan/<slug:slug>/", body_views.CountyDetailView.as_view(), name="county-detail"),
    path("styrningskarta/", body_views.GovernanceMapView.as_view(), name="map"),
    path("styrningskarta/<slug:slug>/", body_views.GovernanceMapView.as_view(), name="map-county"),
    path("overenskommelser/", agreement_views.AgreementListView.as_view(), name="agreement-list"),
    path(
        "overenskommelser/<slug:slug>/",
        agreement_views.AgreementDetailView.as_view(),
        name="agreement-detail",
    ),
    path("finansiering/", funding_views.FundingView.as_view(), name="funding"),
    path("vem-hanterar-vad/", routing_views.RoutingView.as_view(), name="routing"),
    path("satsningar/", routing_views.InitiativeListView.as_view(), name="initiative-list"),
    path(
        "satsningar/<slug:slug>/",
        routing_views.InitiativeDetailView.as_view(),
        name="initiative-detail",
    ),
]
