from django.urls import path

from guidance.staff import views

app_name = "inquiries"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("lista.csv", views.inbox_export, name="inbox_export"),
    path("<int:pk>/", views.inquiry_detail, name="detail"),
    path("<int:pk>/handlaggare/", views.inquiry_assign, name="assign"),
    path("<int:pk>/anteckning/", views.inquiry_add_note, name="add_note"),
    path("<int:pk>/status/", views.inquiry_set_status, name="set_status"),
    path("<int:pk>/svar/ta-bort/", views.inquiry_remove_answers, name="remove_answers"),
    path("<int:pk>/export/", views.inquiry_export, name="export"),
    path("<int:pk>/radera/", views.inquiry_erase, name="erase"),
]
