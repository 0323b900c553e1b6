from django.urls import path

from guidance.staff import views

app_name = "inquiries"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.inquiry_detail, name="detail"),
    path("<int:pk>/handlaggare/", views.inquiry_assign, name="assign"),
    path("<int:pk>/anteckning/", views.inquiry_add_note, name="add_note"),
    path("<int:pk>/status/", views.inquiry_set_status, name="set_status"),
]
