#!/usr/bin/env python3
"""Build the program for patients as one folder that starts without Python, and check it.

    python tools/build_bundle.py            build dist/decision-aid-VERSION-linux-x86_64/ and its .tar.gz
    python tools/build_bundle.py --check    the same, then the smoke test of the built bundle
    python tools/build_bundle.py --check --no-build   only the smoke test (of the last build)
    python tools/build_bundle.py --timing 15          cold start: bundle against the installed package

The build runs in its own environment (build/bundle-env): the program is installed there from
this folder, with the pinned freezer (PyInstaller, packaging/requirements-bundle.txt). What goes in
and why: docs/PACKAGING.md. This module imports neither Qt nor PyInstaller (the spec file imports
its lists; the tests import them without a build).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "decision-aid"
PROFILE = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]
EVIDENCE_DEST = "decision_aid/resources/evidence"
RESOURCES_DEST = "decision_aid/resources"
ABOUT_FILE = "about.json"
LOCALE_DEST = "decision_aid/locale"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu-sans-fonts", "/usr/share/fonts/TTF",
             "/usr/share/fonts/dejavu")
FONT_LICENCES = ("/usr/share/doc/fonts-dejavu-core/copyright", "/usr/share/licenses/dejavu-sans-fonts/LICENSE",
                 "/usr/share/licenses/ttf-dejavu/LICENSE")
# Qt's xcb platform plugin needs these; found on the build machine they are bundled, so a patient
# needs none of the README's apt-get line (libEGL and libGL stay the system's: they are the driver).
XCB_LIBRARIES = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-shape.so.0",
                 "libxcb-xkb.so.1", "libxkbcommon-x11.so.0", "libxcb-render-util.so.0", "libxcb-image.so.0")
XCB_PACKAGES = ("libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 "
                "libxcb-render-util0 libxcb-image0 fonts-dejavu-core")

# Never imported by the program (checked by running it): left out of the bundle. The network ones
# also make the bundle's own promise visible: it carries no network or TLS code of Qt's or Python's.
EXCLUDED_MODULES = ["tkinter", "_tkinter", "PySide6.QtNetwork", "ssl", "_ssl", "matplotlib", "pytest", "IPython",
                    "PIL", "OpenGL", "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter"]
# PyInstaller's run-time hooks left out: they run at every start (together about 90 ms of the
# --version and estimate commands, measured) for things this program does not do.
DROPPED_RUNTIME_HOOKS = {
    "pyi_rth_pyside6": "imports QtCore at start; replaced by packaging/pyi_rth_qt.py, which says why",
    "pyi_rth_multiprocessing": ("for child processes started with multiprocessing; the program starts none "
                                "(the start's helper, model/ahead.py, is a plain os.fork)"),
    "pyi_rth_pyqtgraph_multiprocess": "for pyqtgraph.multiprocess, which the program does not use",
    "pyi_rth_inspect": "inspect.getsource* on frozen modules; only pyqtgraph.multiprocess calls them",
    "pyi_rth_pkgutil": "pkgutil.iter_modules on frozen packages; nothing in the program calls it",
}
# Bundle paths (as PyInstaller names them, "/" separated) left out.
DROPPED_PREFIXES = (
    "PySide6/Qt/translations/",  # Qt's own translations: the program installs no Qt translator
    "PySide6/Qt/plugins/tls/",
    "PySide6/Qt/plugins/networkinformation/",
    "PySide6/Qt/plugins/generic/",  # evdev and tuio input for embedded devices
    "PySide6/Qt/plugins/egldeviceintegrations/",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    # Would load the system's GTK 3 against the bundle's own GLib and Pango; Qt's own dialogs instead.
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
)
# Must be the system's: a bundled older fontconfig misreads a newer system's configuration, and
# FreeType has to match the fontconfig that loads it (the AppImage exclude list does the same).
SYSTEM_LIBRARIES = ("libfontconfig.so.1", "libfreetype.so.6")
# What the bundle must not contain (see EXCLUDED_MODULES); checked after every build.
FORBIDDEN_IN_BUNDLE = ("QtNetwork.abi3.so", "libQt6Network.so.6", "_ssl.cpython", "libqopensslbackend.so",
                       "libqnetworkmanager.so", "libfontconfig.so.1")


class BuildError(Exception):
    """The build or the check cannot go on: one message for the person who ran it."""


# ---------------------------------------------------------------------------------------------
# Lists used by packaging/decision-aid.spec (tested without a build)
# ---------------------------------------------------------------------------------------------

def project_version(root: Path = ROOT) -> str:
    """The program's version from decision_aid/__init__.py, read without importing the package."""
    text = (root / "decision_aid" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise BuildError("decision_aid/__init__.py has no __version__ = '...' line")
    return match.group(1)


def source_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for the data taken from the source tree: the evidence files with
    their manifest, resources/about.json (the disclosure that ``estimate --json`` prints), and
    everything under decision_aid/locale/ (a gettext catalogue), if present."""
    evidence = sorted((root / "resources" / "evidence").glob("*.json"))
    if not any(p.name == "manifest.json" for p in evidence):
        raise BuildError(f"no evidence manifest in {root / 'resources' / 'evidence'}")
    about = root / "resources" / ABOUT_FILE
    if not about.is_file():
        raise BuildError(f"no {ABOUT_FILE} in {root / 'resources'}")
    entries = [(str(p), EVIDENCE_DEST) for p in evidence] + [(str(about), RESOURCES_DEST)]
    locale = root / "decision_aid" / "locale"
    if locale.is_dir():
        for path in sorted(locale.rglob("*")):
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
                folder = path.parent.relative_to(locale).as_posix()
                entries.append((str(path), LOCALE_DEST if folder == "." else f"{LOCALE_DEST}/{folder}"))
    return entries


def font_datas(root: Path = ROOT, font_dirs=FONT_DIRS, licences=FONT_LICENCES) -> list[tuple[str, str]]:
    """The font configuration and DejaVu Sans (with its licence) for the Linux bundle."""
    for folder in map(Path, font_dirs):
        if all((folder / name).is_file() for name in FONT_FILES):
            break
    else:
        raise BuildError("DejaVu Sans not found (the sheet is laid out with it); on Debian or Ubuntu: "
                         "apt-get install fonts-dejavu-core")
    licence = next((Path(p) for p in licences if Path(p).is_file()), None)
    if licence is None:
        raise BuildError("the DejaVu fonts' licence file was not found (it must ship with the fonts): "
                         + ", ".join(licences))
    entries = [(str(root / "packaging" / "fontconfig" / "fonts.conf"), "fontconfig")]
    entries += [(str(folder / name), "fontconfig/fonts") for name in FONT_FILES]
    # Not *.ttf or *.conf, so fontconfig does not try to read it as a font.
    entries.append((str(licence), "fontconfig/fonts/LICENCE-DejaVu"))
    return entries


def is_dropped(dest: str) -> bool:
    """True for a bundle path that is left out (DROPPED_PREFIXES, SYSTEM_LIBRARIES)."""
    dest = dest.replace("\\", "/")
    return dest.startswith(DROPPED_PREFIXES) or os.path.basename(dest) in SYSTEM_LIBRARIES


def is_library_dependency(dest: str) -> bool:
    """A shared library that is in the bundle only because something else needs it (as opposed to a
    Python extension module or a Qt plugin, which are loaded by name)."""
    dest = dest.replace("\\", "/")
    name = os.path.basename(dest)
    if "/plugins/" in dest or ".cpython-" in name or name.endswith(".abi3.so"):
        return False
    return bool(re.match(r"lib.+\.so(\.\d+)*$", name)) and (
        "/" not in dest or dest.startswith(("PySide6/Qt/lib/", "numpy.libs/", "PySide6/", "shiboken6/")))


def without_dangling_links(binaries: list, datas: list) -> tuple[list, list]:
    """Both lists without the SYMLINK entries whose target is no longer collected."""
    collected = {dest.replace("\\", "/") for dest, _src, kind in binaries + datas if kind != "SYMLINK"}

    def kept(entry) -> bool:
        dest, src, kind = entry
        if kind != "SYMLINK":
            return True
        target = os.path.normpath(os.path.join(os.path.dirname(dest), src)).replace("\\", "/")
        return target in collected

    return [e for e in binaries if kept(e)], [e for e in datas if kept(e)]


def is_python_library(dest: str) -> bool:
    """libpython: loaded by PyInstaller's starter with dlopen, so no binary names it."""
    return os.path.basename(dest).startswith("libpython")


# ---------------------------------------------------------------------------------------------
# Checks of a built bundle (pure functions, tested on small made-up files)
# ---------------------------------------------------------------------------------------------

def find_text(folder: Path, needles: list[str]) -> list[tuple[str, str]]:
    """(file, needle) for every file under ``folder`` whose bytes contain a needle, looking also
    inside zip archives (PyInstaller's base_library.zip). PyInstaller's own compressed archives are
    searched by ``scan_pyinstaller_archives`` with PyInstaller's reader."""
    encoded = [(n, n.encode()) for n in needles if n]
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
        data = path.read_bytes()
        rel = path.relative_to(folder).as_posix()
        found += [(rel, n) for n, b in encoded if b in data]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    content = archive.read(member)
                    found += [(f"{rel}!{member}", n) for n, b in encoded if b in content]
    return found


def machine_paths(root: Path, env_dir: Path) -> list[str]:
    """Paths of the build machine that must not appear in the bundle: the source folder, the build
    environment and the home folder (where a pyenv or home-made Python would have its own)."""
    needles = {str(root), str(env_dir.resolve()), str(env_dir)}
    home = str(Path.home())
    if home not in ("/", ""):
        needles.add(home.rstrip("/\\") + ("/" if "/" in home else "\\"))
    return sorted(n for n in needles if len(n) > 3)


def pdf_facts(data: bytes) -> dict:
    """What the smoke test needs to know of a PDF without a PDF library."""
    return {
        "is_pdf": data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:],
        "pages": len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)),
        "embedded_fonts": len(re.findall(rb"/FontFile[23]?\b", data)),
        "font_names": sorted({m.decode("latin-1") for m in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", data)}),
    }


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG, or None if the bytes are not one."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def tamper_one_byte(path: Path) -> None:
    """Change one digit of an evidence file in place (still valid JSON, a different checksum)."""
    data = bytearray(path.read_bytes())
    match = re.search(rb"\d", data)
    if match is None:
        raise BuildError(f"{path.name} has no digit to change")
    index = match.start()
    data[index] = ord("1") if data[index] != ord("1") else ord("2")
    path.write_bytes(bytes(data))


def minimal_env(home: Path) -> dict[str, str]:
    """The environment of the smoke test: what `env -i` leaves, plus a scratch HOME and offscreen Qt."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}


def first_difference(a: object, b: object, where: str = "") -> str | None:
    """The first place where two JSON values differ, as a readable path, or None."""
    if type(a) is not type(b):
        return f"{where or '(top)'}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{where}.{key}: only in one"
            diff = first_difference(a[key], b[key], f"{where}.{key}")
            if diff:
                return diff
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            diff = first_difference(x, y, f"{where}[{i}]")
            if diff:
                return diff
        return None
    return None if a == b and repr(a) == repr(b) else f"{where}: {a!r} != {b!r}"


# ---------------------------------------------------------------------------------------------
# The build
# ---------------------------------------------------------------------------------------------

def target_name(version: str) -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{APP_NAME}-{version}-{system}-{machine}"


def env_python(env_dir: Path) -> Path:
    return env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def env_command(env_dir: Path) -> Path:
    return env_dir / ("Scripts/decision-aid.exe" if os.name == "nt" else f"bin/{APP_NAME}")


def choose_python(requested: str | None) -> Path:
    """The interpreter to build with. Its own install path is compiled into libpython and the
    extension modules, which go into the bundle: on Linux an interpreter under the home folder
    (pyenv, a home-made build) is replaced by the system's, when there is one."""
    if requested:
        return Path(requested)
    current = Path(getattr(sys, "_base_executable", sys.executable))
    base_prefix = Path(sys.base_prefix).resolve()
    home = Path.home().resolve()
    under_home = home != Path("/") and (home in base_prefix.parents or ROOT in base_prefix.parents)
    system = Path("/usr/bin/python3")
    if sys.platform.startswith("linux") and under_home and system.exists():
        print(f"Building with {system}: this Python ({base_prefix}) is under your home folder and its own "
              "paths would end up in the bundle (--python PATH to choose another).", flush=True)
        return system
    return current


def run(command: list, **kwargs) -> subprocess.CompletedProcess:
    print("$ " + " ".join(map(str, command)), flush=True)
    done = subprocess.run([str(c) for c in command], **kwargs)
    if done.returncode != 0:
        raise BuildError(f"command failed with status {done.returncode}: {' '.join(map(str, command))}")
    return done


def prepare_env(env_dir: Path, python: Path) -> None:
    """The build environment: the freezer and the program, installed (not editable) from ROOT."""
    marker = env_dir / "built-with.txt"
    if env_dir.exists() and (not marker.exists() or marker.read_text().strip() != str(python)):
        shutil.rmtree(env_dir)
    if not env_dir.exists():
        run([python, "-m", "venv", env_dir])
        marker.write_text(f"{python}\n")
    pip = [env_python(env_dir), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    run(pip + ["install", "-r", ROOT / "packaging" / "requirements-bundle.txt", ROOT])
    # The program itself again, so that today's source is frozen even when the version is unchanged.
    run(pip + ["install", "--no-deps", "--force-reinstall", ROOT])


def check_build_machine() -> None:
    if not sys.platform.startswith("linux"):
        return
    font_datas()  # raises with the apt-get line
    missing = [lib for lib in XCB_LIBRARIES if not _system_library_exists(lib)]
    if missing:
        raise BuildError(f"missing on this machine, so they could not go into the bundle: {', '.join(missing)}; "
                         f"on Debian or Ubuntu: apt-get install {XCB_PACKAGES}")


def _system_library_exists(name: str) -> bool:
    done = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True)
    return f"{name} " in done.stdout


def freeze(env_dir: Path, work: Path) -> Path:
    run([env_python(env_dir), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", work / "dist", "--workpath", work / "work", ROOT / "packaging" / "decision-aid.spec"],
        cwd=ROOT)
    return work / "dist" / APP_NAME


LAUNCHER = ROOT / "packaging" / "start-decision-aid"
# The bundle's files Qt loads to draw (sheet, --screenshot, the window) and to open the window
# (the X11 platform plugin): the system libraries they need and the bundle does not carry are
# what the launcher checks before starting Python.
QT_FILES = ("PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6",
            "PySide6/Qt/lib/libQt6PrintSupport.so.6", "PySide6/Qt/lib/libQt6Svg.so.6",
            "PySide6/Qt/lib/libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",
            "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/QtGui.abi3.so", "PySide6/QtWidgets.abi3.so",
            "PySide6/QtPrintSupport.abi3.so", "PySide6/QtSvg.abi3.so")
WINDOW_FILES = ("PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/lib/libQt6XcbQpa.so.6")
# The C library's own parts: every Linux has them, and the bundle's starter needs them before Qt.
C_LIBRARY = ("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
             "libresolv.so.2", "libanl.so.1", "libmvec.so.1", "linux-vdso.so.1")
LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)", re.MULTILINE)


def system_libraries(internal: Path, files: tuple[str, ...]) -> list[str]:
    """The libraries ``files`` (paths under the bundle's ``internal`` folder) need that the bundle
    does not carry, as the dynamic loader finds them with the bundle first (as its starter sets
    LD_LIBRARY_PATH). Raises if one is missing on this machine too."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    found: set[str] = set()
    for name in files:
        done = subprocess.run(["ldd", str(internal / name)], capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise BuildError(f"ldd {name}: {done.stderr.strip() or done.stdout.strip()}")
        for soname, where in LDD_LINE.findall(done.stdout):
            if where == "not found":
                raise BuildError(f"{name} needs {soname}, which this machine lacks too")
            if not Path(where).resolve().is_relative_to(internal.resolve()) and soname not in C_LIBRARY:
                found.add(soname)
    return sorted(found)


def launcher_text(for_qt: list[str], for_window: list[str], launcher: Path = LAUNCHER) -> str:
    """The start script with the libraries to check (see packaging/start-decision-aid)."""
    text = launcher.read_text(encoding="utf-8")
    lists = (f'# @LISTS@ (written by tools/build_bundle.py)\nNEEDED_FOR_QT="{" ".join(for_qt)}"\n'
             f'NEEDED_FOR_WINDOW="{" ".join(for_window)}"\n# @END@')
    new, count = re.subn(r"# @LISTS@.*?# @END@", lambda _m: lists, text, flags=re.DOTALL)
    if count != 1:
        raise BuildError(f"{launcher.name} has no '# @LISTS@ ... # @END@' block")
    return new


def assemble_linux(frozen: Path, target: Path) -> None:
    """The folder a patient unpacks: the start script, the menu script, the program in app/."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copytree(frozen, target / "app", symlinks=True)
    packaging = ROOT / "packaging"
    icons = target / "app" / "icons"
    icons.mkdir()
    for name in ("decision-aid.svg", "decision-aid-48.png", "decision-aid-256.png"):
        shutil.copy2(packaging / "icons" / name, icons / name)
    shutil.copy2(packaging / "decision-aid.desktop", target / "app" / "decision-aid.desktop")
    internal = target / "app" / "_internal"
    for_qt = system_libraries(internal, QT_FILES)
    for_window = [name for name in system_libraries(internal, WINDOW_FILES) if name not in for_qt]
    (target / "start-decision-aid").write_text(launcher_text(for_qt, for_window))
    shutil.copy2(packaging / "add-to-menu", target / "add-to-menu")
    shutil.copy2(packaging / "README-linux.txt", target / "README.txt")
    for script in ("start-decision-aid", "add-to-menu"):
        (target / script).chmod(0o755)


def make_archive(folder: Path) -> Path:
    """folder.tar.gz (Linux) or folder.zip, with the files in a fixed order and no owner names."""
    if not sys.platform.startswith("linux"):
        return Path(shutil.make_archive(str(folder), "zip", folder.parent, folder.name))
    archive = folder.parent / f"{folder.name}.tar.gz"

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(folder, arcname=folder.name, filter=clean)
    return archive


def inspect_bundle(target: Path, env_dir: Path) -> None:
    """Checks that need no run: evidence and locale inside, no machine path, nothing forbidden."""
    internal = next(target.rglob("_internal"), None)
    if internal is None:
        raise BuildError(f"no _internal folder in {target}")
    problems = []
    for source, dest in source_datas(ROOT):
        inside = internal / dest / Path(source).name
        if not inside.is_file() or inside.read_bytes() != Path(source).read_bytes():
            problems.append(f"{dest}/{Path(source).name} is missing or differs from the source tree")
    names = {p.name for p in internal.rglob("*")}
    problems += [f"{name} is in the bundle" for name in FORBIDDEN_IN_BUNDLE if any(n.startswith(name) for n in names)]
    needles = machine_paths(ROOT, env_dir)
    problems += [f"{file} contains {needle!r}" for file, needle in find_text(target, needles)]
    problems += scan_pyinstaller_archives(target, env_dir, needles)
    if problems:
        raise BuildError("the bundle is not right:\n  " + "\n  ".join(problems))
    print(f"Inspected: evidence, about.json and locale files as in the source, nothing of {', '.join(needles)}, "
          "no network or TLS module.", flush=True)


_ARCHIVE_SCAN = r"""
import json, sys, zlib
from pathlib import Path
from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader
folder, needles = Path(sys.argv[1]), [n.encode() for n in json.loads(sys.argv[2])]
found, entries = [], []
for exe in [p for p in folder.rglob("*") if p.is_file() and p.name.startswith("decision-aid") and p.suffix in ("", ".exe")]:
    try:
        package = CArchiveReader(str(exe))
    except Exception:
        continue
    for name in package.toc:
        entries.append(name)
        data = package.extract(name)
        found += [(f"{exe.name}!{name}", n.decode()) for n in needles if data and n in data]
for pyz in folder.rglob("*.pyz"):
    archive = ZlibArchiveReader(str(pyz))
    for name in archive.toc:
        code = archive.extract(name, raw=True)
        found += [(f"{pyz.name}!{name}", n.decode()) for n in needles if code and n in code]
print(json.dumps({"found": found, "entries": entries}))
"""


def scan_pyinstaller_archives(target: Path, env_dir: Path, needles: list[str]) -> list[str]:
    """Search the compressed code archives (the starter's own archive and any PYZ) for ``needles``,
    and check that the run-time hooks left out are not in the starter's archive."""
    done = subprocess.run([str(env_python(env_dir)), "-c", _ARCHIVE_SCAN, str(target), json.dumps(needles)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError(f"could not read the bundle's archives: {done.stderr.strip()[-400:]}")
    result = json.loads(done.stdout)
    problems = [f"{where} contains {needle!r}" for where, needle in result["found"]]
    problems += [f"run-time hook {name} is in the bundle" for name in DROPPED_RUNTIME_HOOKS if name in result["entries"]]
    if "pyi_rth_qt" not in result["entries"]:
        problems.append("run-time hook pyi_rth_qt is missing")
    return problems


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(args) -> tuple[Path, Path]:
    version = project_version()
    python = choose_python(args.python)
    env_dir = Path(args.env).resolve()
    dist = Path(args.dist).resolve()
    check_build_machine()
    started = time.monotonic()
    prepare_env(env_dir, python)
    frozen_at = time.monotonic()
    frozen = freeze(env_dir, ROOT / "build" / "pyinstaller")
    froze = time.monotonic() - frozen_at
    target = dist / target_name(version)
    if sys.platform.startswith("linux"):
        assemble_linux(frozen, target)
    else:
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(frozen.parent, target, symlinks=True)
    archive = make_archive(target)
    total = time.monotonic() - started
    inspect_bundle(target, env_dir)
    record = {"version": version, "bundle": str(target), "archive": str(archive), "freeze_seconds": round(froze, 1),
              "build_seconds": round(total, 1), "bundle_bytes": folder_size(target),
              "archive_bytes": archive.stat().st_size}
    (dist / "bundle-build.json").write_text(json.dumps(record, indent=2) + "\n")
    print(f"Built {target} ({record['bundle_bytes'] / 1e6:.0f} MB) and {archive.name} "
          f"({record['archive_bytes'] / 1e6:.0f} MB) in {total:.0f} s (PyInstaller {froze:.0f} s).", flush=True)
    return target, archive


# ---------------------------------------------------------------------------------------------
# The smoke test of a built bundle (Linux)
# ---------------------------------------------------------------------------------------------

def smoke_test(archive: Path, env_dir: Path) -> None:
    """Unpack the archive away from the source tree and use it as a patient's machine would: no
    Python of ours, no PYTHONPATH, a minimal environment, a scratch home folder."""
    if not sys.platform.startswith("linux"):
        raise BuildError("the smoke test is written for the Linux bundle (see docs/PACKAGING.md)")
    version = project_version()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="decision-aid-smoke-") as scratch:
        scratch = Path(scratch)
        with tarfile.open(archive) as tar:
            if hasattr(tarfile, "tar_filter"):  # Python 3.11.4 and newer
                tar.extractall(scratch / "unpacked", filter="tar")
            else:
                tar.extractall(scratch / "unpacked")
        folder = next((scratch / "unpacked").iterdir())
        start = folder / "start-decision-aid"
        home = scratch / "home"
        home.mkdir()
        env = minimal_env(home)

        def bundle(*args: str, program: Path = start) -> subprocess.CompletedProcess:
            return subprocess.run([str(program), *args], capture_output=True, env=env, cwd=scratch, timeout=180)

        def check(name: str, ok: bool, detail: str = "") -> None:
            print(f"  {'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
            if not ok:
                failures.append(name)

        print(f"Smoke test of {archive.name}, unpacked in {scratch}, environment {env}", flush=True)
        done = bundle("--version")
        check("--version", done.returncode == 0 and done.stdout.decode() == f"{APP_NAME} {version}\n",
              done.stdout.decode().strip() or done.stderr.decode()[-300:])

        done = bundle("estimate", *PROFILE, "--json")
        reference = subprocess.run([str(env_command(env_dir)), "estimate", *PROFILE, "--json"], capture_output=True,
                                   env=env, cwd=scratch, timeout=180)
        same = done.returncode == 0 and reference.returncode == 0 and done.stdout == reference.stdout
        detail = f"{len(done.stdout)} bytes, identical to the installed package's"
        if not same:
            try:
                detail = first_difference(json.loads(done.stdout), json.loads(reference.stdout)) or "bytes differ"
            except ValueError:
                detail = (done.stderr or reference.stderr).decode()[-300:]
        check("estimate --json equals the installed package's, byte for byte", same, detail)

        pdf = scratch / "sheet.pdf"
        done = bundle("sheet", "-o", str(pdf), *PROFILE)
        facts = pdf_facts(pdf.read_bytes()) if pdf.exists() else {}
        check("sheet -o writes a PDF with embedded DejaVu Sans",
              done.returncode == 0 and facts.get("is_pdf") and facts.get("pages", 0) >= 1
              and facts.get("embedded_fonts", 0) >= 1 and any("DejaVuSans" in f for f in facts.get("font_names", [])),
              f"{facts}" if facts else done.stderr.decode()[-300:])

        png = scratch / "window.png"
        done = bundle("--screenshot", str(png), *PROFILE)
        size = png_size(png.read_bytes()) if png.exists() else None
        check("--screenshot writes a 1280x800 PNG", done.returncode == 0 and size == (1280, 800),
              f"{size}" if size else done.stderr.decode()[-300:])

        fake = scratch / "no-libraries"  # a loader cache that lists nothing: a machine without them
        fake.mkdir()
        (fake / "ldconfig").write_text("#!/bin/sh\necho '0 libs found in cache'\n")
        (fake / "ldconfig").chmod(0o755)
        done = subprocess.run([str(start), *PROFILE], capture_output=True, cwd=scratch, timeout=60,
                              env={**env, "PATH": f"{fake}:{env['PATH']}", "LD_LIBRARY_PATH": ""})
        message = done.stderr.decode()
        check("without Qt's system libraries the start script names them and exits with status 1",
              done.returncode == 1 and not done.stdout and "libGL.so.1" in message
              and "sudo apt-get install" in message and "Traceback" not in message,
              " ".join(line.strip() for line in message.splitlines() if line.strip().startswith("- "))[:300])

        changed = scratch / "changed"
        shutil.copytree(folder, changed, symlinks=True)
        evidence = next(changed.rglob("muraro2017.json"))
        tamper_one_byte(evidence)
        done = bundle("estimate", *PROFILE, "--json", program=changed / "start-decision-aid")
        message = done.stderr.decode().strip()
        check("a changed evidence file in the bundle blocks estimates (exit 2)",
              done.returncode == 2 and not done.stdout and "Evidence file muraro2017.json" in message
              and "checksum mismatch" in message, message[-300:])

    if failures:
        raise BuildError(f"smoke test failed: {', '.join(failures)}")
    print("Smoke test passed.", flush=True)


def cold_start(archive_folder: Path, env_dir: Path, rounds: int) -> dict:
    """Whole-process wall time and CPU time (user + system, less disturbed by other work on the
    machine), bundle and installed package alternated, in the smoke test's minimal environment;
    the first round warms the file cache and is not counted. ``--screenshot`` stands for the
    window's start: it imports Qt, builds the window for the profile and paints it (offscreen)."""
    start = archive_folder / "start-decision-aid"
    installed = env_command(env_dir)
    times: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="decision-aid-timing-") as home:
        env = minimal_env(Path(home))
        cases = {"--version": ["--version"], "estimate --json": ["estimate", *PROFILE, "--json"],
                 "--screenshot": ["--screenshot", str(Path(home) / "window.png"), *PROFILE]}
        for round_number in range(rounds + 1):
            for case, args in cases.items():
                for who, program in (("bundle", start), ("installed", installed)):
                    cpu_before = _children_cpu()
                    began = time.perf_counter()
                    subprocess.run([str(program), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=env, check=True, cwd=home)
                    wall = (time.perf_counter() - began) * 1000
                    if round_number:
                        times.setdefault(f"{case} ({who})", []).append((wall, (_children_cpu() - cpu_before) * 1000))
    return {key: {"median_ms": round(statistics.median(w for w, _ in v), 1), "min_ms": round(min(w for w, _ in v), 1),
                  "max_ms": round(max(w for w, _ in v), 1), "cpu_median_ms": round(statistics.median(c for _, c in v), 1),
                  "runs": len(v)} for key, v in times.items()}


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---------------------------------------------------------------------------------------------

def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="after building, run the smoke test of the bundle (Linux)")
    parser.add_argument("--no-build", action="store_true", help="use the last build (with --check or --timing)")
    parser.add_argument("--timing", type=int, metavar="ROUNDS", default=0,
                        help="time the cold start of the bundle and of the installed package, ROUNDS each")
    parser.add_argument("--python", metavar="PATH",
                        help="the Python to build with (default: this one; on Linux the system's if this one "
                        "lives in your home folder)")
    parser.add_argument("--env", default=str(ROOT / "build" / "bundle-env"), metavar="DIR",
                        help="the build environment (default build/bundle-env; made if missing)")
    parser.add_argument("--dist", default=str(ROOT / "dist"), metavar="DIR", help="where the result goes (default dist)")
    parser.add_argument("--codesign-identity", metavar="ID",
                        help="macOS only: sign the app with this Developer ID (untested here)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.codesign_identity:
        os.environ["DECISION_AID_CODESIGN_IDENTITY"] = args.codesign_identity
    try:
        if args.no_build:
            record_path = Path(args.dist) / "bundle-build.json"
            if not record_path.exists():
                raise BuildError(f"no build to use ({record_path} is missing): run without --no-build first")
            record = json.loads(record_path.read_text())
            target, archive = Path(record["bundle"]), Path(record["archive"])
        else:
            target, archive = build(args)
        env_dir = Path(args.env).resolve()
        if args.check:
            smoke_test(archive, env_dir)
        if args.timing:
            result = cold_start(target, env_dir, args.timing)
            for key, value in result.items():
                print(f"  {key:30} median {value['median_ms']:7.1f} ms  (min {value['min_ms']:.1f}, "
                      f"max {value['max_ms']:.1f}; CPU {value['cpu_median_ms']:.1f} ms; {value['runs']} runs)")
            load = os.getloadavg() if hasattr(os, "getloadavg") else None
            (Path(args.dist) / "bundle-timing.json").write_text(json.dumps({"load_average": load, "times": result},
                                                                            indent=2) + "\n")
    except BuildError as exc:
        print(f"build_bundle: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
