"""Settings › Sign-in lockouts: Editors see who is locked out and lift a lock by deleting it."""

from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock-open"
    menu_label = "Sign-in lockouts"
    add_to_settings_menu = True
    name = "lockouts"
    # Editors hold only the view and delete permissions: no add or edit views are offered.
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    inspect_view_enabled = False
    exclude_form_fields = []


@hooks.register("register_admin_viewset")
def register_lockouts():
    return LockoutViewSet()
