from django.urls import path

from registry.selfservice import views

app_name = "selfservice"

urlpatterns = [
    path("uppdatera/", views.link_request, name="request"),
    path("uppdatera/<str:token>/", views.page, name="page"),
    path("uppdatera/<str:token>/bekrafta/", views.confirm, name="confirm"),
    path("uppdatera/<str:token>/platser/", views.places, name="places"),
    path("uppdatera/<str:token>/andra/", views.change, name="change"),
    path("uppdatera/<str:token>/klart/", views.done, name="done"),
]
