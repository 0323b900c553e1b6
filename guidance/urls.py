from django.urls import path

from guidance.feeds import PolicyChangesFeed
from guidance.views import flows, inquiry, policy

app_name = "guidance"

urlpatterns = [
    path("policy/", policy.policy_list, name="policy_list"),
    path("policy/andringar.atom", PolicyChangesFeed(), name="policy_feed"),
    path("policy/<slug:slug>/", policy.policy_detail, name="policy_detail"),
    path("policy/<slug:slug>/jamfor/", policy.policy_diff, name="policy_diff"),
    path("vagledning/<slug:flow>/", flows.flow_start, name="flow_start"),
    path(
        "vagledning/<slug:flow>/fraga/<int:question_id>/", flows.flow_question, name="flow_question"
    ),
    path("vagledning/<slug:flow>/kontrollera/", flows.flow_check, name="flow_check"),
    path("vagledning/<slug:flow>/resultat/", flows.flow_result, name="flow_result"),
    path("vagledning/<slug:flow>/lattlast/", flows.flow_reading, name="flow_reading"),
    path("vagledning/<slug:flow>/borja-om/", flows.flow_restart, name="flow_restart"),
    path("kontakt/", inquiry.inquiry_create, name="inquiry"),
    path("kontakt/tack/", inquiry.inquiry_receipt, name="inquiry_receipt"),
]
