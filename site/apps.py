from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom site"

    def ready(self):
        from newsroom.site_url import sync_default_site

        # Every start (`manage.py start`) and every deploy migrates: the Site record follows
        # SITE_URL from then on. post_migrate is sent only for apps with models, so listen for
        # Wagtail's own.
        post_migrate.connect(sync_default_site, sender=apps.get_app_config("wagtailcore"))
