"""What readers searched for and did not find, so editors can fill the gaps."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query


class UnansweredQuery(models.Model):
    query = models.ForeignKey(Query, on_delete=models.CASCADE, related_name="unanswered_days")
    date = models.DateField(db_index=True)
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "search without results"
        verbose_name_plural = "searches without results"
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="one_unanswered_row_per_day")
        ]

    def __str__(self):
        return f"{self.query.query_string} ({self.date})"

    @classmethod
    def record(cls, query):
        row, _ = cls.objects.get_or_create(query=query, date=timezone.localdate())
        cls.objects.filter(pk=row.pk).update(hits=F("hits") + 1)
