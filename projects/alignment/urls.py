from django.urls import path

from projects.alignment import views

app_name = "project_alignment"

urlpatterns = [
    path("<int:year>/manage/alignment/", views.alignment_list, name="list"),
    path("<int:year>/manage/alignment/<int:pk>/", views.alignment_edit, name="edit"),
]
