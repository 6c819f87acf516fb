from django.urls import path

from plans.people import views

app_name = "people"

urlpatterns = [
    path("", views.member_list, name="member_list"),
    path("people.xlsx", views.member_list_export, name="member_list_export"),
    path("office/", views.office_edit, name="office_edit"),
    path("add/", views.member_add, name="member_add"),
    path("attach/", views.member_attach, name="member_attach"),
    path("<int:pk>/", views.member_edit, name="member_edit"),
    path("<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("<int:pk>/password/", views.member_password, name="member_password"),
    path("<int:pk>/unlock/", views.member_unlock, name="member_unlock"),
]
