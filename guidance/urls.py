from django.urls import path

from guidance import views

app_name = "guidance"

urlpatterns = [
    path("vagledning/jobba/", views.work, name="work"),
    path("vagledning/starta/", views.start, name="start"),
    path("policy/", views.policy, name="policy"),
]
