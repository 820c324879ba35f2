"""Mutation testing of the core: how many small changes to the code the tests of tests/core notice.

Usage (from the repository's root, with the test extra installed; not run by CI, it takes long):

    .venv/bin/python tools/mutation.py [FILE ...] [--jobs N] [--record]

Without FILE: every module of ``decision_aid/model/`` and ``decision_aid/present/wording.py``.

1. The working tree is copied to a scratch folder (one copy per job), so the checkout is never
   changed and the command-line tests, which run ``python -m decision_aid`` in processes of their
   own, import the mutated code too (``PYTHONPATH`` points at the copy).
2. tests/core runs once with a line tracer (this file is the pytest plugin and, through a
   generated ``sitecustomize``, the tracer of every Python process the tests start), recording
   which test executes which line of the files under test, and how long each test takes. The
   model's caches are emptied after every test, so each test is seen executing what it uses.
3. Each mutant (one small change: an operator, a comparison, a constant, ``and``/``or``,
   ``min``/``max``, a returned value; docstrings, annotations, f-strings and messages of raised
   errors are left alone) is written into the copy and only the tests that executed its line are
   run, fastest first, stopping at the first failure (``-x``). A line run at import or by a
   fixture before any test (the model is built once per session) is executed for every test
   that uses that module, so all of them are run. A mutant that makes the tests time out or fail
   to import is killed.
4. The survivors are printed. ``tools/mutation_equivalent.json`` lists those that cannot be
   killed because they change nothing a person or a caller can see, each with its reason; the
   score per module is killed / (mutants - equivalent), printed as the table MUTATION.md records
   (with the commit). ``--record`` writes every outcome to ``.mutation/results.json``;
   ``--again`` then runs only the mutants that run did not kill (after tests were added).
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TARGETS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "decision_aid" / "model").glob("*.py")
                         if p.name != "__init__.py") + ["decision_aid/present/wording.py"]
EQUIVALENT_FILE = ROOT / "tools" / "mutation_equivalent.json"
RESULTS_FILE = ROOT / ".mutation" / "results.json"
TRACE_FILE = ROOT / ".mutation" / "trace.json"
OUTCOMES_FILE = ROOT / ".mutation" / "outcomes.jsonl"  # one line per mutant run, as it ends
RECORD_FILE = ROOT / "MUTATION.md"
TESTS = "tests/core"
SHARED = "<shared>"
FIRST_TESTS = 4  # run alone before the rest of a mutant's tests  # a line run outside any test (import, a session fixture): every test of its module

# --- the mutants ----------------------------------------------------------------------------------

BINARY = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.Pow: ast.Mult,
          ast.FloorDiv: ast.Div, ast.Mod: ast.Mult, ast.BitXor: ast.BitOr, ast.BitOr: ast.BitAnd,
          ast.BitAnd: ast.BitOr, ast.LShift: ast.RShift, ast.RShift: ast.LShift, ast.MatMult: ast.Mult}
COMPARE = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
           ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
CALLS = {"min": "max", "max": "min", "minimum": "maximum", "maximum": "minimum", "any": "all", "all": "any",
         "floor": "ceil", "ceil": "floor"}
SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.FloorDiv: "//", ast.Mod: "%",
          ast.BitXor: "^", ast.BitOr: "|", ast.BitAnd: "&", ast.LShift: "<<", ast.RShift: ">>", ast.MatMult: "@",
          ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.In: "in",
          ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.And: "and", ast.Or: "or"}


@dataclass(frozen=True)
class Mutant:
    """One change: the source segment (1-based lines, 0-based columns) and what replaces it."""

    file: str
    line: int
    end_line: int
    col: int
    end_col: int
    replacement: str
    description: str
    key: str  # stable across edits elsewhere: file, the line's text, the change, its occurrence on the line
    statement: tuple[int, int] = (0, 0)  # the lines of the statement it is in (a tracer sees its first)

    def apply(self, source: str) -> str:
        lines = source.splitlines(keepends=True)
        offsets = [0]
        for text in lines:
            offsets.append(offsets[-1] + len(text.encode("utf-8")))
        data = source.encode("utf-8")
        start = offsets[self.line - 1] + self.col
        end = offsets[self.end_line - 1] + self.end_col
        return (data[:start] + self.replacement.encode("utf-8") + data[end:]).decode("utf-8")


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """Nodes never mutated: docstrings, annotations, f-strings, decorators, ``__all__``, imports
    and the messages of raised errors (words for developers; the tests check the error's type)."""
    skipped: set[int] = set()

    def skip(node: ast.AST | None) -> None:
        if node is not None:
            skipped.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                skip(body[0])
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for decorator in node.decorator_list:
                skip(decorator)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            skip(node.returns)
            for arg in node.args.args + node.args.kwonlyargs + node.args.posonlyargs:
                skip(arg.annotation)
            skip(node.args.vararg and node.args.vararg.annotation)
            skip(node.args.kwarg and node.args.kwarg.annotation)
        if isinstance(node, ast.AnnAssign):
            skip(node.annotation)
        if isinstance(node, (ast.JoinedStr, ast.Import, ast.ImportFrom)):
            skip(node)
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            for arg in node.exc.args:
                if isinstance(arg, (ast.Constant, ast.JoinedStr, ast.BinOp)):
                    skip(arg)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            skip(node)
    return skipped


def _variants(node: ast.AST) -> list[tuple[ast.AST, str]]:
    """The mutated copies of ``node`` with a description of each."""
    out: list[tuple[ast.AST, str]] = []

    def changed(**fields) -> ast.AST:
        new = copy.copy(node)
        for name, value in fields.items():
            setattr(new, name, value)
        return new

    if isinstance(node, ast.BinOp) and type(node.op) in BINARY:
        new_op = BINARY[type(node.op)]
        out.append((changed(op=new_op()), f"{SYMBOL[type(node.op)]} -> {SYMBOL[new_op]}"))
    elif isinstance(node, ast.AugAssign) and type(node.op) in BINARY:
        new_op = BINARY[type(node.op)]
        out.append((changed(op=new_op()), f"{SYMBOL[type(node.op)]}= -> {SYMBOL[new_op]}="))
    elif isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            if type(op) in COMPARE:
                ops = list(node.ops)
                ops[index] = COMPARE[type(op)]()
                out.append((changed(ops=ops), f"{SYMBOL[type(op)]} -> {SYMBOL[type(ops[index])]}"))
    elif isinstance(node, ast.BoolOp):
        other = ast.Or if isinstance(node.op, ast.And) else ast.And
        out.append((changed(op=other()), f"{SYMBOL[type(node.op)]} -> {SYMBOL[other]}"))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        out.append((node.operand, f"{'not' if isinstance(node.op, ast.Not) else '-'} removed"))
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            out.append((ast.Constant(not value), f"{value} -> {not value}"))
        elif isinstance(value, int):
            out.append((ast.Constant(value + 1), f"{value} -> {value + 1}"))
        elif isinstance(value, float):
            out.append((ast.Constant(value + 1.0), f"{value!r} -> {value + 1.0!r}"))
        elif isinstance(value, str):
            out.append((ast.Constant(f"XX{value}XX"), f"{value!r} -> 'XX...XX'"))
        elif value is None:
            out.append((ast.Constant(""), "None -> ''"))
    elif isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name in CALLS:
            if isinstance(func, ast.Name):
                new_func: ast.AST = ast.Name(CALLS[name], ast.Load())
            else:
                new_func = ast.Attribute(func.value, CALLS[name], ast.Load())
            out.append((changed(func=new_func), f"{name}() -> {CALLS[name]}()"))
    elif isinstance(node, ast.Return) and node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None):
        out.append((ast.Return(ast.Constant(None)), "return value -> None"))
    return out


def mutants(path: Path) -> list[Mutant]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    skipped = _skipped_nodes(tree)
    lines = source.splitlines()
    found: list[Mutant] = []
    seen: dict[tuple, int] = defaultdict(int)
    statement_of: dict[int, tuple[int, int]] = {}
    for statement in ast.walk(tree):  # outer statements first: an inner one overwrites its own nodes
        if isinstance(statement, ast.stmt) and not isinstance(statement, (ast.FunctionDef, ast.ClassDef)):
            for inner in ast.walk(statement):
                statement_of[id(inner)] = (statement.lineno, statement.end_lineno)
    for node in ast.walk(tree):
        if id(node) in skipped or not hasattr(node, "lineno"):
            continue
        for new, description in _variants(node):
            text = ast.unparse(new)
            if isinstance(node, ast.expr):
                text = f"({text})"
            elif isinstance(node, ast.AugAssign):
                text = text.replace("\n", " ")
            line_text = lines[node.lineno - 1].strip()
            ident = (line_text, description)
            seen[ident] += 1
            key = f"{path.relative_to(ROOT)}|{line_text}|{description}|{seen[ident]}"
            found.append(Mutant(str(path.relative_to(ROOT)), node.lineno, node.end_lineno, node.col_offset,
                                node.end_col_offset, text, description, key,
                                statement_of.get(id(node), (node.lineno, node.end_lineno))))
    return sorted(found, key=lambda m: (m.line, m.col, m.description))


# --- the line tracer: this file is also the pytest plugin and the subprocesses' tracer ------------

_lines: dict[str, set] = defaultdict(set)  # test id (or SHARED) -> {(file, line)}
_current = [SHARED]
_targets: set[str] = set()


def _tracer(frame, event, arg):
    if frame.f_code.co_filename not in _targets:
        return None
    record = _lines[_current[0]]

    def local(frame, event, arg):
        if event == "line":
            record.add((frame.f_code.co_filename, frame.f_lineno))
        return local

    record.add((frame.f_code.co_filename, frame.f_lineno))
    return local


def _start_tracing() -> None:
    _targets.update(os.environ["MUTATION_TARGETS"].split(os.pathsep))
    threading.settrace(_tracer)
    sys.settrace(_tracer)


def _dump(path: Path) -> None:
    data = {test: sorted(lines) for test, lines in _lines.items()}
    path.write_text(json.dumps(data))


def trace_subprocess() -> None:
    """In a process a test started: trace, and say at exit which lines ran, for that test."""
    if not os.environ.get("MUTATION_TRACE_DIR"):
        return
    import atexit

    _current[0] = os.environ.get("MUTATION_TEST", SHARED)
    _start_tracing()
    atexit.register(lambda: _dump(Path(os.environ["MUTATION_TRACE_DIR"]) / f"process-{os.getpid()}.json"))


def pytest_configure(config) -> None:
    if os.environ.get("MUTATION_TRACE_DIR"):
        config._mutation_durations = {}
        _start_tracing()


_fixtures: dict[str, list[str]] = {}  # test id -> the fixtures it uses
_failed: set[str] = set()  # tests that fail without any mutant (never used to judge one)


def pytest_runtest_logreport(report) -> None:
    if os.environ.get("MUTATION_TRACE_DIR") and report.failed:
        _failed.add(report.nodeid)


def _fixture_bucket(name: str) -> str:
    return f"<fixture:{name}>"


if "pytest" in sys.modules:  # the traced pytest run; a process it starts imports nothing more than it would
    import pytest as _pytest_module

    @_pytest_module.hookimpl(hookwrapper=True)
    def pytest_fixture_setup(fixturedef, request):
        """A fixture made once for many tests (the session's model): what it runs is charged to
        every test that uses it, not to the first one."""
        if not os.environ.get("MUTATION_TRACE_DIR") or fixturedef.scope == "function":
            yield
            return
        before = _current[0]
        _current[0] = _fixture_bucket(fixturedef.argname)
        try:
            yield
        finally:
            _current[0] = before


def pytest_runtest_protocol(item, nextitem):
    if not os.environ.get("MUTATION_TRACE_DIR"):
        return None
    _fixtures[item.nodeid] = list(item.fixturenames)
    _current[0] = item.nodeid
    os.environ["MUTATION_TEST"] = item.nodeid  # the processes this test starts trace for it
    started = time.perf_counter()
    from _pytest.runner import runtestprotocol

    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    runtestprotocol(item, nextitem=nextitem)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    item.config._mutation_durations[item.nodeid] = time.perf_counter() - started
    _forget_cached_draws()
    _current[0] = SHARED
    os.environ.pop("MUTATION_TEST", None)
    return True


def _forget_cached_draws() -> None:
    """Empty the model's caches of draws and matrices, so the next test runs that code too."""
    model_module = sys.modules.get("decision_aid.model.engine")
    if model_module is not None and model_module.default_model.cache_info().currsize:
        model = model_module.default_model()
        model._draw_cache.clear()
        model._matrix_cache.clear()


def pytest_unconfigure(config) -> None:
    if os.environ.get("MUTATION_TRACE_DIR"):
        sys.settrace(None)
        folder = Path(os.environ["MUTATION_TRACE_DIR"])
        _dump(folder / "main.json")
        (folder / "durations.json").write_text(json.dumps(config._mutation_durations))
        (folder / "fixtures.json").write_text(json.dumps(_fixtures))
        (folder / "failed.json").write_text(json.dumps(sorted(_failed)))


# --- running --------------------------------------------------------------------------------------

def copy_tree(destination: Path) -> None:
    """The working tree's files (tracked and new, not ignored), as they are now."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def environment(copy_root: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(copy_root), str(copy_root / "tools")]),
           "PYTHONDONTWRITEBYTECODE": "1", "QT_QPA_PLATFORM": "offscreen", "PYTEST_ADDOPTS": ""}
    env.pop("MUTATION_TRACE_DIR", None)
    env.update(extra or {})
    return env


def _pytest_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:pytest-qt",
            "-o", "addopts=", "--no-header", "-W", "ignore", *args]


def trace(copy_root: Path, targets: list[str], scratch: Path) -> tuple[dict, dict]:
    """Run tests/core once, traced: {file: {line: {tests}}} and {test: seconds}."""
    folder = scratch / "trace"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text("import mutation\nmutation.trace_subprocess()\n")
    files = [str(copy_root / t) for t in targets]
    env = environment(copy_root, {"MUTATION_TRACE_DIR": str(folder), "MUTATION_TARGETS": os.pathsep.join(files)})
    env["PYTHONPATH"] = os.pathsep.join([env["PYTHONPATH"], str(folder)])
    started = time.perf_counter()
    done = subprocess.run(_pytest_argv("-p", "mutation", TESTS), cwd=copy_root, env=env, capture_output=True,
                          text=True)
    print(f"traced run of {TESTS}: {time.perf_counter() - started:.0f} s, {done.stdout.strip().splitlines()[-1:]}",
          flush=True)
    if done.returncode not in (0, 1):
        sys.exit(f"the traced test run failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    by_line: dict[str, dict[int, set]] = {t: defaultdict(set) for t in targets}
    back = {str(copy_root / t): t for t in targets}
    users: dict[str, set] = defaultdict(set)  # fixture bucket -> the tests that use that fixture
    for test, names in json.loads((folder / "fixtures.json").read_text()).items():
        for name in names:
            users[_fixture_bucket(name)].add(test)
    for dump in folder.glob("*.json"):
        if dump.name in ("durations.json", "fixtures.json", "failed.json"):
            continue
        for bucket, lines in json.loads(dump.read_text()).items():
            tests = users[bucket] if bucket.startswith("<fixture:") else {bucket}
            for file, line in lines:
                by_line[back[file]][line].update(tests)
    durations = json.loads((folder / "durations.json").read_text())
    failed = set(json.loads((folder / "failed.json").read_text()))
    if failed:
        print("failing without a mutant, so never used to judge one:", *sorted(failed), sep="\n  ", flush=True)
    for lines in by_line.values():
        for tests in lines.values():
            tests -= failed
    return by_line, durations


def selected_tests(mutant: Mutant, by_line: dict, durations: dict, kills: dict[str, int]) -> list[str]:
    lines = by_line[mutant.file]
    tests: set[str] = set()
    first, last = min(mutant.line, mutant.statement[0]), max(mutant.end_line, mutant.statement[1])
    for line in range(first, last + 1):
        tests |= lines.get(line, set())
    if SHARED in tests:  # run at import or by a session fixture: every test that uses the module
        tests = set().union(*lines.values())
    tests.discard(SHARED)
    # the tests that killed most mutants per second so far first, then those that run most of the
    # module, then the fastest: with -x a mutant is usually killed by the first test run
    breadth = _breadth(mutant.file, by_line)
    return sorted(tests, key=lambda t: (-kills.get(t, 0) / max(durations.get(t, 1.0), 0.05), -breadth.get(t, 0),
                                        durations.get(t, 0.0), t))


_breadths: dict[str, dict[str, int]] = {}


def _breadth(file: str, by_line: dict) -> dict[str, int]:
    """How many lines of ``file`` each test runs."""
    if file not in _breadths:
        counts: dict[str, int] = defaultdict(int)
        for tests in by_line[file].values():
            for test in tests:
                counts[test] += 1
        _breadths[file] = counts
    return _breadths[file]


class Worker:
    """A process in one copy that has imported pytest, NumPy and Hypothesis once (never the
    package) and forks a child per mutant, so a mutant costs its tests, not Python's start-up."""

    def __init__(self, copy_root: Path) -> None:
        self.copy_root = copy_root
        self.process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--worker"], cwd=copy_root,
                                        env=environment(copy_root), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)

    def run(self, mutant: Mutant, tests: list[str], limit: float) -> str:
        request = {"file": str(self.copy_root / mutant.file), "tests": tests, "limit": limit,
                   "source": mutant.apply((self.copy_root / mutant.file).read_text(encoding="utf-8"))}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        return answer["outcome"], answer["killer"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def serve() -> None:
    """The worker's loop (``--worker``): one request per line, one outcome per line."""
    sys.dont_write_bytecode = True
    import hypothesis  # noqa: F401 (loaded once, before any fork)
    import numpy  # noqa: F401
    import pytest

    for line in sys.stdin:
        request = json.loads(line)
        target = Path(request["file"])
        original = target.read_text(encoding="utf-8")
        target.write_text(request["source"], encoding="utf-8")
        killer_file = target.parent / ".mutation-killer"
        killer_file.unlink(missing_ok=True)
        tests = request["tests"]
        try:
            # the likeliest killers alone first (a few test files to collect), then the others
            for part in (tests[:FIRST_TESTS], tests[FIRST_TESTS:]):
                if not part:
                    continue
                outcome = _forked(lambda: pytest.main(_pytest_argv("-x", *part)[3:], plugins=[_Killer(killer_file)]),
                                  request["limit"])
                if outcome != "survived":
                    break
        finally:
            target.write_text(original, encoding="utf-8")
        killer = killer_file.read_text() if killer_file.exists() else None
        print(json.dumps({"outcome": outcome, "killer": killer}), flush=True)


class _Killer:
    """Notes the first test that fails (the one that killed the mutant)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def pytest_runtest_logreport(self, report) -> None:
        if report.failed and not self.path.exists():
            self.path.write_text(report.nodeid)


def _forked(function, limit: float) -> str:
    child = os.fork()
    if child == 0:  # the child: its own process group, silent, then the tests
        try:
            os.setpgid(0, 0)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = int(function())
        except BaseException:  # noqa: BLE001 (whatever the mutant broke, the child only reports)
            code = 3
        os._exit(code)
    deadline = time.monotonic() + limit
    while True:
        pid, status = os.waitpid(child, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            return {0: "survived", 5: "not covered"}.get(code, "killed")
        if time.monotonic() > deadline:
            try:
                os.killpg(child, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(child, 0)
            return "killed (timeout)"
        time.sleep(0.02)


def run_mutant(mutant: Mutant, worker: Worker, tests: list[str], durations: dict) -> tuple[str, str | None]:
    """The outcome and the test that killed the mutant (None if none did, or a timeout)."""
    if not tests:
        return "not covered", None
    return worker.run(mutant, tests, 60 + 4 * sum(durations.get(t, 1.0) for t in tests))


def main() -> None:
    if sys.argv[1:] == ["--worker"]:
        serve()
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", default=DEFAULT_TARGETS)
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (each in its own copy)")
    parser.add_argument("--again", action="store_true",
                        help="run only the mutants the last recorded run did not kill (the others keep its outcome)")
    parser.add_argument("--record", action="store_true", help="write every outcome to .mutation/results.json")
    parser.add_argument("--report", action="store_true",
                        help="run nothing: the table from the outcomes recorded so far (.mutation/outcomes.jsonl)")
    parser.add_argument("--survivors", action="store_true",
                        help="with --again: run only the mutants the recorded run let survive (not those it never ran)")
    parser.add_argument("--first", nargs="+", default=[], metavar="TEST_FILE",
                        help="test files run first for every mutant: tests written since the trace was recorded, "
                             "which --reuse-trace does not know")
    parser.add_argument("--shuffle", type=int, metavar="SEED",
                        help="run the mutants in a random order (seeded): a run stopped early is then a fair "
                             "sample of every file, and --report's scores estimate the whole")
    parser.add_argument("--reuse-trace", action="store_true",
                        help="use the last run's record of which test runs which line (.mutation/trace.json) instead "
                             "of tracing tests/core again: only while neither the tests nor the files have changed")
    args = parser.parse_args()
    targets = [str(Path(f).resolve().relative_to(ROOT)) for f in args.files]
    all_mutants = [m for t in targets for m in mutants(ROOT / t)]
    outcomes: dict[str, str] = {}
    OUTCOMES_FILE.parent.mkdir(exist_ok=True)
    kills: dict[str, int] = defaultdict(int)
    if args.report:
        for line in OUTCOMES_FILE.read_text(encoding="utf-8").splitlines():
            previous = json.loads(line)
            outcomes[previous["key"]] = previous["outcome"]
        report(all_mutants, outcomes, args.record)
        return
    if args.again:
        for line in OUTCOMES_FILE.read_text(encoding="utf-8").splitlines():
            previous = json.loads(line)
            if previous["outcome"].startswith("killed"):
                outcomes[previous["key"]] = previous["outcome"]
                if previous.get("killer"):
                    kills[previous["killer"]] += 1
    else:
        OUTCOMES_FILE.write_text("")
    equivalent = json.loads(EQUIVALENT_FILE.read_text(encoding="utf-8")) if EQUIVALENT_FILE.exists() else {}
    if args.again:  # a mutant already judged equivalent is not run again
        outcomes.update({m.key: "survived" for m in all_mutants if m.key in equivalent and m.key not in outcomes})
    to_run = [m for m in all_mutants if m.key not in outcomes]
    if args.survivors:
        recorded = {json.loads(line)["key"] for line in OUTCOMES_FILE.read_text(encoding="utf-8").splitlines()}
        to_run = [m for m in to_run if m.key in recorded]
    if args.shuffle is not None:
        random.Random(args.shuffle).shuffle(to_run)
    print(f"{len(all_mutants)} mutants in {len(targets)} files; {len(to_run)} to run", flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="decision-aid-mutation-"))
    try:
        copies = []
        for job in range(args.jobs):
            copies.append(scratch / f"copy{job}")
            copy_tree(copies[-1])
        if args.reuse_trace and TRACE_FILE.exists():
            saved = json.loads(TRACE_FILE.read_text())
            by_line = {f: {int(line): set(tests) for line, tests in lines.items()} for f, lines in saved["lines"].items()}
            durations = saved["durations"]
        else:
            by_line, durations = trace(copies[0], targets, scratch)
            TRACE_FILE.parent.mkdir(exist_ok=True)
            TRACE_FILE.write_text(json.dumps({"durations": durations, "lines": {
                f: {line: sorted(tests) for line, tests in lines.items()} for f, lines in by_line.items()}}))
        workers = [Worker(c) for c in copies]
        free = list(workers)
        lock = threading.Lock()
        done = [0]

        def one(mutant: Mutant) -> None:
            with lock:
                worker = free.pop()
            try:
                with lock:
                    tests = args.first + selected_tests(mutant, by_line, durations, kills)
                outcome, killer = run_mutant(mutant, worker, tests, durations)
            finally:
                with lock:
                    free.append(worker)
            with lock:
                outcomes[mutant.key] = outcome
                if killer:
                    kills[killer] += 1
                with OUTCOMES_FILE.open("a", encoding="utf-8") as stream:
                    stream.write(json.dumps({"key": mutant.key, "outcome": outcome, "killer": killer}) + "\n")
                done[0] += 1
                print(f"[{done[0]}/{len(to_run)}] {outcome:16} {mutant.file}:{mutant.line} "
                      f"{mutant.description}  {killer or ''}", flush=True)

        with ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(one, to_run))
        for worker in workers:
            worker.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report(all_mutants, outcomes, args.record)


def scores(all_mutants: list[Mutant], outcomes: dict[str, str], equivalent: dict[str, str]) -> dict[str, dict]:
    table: dict[str, dict] = {}
    for mutant in all_mutants:
        row = table.setdefault(mutant.file, {"mutants": 0, "killed": 0, "equivalent": 0, "survived": 0,
                                             "not run": 0})
        row["mutants"] += 1
        if outcomes.get(mutant.key, "").startswith("killed"):
            row["killed"] += 1
        elif mutant.key in equivalent:
            row["equivalent"] += 1
        elif mutant.key not in outcomes:
            row["not run"] += 1
        else:
            row["survived"] += 1
    for row in table.values():
        judged = row["mutants"] - row["equivalent"] - row["not run"]
        row["score"] = round(100 * row["killed"] / judged, 1) if judged else 100.0
    return table


def report(all_mutants: list[Mutant], outcomes: dict[str, str], record: bool) -> None:
    equivalent = json.loads(EQUIVALENT_FILE.read_text(encoding="utf-8")) if EQUIVALENT_FILE.exists() else {}
    table = scores(all_mutants, outcomes, equivalent)
    survivors = [m for m in all_mutants if m.key in outcomes and not outcomes[m.key].startswith("killed")
                 and m.key not in equivalent]
    print("\nsurvivors (not listed as equivalent):")
    for mutant in survivors:
        print(f"  {mutant.file}:{mutant.line}: {mutant.description} [{outcomes[mutant.key]}]\n    key: {mutant.key}")
    print("\n| file | mutants | killed | equivalent | survived | not run | score |\n|---|---:|---:|---:|---:|---:|---:|")
    for file, row in table.items():
        print(f"| `{file}` | {row['mutants']} | {row['killed']} | {row['equivalent']} | {row['survived']} "
              f"| {row['not run']} | {row['score']}% |")
    if record:
        RESULTS_FILE.parent.mkdir(exist_ok=True)
        RESULTS_FILE.write_text(json.dumps({"commit": commit(), "scores": table, "mutants": [
            {**asdict(m), "outcome": outcomes.get(m.key), "equivalent": equivalent.get(m.key)} for m in all_mutants]},
            indent=1))
        print(f"\nwritten: {RESULTS_FILE.relative_to(ROOT)}")


def commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "decision_aid", "tests"], cwd=ROOT,
                           capture_output=True, text=True).stdout
    return head.strip() + (" (with uncommitted changes)" if dirty.strip() else "")


if __name__ == "__main__":
    main()
