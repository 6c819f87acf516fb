from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "ค้นหา"

    def ready(self) -> None:
        from search import indexing

        indexing.connect()  # the index follows every write of the indexed models
