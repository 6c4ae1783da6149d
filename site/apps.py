from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom site"

    def ready(self):
        from newsroom.site_url import sync_default_site

        # Every start (`manage.py start`) and every deploy migrates: the Site record follows
        # SITE_URL from then on.
        post_migrate.connect(sync_default_site, sender=self)
