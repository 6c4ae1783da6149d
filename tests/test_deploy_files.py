"""The systemd units under deploy/ are valid, and gunicorn listens on loopback only."""

import shutil
import subprocess

import pytest

from tests.production_stack import BASE_DIR, DEPLOY, unit_command

UNITS = sorted((DEPLOY / "systemd").glob("newsroom-*"))


def test_units_for_web_scheduler_and_backups():
    assert {unit.name for unit in UNITS} == {
        "newsroom-web.service",
        "newsroom-scheduler.service",
        "newsroom-backup.service",
        "newsroom-backup.timer",
    }


def test_gunicorn_binds_to_loopback_only():
    command = unit_command("newsroom-web.service")
    assert command[command.index("--bind") + 1] == "127.0.0.1:8000"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_units_pass_systemd_analyze(tmp_path):
    # Checked as installed on a server, with this checkout standing in for /srv/newsroom.
    for unit in UNITS:
        text = unit.read_text().replace("/srv/newsroom", str(BASE_DIR))
        (tmp_path / unit.name).write_text(text)
    result = subprocess.run(
        [shutil.which("systemd-analyze"), "verify", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
