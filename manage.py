#!/usr/bin/env python3
"""Django's command-line utility, plus the two Quick start commands.

``python3 manage.py start`` and ``python3 manage.py runtests`` work with nothing but Python 3.11+:
they create ``.venv/``, install the locked dependencies and carry on inside it (site/bootstrap.py).
"""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
BOOTSTRAP_COMMANDS = {"start", "runtests"}


def main():
    if len(sys.argv) > 1 and sys.argv[1] in BOOTSTRAP_COMMANDS:
        # Loaded by path: the `newsroom` package may not be installed yet.
        import importlib.util

        spec = importlib.util.spec_from_file_location(
            "bootstrap", BASE_DIR / "site" / "bootstrap.py"
        )
        bootstrap = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bootstrap)
        sys.exit(bootstrap.main(sys.argv[1], sys.argv[2:]))

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise SystemExit(
            "Django is not installed here. Run `python3 manage.py start` once to create .venv/, "
            "then use `.venv/bin/python manage.py ...`."
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
