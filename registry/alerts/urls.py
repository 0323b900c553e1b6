from django.urls import path

from registry.alerts import views

app_name = "alerts"

urlpatterns = [
    path("bevakning/ny/", views.subscribe, name="subscribe"),
    path("bevakning/skickat/", views.sent, name="sent"),
    path("bevakning/<str:token>/", views.manage, name="manage"),
    path("bevakning/<str:token>/bekrafta/", views.confirm, name="confirm"),
    path("bevakning/<str:token>/hur-ofta/", views.frequency, name="frequency"),
    path("bevakning/<str:token>/uppdatera/", views.update, name="update"),
    path("bevakning/<str:token>/avsluta/", views.unsubscribe, name="unsubscribe"),
]
