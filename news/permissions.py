"""Who may delete what: Writers only their own drafts that never went live; the rest is for Editors.

Wagtail lets anyone with "change" permission delete any page that is not live, so a Writer could
remove a colleague's draft for good. Page types here answer ``permissions_for_user`` with a tester
that adds the newsroom's rule; every admin path (delete view, bulk delete, action menus) asks it.
"""

from wagtail.models import PagePermissionTester


class EditorialPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        allowed = super().can_delete(ignore_bulk=ignore_bulk)
        if not allowed or self.user.is_superuser or "publish" in self.permissions:
            return allowed
        # Without publish permission: every page that would go must be the user's own draft
        # that was never published.
        pages = self.page.get_descendants(inclusive=True)
        return not pages.exclude(
            owner=self.user, live=False, first_published_at__isnull=True
        ).exists()


class EditorialPermissionsMixin:
    """For every page type in the tree (Wagtail asks the specific page for its tester)."""

    def permissions_for_user(self, user):
        return EditorialPagePermissionTester(user, self)
