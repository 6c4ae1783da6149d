from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Newsroom"

    def ready(self):
        from news import derived, purging, signals, xml_text

        signals.connect()
        # Category counts are recounted before purging reads them to decide what changed.
        derived.connect()
        purging.connect()
        xml_text.connect()
