""".env.example: a shell can read it, it lists every variable the settings
read, and its production values pass ``check --deploy``."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / ".env.example"


def example_environment() -> dict[str, str]:
    """The file as ``set -a; . .env.example`` leaves a POSIX shell's environment."""
    result = subprocess.run(
        ["sh", "-c", "set -a; . ./.env.example; env -0"],  # noqa: S607 - the system's sh
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        check=True,
    )
    pairs = [item.split("=", 1) for item in result.stdout.decode().split("\0") if "=" in item]
    return {key: value for key, value in pairs if key not in {"PATH", "PWD", "SHLVL", "_"}}


def test_a_shell_reads_the_example_with_the_values_written_in_it():
    environment = example_environment()
    assert environment["DEFAULT_FROM_EMAIL"] == "ASF-portalen <noreply@exempelkommunen.se>"
    assert environment["ALLOWED_HOSTS"] == "asf.exempelkommunen.se"
    assert environment["SECURE_HSTS_PRELOAD"] == "false"


def test_the_example_lists_every_variable_the_settings_read():
    source = (ROOT / "asfportal" / "settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', source))
    listed = set(re.findall(r"^([A-Z_]+)=", EXAMPLE.read_text(), re.MULTILINE))
    assert len(read) > 30
    assert read - listed == set()


def deploy_check(**overrides) -> subprocess.CompletedProcess:
    environment = example_environment() | {
        "SECRET_KEY": "k" * 20 + "a-long-random-production-secret-0123456789",
        "PATH": "/usr/bin:/bin",
        **overrides,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_values_pass_the_deploy_check_with_hsts_for_subdomains_and_preload():
    result = deploy_check(SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_them_the_deploy_check_names_only_those_two():
    result = deploy_check()
    warnings = set(re.findall(r"\(security\.(W\d+)\)", result.stderr + result.stdout))
    assert warnings == {"W005", "W021"}
