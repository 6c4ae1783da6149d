"""Demo content for `manage.py seed_newsroom`: written articles, illustrations and the builder."""
