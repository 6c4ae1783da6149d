"""Demo content for `manage.py seed_newsroom`: the builder, the drawing code and the loader of
the words and picture recipes in `data/`."""
