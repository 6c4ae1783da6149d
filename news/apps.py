from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Newsroom"

    def ready(self):
        from news import purging, signals, xml_text

        signals.connect()
        purging.connect()
        xml_text.connect()
