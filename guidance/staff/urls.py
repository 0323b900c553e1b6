from django.urls import path

from guidance.staff import views

app_name = "inquiries"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.inquiry_detail, name="detail"),
]
