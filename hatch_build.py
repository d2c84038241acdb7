"""Wheel build hook: compile the extraction rules with mypyc, or build pure Python.

mypyc compiles fully typed modules to C extensions; on real arms reporting it makes
extraction about 1.4x faster with byte-identical output (see CHANGELOG). The wheel gets
the compiled modules beside their sources. Where the compile cannot run (no mypy, no C
compiler, a mypyc error), the wheel is pure Python and the build says why in a warning:
a machine without a compiler still installs armstrack, only slower.

ARMSTRACK_COMPILE=0 builds pure Python on purpose; ARMSTRACK_COMPILE=1 makes a failed
compile fail the build (``make test`` sets it, so CI tests the compiled build and learns
when a rule's code is something mypyc rejects). Editable installs (``pip install -e``,
``make demo``) always stay pure, so that an edited rule takes effect at once.

The sources are compiled in a temporary copy, never in the checkout: a compiled module
left in ``src/`` would shadow its edited ``.py`` file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = Path("src")
# The per-sentence rules and the text folding they call: where extraction spends its time.
# extract/__init__.py (imports only) stays Python; compiling records.py and the catalogue
# loader as well measured only 3-5% more, not worth compiled records across the package.
COMPILED = ("armstrack/extract/[!_]*.py", "armstrack/catalogue/normalise.py")


class CompileHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        mode = os.environ.get("ARMSTRACK_COMPILE", "")
        if mode == "0":
            self.app.display_info("armstrack: ARMSTRACK_COMPILE=0, building pure Python")
            return
        self._workdir = Path(tempfile.mkdtemp(prefix="armstrack-mypyc-"))
        built, failure = self._compile(self._workdir)
        if failure:
            shutil.rmtree(self._workdir, ignore_errors=True)
            if mode == "1":
                raise RuntimeError(f"armstrack: ARMSTRACK_COMPILE=1 but {failure}")
            self.app.display_warning(f"armstrack: building pure Python: {failure}")
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True  # cp311-cp311-<platform>: the .so files fit one ABI
        build_data["force_include"].update(built)
        self.app.display_info(f"armstrack: {len(built)} compiled files from mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        workdir = getattr(self, "_workdir", None)
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)

    def _compile(self, workdir: Path) -> tuple[dict[str, str], str]:
        """Compile a copy of the package in ``workdir``: the wheel path of each built file,
        or why there is none."""
        root = Path(self.root)
        shutil.copytree(
            root / PACKAGE / "armstrack",
            workdir / "armstrack",
            ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"),
        )
        modules = sorted(
            str(path.relative_to(workdir)) for pattern in COMPILED for path in workdir.glob(pattern)
        )
        command = [sys.executable, "-m", "mypyc", "--config-file", str(root / "pyproject.toml")]
        try:
            done = subprocess.run(
                [*command, *modules], cwd=workdir, capture_output=True, text=True, check=False
            )
        except OSError as error:
            return {}, f"mypyc did not run ({error})"
        if done.returncode != 0:
            last = "\n".join((done.stdout + done.stderr).strip().splitlines()[-5:])
            return {}, f"mypyc failed:\n{last}"
        suffix = ".pyd" if sys.platform == "win32" else ".so"
        built = {
            str(path): str(path.relative_to(workdir))
            for path in sorted(workdir.rglob(f"*{suffix}"))
            if "build" not in path.relative_to(workdir).parts
        }
        return built, "" if built else "mypyc built nothing"
