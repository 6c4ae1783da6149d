from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Newsroom"

    def ready(self):
        from news import caching, derived, signals, xml_text

        signals.connect()
        caching.connect()
        derived.connect()
        xml_text.connect()
