"""The engine is pure: no pygame, no files, no clock, no global random."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "game" / "engine"
FORBIDDEN_MODULES = {"pygame", "random", "time", "datetime", "os", "pathlib", "io", "socket",
                     "subprocess", "shutil", "tempfile", "pickle", "marshal"}
FORBIDDEN_CALLS = {"open", "eval", "exec", "compile", "__import__", "input", "print"}


def test_engine_imports_and_runs_with_pygame_blocked():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'pygame' or name.startswith('pygame.'):\n"
        "            raise ImportError('pygame is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from game.content.loader import load\n"
        "from game.engine.simulate import play\n"
        "content, _ = load()\n"
        "played = play(content.scenario('great-break'), 3, 'random')\n"
        "assert played.state.ending\n"
        "assert not any(m == 'pygame' or m.startswith('pygame.') for m in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                            env={"PYTHONPATH": str(root), "PATH": ""})
    assert result.returncode == 0, result.stderr


def test_no_engine_module_imports_io_clock_or_global_random():
    for path in sorted(ENGINE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [(node.module or "").split(".")[0]]
            else:
                names = []
            bad = FORBIDDEN_MODULES.intersection(names)
            assert not bad, f"{path.name}:{node.lineno} imports {bad}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{path.name}:{node.lineno} calls {node.func.id}()"
