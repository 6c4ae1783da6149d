"""The CI dependency audit's verdict on pip-audit's report: a known vulnerability fails the run;
packages the advisory service could not look up are reported, not hidden."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "bootstrap", Path(__file__).resolve().parent.parent / "site" / "bootstrap.py"
)
bootstrap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bootstrap)


def test_a_known_vulnerability_fails():
    report = {
        "dependencies": [
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
            {
                "name": "django",
                "version": "5.2.0",
                "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"]}],
            },
        ]
    }
    failed, message = bootstrap.audit_verdict(report)
    assert failed
    assert "django 5.2.0: PYSEC-2025-1 (fixed in 5.2.1)" in message


def test_a_clean_report_passes():
    report = {"dependencies": [{"name": "wagtail", "version": "8.0.1", "vulns": []}]}
    assert bootstrap.audit_verdict(report) == (
        False,
        "Dependency audit: no known vulnerabilities in 1 packages.",
    )


def test_packages_that_could_not_be_looked_up_are_reported():
    report = {
        "dependencies": [
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
            {"name": "django", "skip_reason": "Dependency not found on PyPI"},
        ]
    }
    failed, message = bootstrap.audit_verdict(report)
    assert not failed
    assert message.startswith("Dependency audit INCOMPLETE: 1 of 2 packages")
