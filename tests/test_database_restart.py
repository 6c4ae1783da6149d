"""PostgreSQL restarts under load: readers get a styled 503 with Retry-After while it is away,
every gunicorn worker recovers on its own, and no editor's saved or autosaved work is lost."""

import itertools
import subprocess
import threading
import time
from pathlib import Path

import requests
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from tests import editorial
from tests.throwaway_postgres import BASE_DIR, EDITOR, EDITOR_PASSWORD, free_port

GUNICORN = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "gunicorn"
WORKERS = 2


def start_gunicorn(env, port, log):
    return subprocess.Popen(
        [
            str(GUNICORN),
            "newsroom.wsgi",
            "--chdir",
            str(BASE_DIR),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--timeout",
            "60",
            "--no-control-socket",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_until_up(base, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(base, timeout=30).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise AssertionError("gunicorn never answered")


class Readers:
    """Threads that read uncached searches and cached pages until stopped."""

    def __init__(self, base, threads=4):
        self.base = base
        self.stop = threading.Event()
        self.results = []
        self.counter = itertools.count()
        self.threads = [threading.Thread(target=self.read) for _ in range(threads)]

    def read(self):
        session = requests.Session()
        while not self.stop.is_set():
            n = next(self.counter)
            path = f"/search/?query=river+{n}" if n % 2 else "/"
            try:
                response = session.get(self.base + path, timeout=30)
            except requests.RequestException as error:
                self.results.append((path, repr(error), None, ""))
                continue
            self.results.append(
                (path, response.status_code, response.headers.get("Retry-After"), response.text)
            )

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join()


def log_in(base):
    session = requests.Session()
    session.get(f"{base}/admin/login/", timeout=10)
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": EDITOR,
            "password": EDITOR_PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:500]
    return session


def edit_form(session, url):
    """The edit form's fields as the browser posts them (the body, which the StreamField editor
    builds in JavaScript, from tests/editorial.py)."""
    data = querydict_from_html(session.get(url, timeout=10).text, form_id="page-edit-form")
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    data.update(nested_form_data({"body": editorial.body_data(editorial.DEFAULT_BLOCKS)}))
    data["csrfmiddlewaretoken"] = session.cookies["csrftoken"]
    return data


def post(session, url, data, title, autosave=False):
    data = data.copy()
    data["title"] = title
    headers = {"Accept": "application/json"} if autosave else {}
    return session.post(
        url, data=list(data.lists()), headers=headers, allow_redirects=False, timeout=30
    )


def revision_titles(cluster, page_id):
    rows = cluster.execute(
        "SELECT content->>'title' FROM wagtailcore_revision WHERE object_id = %s "
        "AND base_content_type_id = (SELECT id FROM django_content_type "
        "WHERE app_label = 'wagtailcore' AND model = 'page')",
        [str(page_id)],
    )
    return {title for (title,) in rows}


def test_readers_and_editors_ride_out_a_database_restart(throwaway_postgres, tmp_path):
    cluster, env = throwaway_postgres
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    [(page_id,)] = cluster.execute("SELECT page_ptr_id FROM news_articlepage LIMIT 1")
    edit_url = f"{base}/admin/pages/{page_id}/edit/"
    with open(tmp_path / "gunicorn.log", "w") as log:
        server = start_gunicorn(env, port, log)
    try:
        wait_until_up(base)
        editor = log_in(base)
        saved = post(editor, edit_url, edit_form(editor, edit_url), "Saved before the restart")
        assert saved.status_code == 302, saved.text[:500]
        form = edit_form(editor, edit_url)

        with Readers(base) as readers:
            time.sleep(1)
            cluster.stop()
            time.sleep(1)
            during = post(editor, edit_url, form, "Autosaved during the restart", autosave=True)
            time.sleep(1)
            cluster.start()
            time.sleep(2)

        assert during.status_code == 503
        assert during.json()["success"] is False
        statuses = {status for _, status, _, _ in readers.results}
        assert statuses <= {200, 503}, statuses
        outage = [result for result in readers.results if result[1] == 503]
        assert outage, "no request met the outage"
        for _, _, retry_after, text in outage:
            assert retry_after == "30"
            assert 'rel="stylesheet" href="/static/css/site.' in text, text[:300]
            assert "Back in a moment" in text

        # Every worker reconnects on its own: a burst of uncached searches, all answered.
        with Readers(base) as after:
            time.sleep(2)
        assert after.results and {status for _, status, _, _ in after.results} == {200}

        retried = post(editor, edit_url, form, "Autosaved after the restart", autosave=True)
        assert retried.status_code == 200 and retried.json()["success"] is True, retried.text
        titles = revision_titles(cluster, page_id)
        assert {"Saved before the restart", "Autosaved after the restart"} <= titles
    finally:
        server.terminate()
        server.wait(timeout=30)
