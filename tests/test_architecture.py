"""The package's layers hold (import-linter's contracts in pyproject.toml),
and the flat layout's import paths still work, with a warning, for one
release."""

from __future__ import annotations

import json
from pathlib import Path
import re
import subprocess
import sys

from linter._moved import MOVED

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_are_kept() -> None:
    """Layers, independence of the built-in plugins and of the
    integrations, and no circle between the modules of any package."""
    lint_imports = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(lint_imports), "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"Contracts: [1-9]\d* kept, 0 broken", proc.stdout), proc.stdout


def test_a_broken_layer_fails_the_contracts(tmp_path: Path) -> None:
    """The check is real: the same contracts over a copy of the package in
    which the support layer imports the engine fail."""
    copy = tmp_path / "linter"
    subprocess.run(["cp", "-r", str(ROOT / "linter"), str(copy)], check=True)
    (copy / "support" / "errors.py").write_text(
        (copy / "support" / "errors.py").read_text() + "\nfrom linter.core import engine  # noqa\n"
    )
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    lint_imports = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run(
        [str(lint_imports), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "linter.support.errors -> linter.core.engine" in proc.stdout


def test_the_old_import_paths_give_the_moved_modules_with_a_warning() -> None:
    probe = (
        "import importlib, json, sys, warnings\n"
        "from linter._moved import MOVED\n"
        "seen = {}\n"
        "for old, new in MOVED.items():\n"
        "    with warnings.catch_warnings(record=True) as caught:\n"
        "        warnings.simplefilter('always')\n"
        "        module = importlib.import_module(old)\n"
        "    seen[old] = [module is sys.modules[new], module.__spec__.name, [str(w.message) for w in caught if w.category is DeprecationWarning]]\n"
        "print(json.dumps(seen))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    seen = json.loads(proc.stdout)
    for old, new in MOVED.items():
        same, spec_name, warnings = seen[old]
        assert same and spec_name == new, old  # the module itself, still named by its new path
        assert warnings == [f"{old} is now {new}; the old path goes in the next release"]


def test_from_linter_import_an_old_module_name_still_works() -> None:
    probe = "import warnings\nwarnings.simplefilter('error')\nfrom linter import patterns\n"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert "DeprecationWarning: linter.patterns is now linter.support.patterns" in proc.stderr


def test_importing_linter_loads_nothing_else_of_it() -> None:
    """The old paths' finder costs start-up nothing: importing the package
    imports no layer (nor importlib.abc, 18 ms)."""
    probe = "import sys, linter\nprint(sorted(m for m in sys.modules if m.startswith('linter') or m == 'importlib.abc'))\n"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout.split() == ["['linter',", "'linter._moved']"]


OLD_IMPORT = re.compile(
    r"^\s*(?:from\s+(" + "|".join(re.escape(old) for old in MOVED) + r")\s+import"
    r"|import\s+(" + "|".join(re.escape(old) for old in MOVED) + r")\b"
    r"|from\s+linter\s+import\s+.*\b(" + "|".join(re.escape(old.removeprefix("linter.")) for old in MOVED if old.count(".") == 1) + r")\b)",
    re.M,
)


def test_the_repository_itself_uses_only_the_new_paths() -> None:
    used = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for folder in ("linter", "tests", "benchmarks", "fuzz")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for match in OLD_IMPORT.finditer(path.read_text(encoding="utf-8"))
    ]
    assert used == []


def test_the_readme_layout_names_every_package_and_every_module_of_the_layers() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("```", 2)[1]
    package = ROOT / "linter"
    missing = [f"{p.name}/" for p in package.iterdir() if (p / "__init__.py").is_file() and f"{p.name}/" not in layout]
    missing += [p.name for p in package.glob("*.py") if not p.name.startswith("__") and p.name not in layout]
    for layer in ("support", "article", "language", "results", "core", "lsp", "cli"):
        missing += [
            f"{layer}/{p.stem}"
            for p in (package / layer).glob("*.py")
            if p.stem != "__init__" and not re.search(rf"\b{p.stem}\b", layout)
        ]
    assert missing == []


def test_the_tests_mirror_the_layout() -> None:
    """A test folder is named for a package of linter/, and the tests at the
    top are those of whole runs."""
    folders = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and any(p.glob("test_*.py"))}
    packages = {p.name for p in (ROOT / "linter").iterdir() if (p / "__init__.py").is_file()}
    assert folders <= packages, folders - packages
