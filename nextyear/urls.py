from django.urls import path

from nextyear import views

app_name = "nextyear"

urlpatterns = [
    path("", views.copy_home, name="home"),
    path("<int:year>/", views.copy_preview, name="preview"),
    path("<int:year>/undo/", views.copy_undo, name="undo"),
    path("<int:year>/proposals/", views.proposals_edit, name="proposals"),
    path("<int:year>/proposals.xlsx", views.proposals_xlsx, name="proposals_xlsx"),
]
