"""tools/build_bundle.py without a build: what goes into the bundle, what is left out, and the
checks the smoke test relies on, on small made-up files. (The build itself and its smoke test:
`python tools/build_bundle.py --check`, or BUILD_BUNDLE=1 in .ci/run.)"""

import configparser
import importlib.util
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_tool():
    spec = importlib.util.spec_from_file_location("build_bundle", ROOT / "tools" / "build_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bb = load_tool()


def test_the_tool_imports_neither_qt_nor_the_freezer():
    code = (f"import importlib.util, sys; s = importlib.util.spec_from_file_location('b', {str(ROOT / 'tools' / 'build_bundle.py')!r}); "
            "m = importlib.util.module_from_spec(s); s.loader.exec_module(m); "
            "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'PyInstaller', 'numpy', 'decision_aid')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_version_is_read_without_importing_the_package():
    from decision_aid import __version__

    assert bb.project_version(ROOT) == __version__


def test_evidence_and_manifest_go_into_the_package_folder_the_loader_reads():
    entries = bb.source_datas(ROOT)
    names = {Path(src).name for src, dest in entries if dest == "decision_aid/resources/evidence"}
    assert names == {p.name for p in (ROOT / "resources" / "evidence").glob("*.json")}
    assert "manifest.json" in names


def test_about_json_goes_where_the_disclosure_is_read():
    assert (str(ROOT / "resources" / "about.json"), "decision_aid/resources") in bb.source_datas(ROOT)


def fake_tree(tmp_path):
    (tmp_path / "resources" / "evidence").mkdir(parents=True)
    (tmp_path / "resources" / "about.json").write_text("{}")
    (tmp_path / "resources" / "evidence" / "manifest.json").write_text("{}")
    (tmp_path / "resources" / "evidence" / "study.json").write_text("{}")
    (tmp_path / "decision_aid").mkdir()
    return tmp_path


def test_a_gettext_catalogue_under_decision_aid_locale_is_picked_up(tmp_path):
    root = fake_tree(tmp_path)
    assert not any(dest.startswith("decision_aid/locale") for _, dest in bb.source_datas(root))
    messages = root / "decision_aid" / "locale" / "de" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "decision_aid.mo").write_bytes(b"\xde\x12\x04\x95")
    (messages / "decision_aid.po").write_text('msgid ""\n')
    (root / "decision_aid" / "locale" / "__init__.py").write_text("")
    (root / "decision_aid" / "locale" / "README").write_text("catalogues")
    entries = {(Path(src).name, dest) for src, dest in bb.source_datas(root)}
    assert ("decision_aid.mo", "decision_aid/locale/de/LC_MESSAGES") in entries
    assert ("decision_aid.po", "decision_aid/locale/de/LC_MESSAGES") in entries
    assert ("README", "decision_aid/locale") in entries
    assert not any(name == "__init__.py" for name, _ in entries)  # code is frozen as code


def test_no_manifest_no_build(tmp_path):
    root = fake_tree(tmp_path)
    (root / "resources" / "evidence" / "manifest.json").unlink()
    with pytest.raises(bb.BuildError, match="manifest"):
        bb.source_datas(root)


def test_no_about_json_no_build(tmp_path):
    root = fake_tree(tmp_path)
    (root / "resources" / "about.json").unlink()
    with pytest.raises(bb.BuildError, match="about.json"):
        bb.source_datas(root)


def test_fonts_come_with_their_licence_and_the_font_configuration(tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in bb.FONT_FILES:
        (fonts / name).write_bytes(b"font")
    with pytest.raises(bb.BuildError, match="licence"):
        bb.font_datas(ROOT, font_dirs=[str(fonts)], licences=[str(tmp_path / "missing")])
    licence = tmp_path / "copyright"
    licence.write_text("Bitstream Vera")
    entries = bb.font_datas(ROOT, font_dirs=[str(tmp_path / "nowhere"), str(fonts)], licences=[str(licence)])
    assert (str(PACKAGING / "fontconfig" / "fonts.conf"), "fontconfig") in entries
    assert {Path(src).name for src, dest in entries if dest == "fontconfig/fonts"} == set(bb.FONT_FILES)
    assert (str(licence), "fontconfig/fonts/LICENCE-DejaVu") in entries
    (fonts / bb.FONT_FILES[1]).unlink()
    with pytest.raises(bb.BuildError, match="fonts-dejavu-core"):
        bb.font_datas(ROOT, font_dirs=[str(fonts)], licences=[str(licence)])


def test_font_configuration_keeps_the_system_one_and_adds_the_bundled_folder():
    root = ET.parse(PACKAGING / "fontconfig" / "fonts.conf").getroot()
    assert root.find("include").text == "/etc/fonts/fonts.conf"
    assert root.find("include").get("ignore_missing") == "yes"
    directory = root.find("dir")
    assert directory.text == "fonts" and directory.get("prefix") == "relative"
    assert root.find("match/edit/string").text == "DejaVu Sans"


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "libfontconfig.so.1",
    "libfreetype.so.6",
])
def test_left_out(dest):
    assert bb.is_dropped(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/lib/libQt6PrintSupport.so.6",
    "decision_aid/resources/evidence/manifest.json",
    "libxcb-cursor.so.0",
])
def test_kept(dest):
    assert not bb.is_dropped(dest)


def test_network_modules_are_excluded():
    assert {"PySide6.QtNetwork", "ssl", "_ssl"} <= set(bb.EXCLUDED_MODULES)


@pytest.mark.parametrize("dest, dependency", [
    ("libxcb-cursor.so.0", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", True),
    ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", True),
    ("PySide6/QtCore.abi3.so", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("python3.11/lib-dynload/_ctypes.cpython-311-x86_64-linux-gnu.so", False),
    ("numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", False),
])
def test_library_dependency_or_loaded_by_name(dest, dependency):
    assert bb.is_library_dependency(dest) is dependency


def test_links_to_libraries_left_out_are_removed_too():
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY")]
    datas = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
             ("decision_aid/resources/evidence/manifest.json", "/x/manifest.json", "DATA")]
    kept_binaries, kept_datas = bb.without_dangling_links(binaries, datas)
    assert kept_binaries == binaries
    assert [d[0] for d in kept_datas] == ["libQt6Core.so.6", "decision_aid/resources/evidence/manifest.json"]


def test_machine_paths_are_found_in_files_and_inside_zip_archives(tmp_path):
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "clean.so").write_bytes(b"\x7fELF /home/qt/work/qtbase nothing of ours")
    (bundle / "_internal" / "leaky.txt").write_bytes(b"built in /work/wt-bundle/build/x")
    with zipfile.ZipFile(bundle / "_internal" / "base_library.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mod.pyc", b"co_filename /root/.pyenv/versions/3.11.7/lib/mod.py")
    found = bb.find_text(bundle, ["/work/wt-bundle", "/root/"])
    assert found == [("_internal/base_library.zip!mod.pyc", "/root/"), ("_internal/leaky.txt", "/work/wt-bundle")]


def test_machine_paths_name_the_source_the_environment_and_home(tmp_path):
    needles = bb.machine_paths(ROOT, tmp_path / "env")
    assert str(ROOT) in needles and str((tmp_path / "env").resolve()) in needles
    assert any(n.startswith(str(Path.home())) for n in needles)


def test_pdf_and_png_checks():
    pdf = (b"%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R] >> endobj\n2 0 obj << /Type /Page >> endobj\n"
           b"3 0 obj << /Type /Font /BaseFont /AAAAAA+DejaVuSans-Bold /FontDescriptor 4 0 R >> endobj\n"
           b"4 0 obj << /FontFile2 5 0 R >> endobj\ntrailer\n%%EOF\n")
    facts = bb.pdf_facts(pdf)
    assert facts == {"is_pdf": True, "pages": 1, "embedded_fonts": 1, "font_names": ["AAAAAA+DejaVuSans-Bold"]}
    assert not bb.pdf_facts(b"<html>")["is_pdf"]
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + (1280).to_bytes(4, "big") + (800).to_bytes(4, "big")
    assert bb.png_size(png) == (1280, 800)
    assert bb.png_size(b"GIF89a") is None


def test_one_changed_byte_in_an_evidence_file_is_refused_by_the_loader(tmp_path):
    from decision_aid.evidence import EvidenceError, load_evidence

    copy = tmp_path / "evidence"
    copy.mkdir()
    for path in (ROOT / "resources" / "evidence").glob("*.json"):
        (copy / path.name).write_bytes(path.read_bytes())
    before = (copy / "muraro2017.json").read_bytes()
    bb.tamper_one_byte(copy / "muraro2017.json")
    after = (copy / "muraro2017.json").read_bytes()
    assert len(before) == len(after) and sum(a != b for a, b in zip(before, after)) == 1
    json.loads(after)  # still valid JSON: only the checksum can catch it
    with pytest.raises(EvidenceError, match="muraro2017.json.*checksum mismatch"):
        load_evidence(copy)


def test_first_difference_names_the_field():
    assert bb.first_difference({"a": [1, {"b": 0.5}]}, {"a": [1, {"b": 0.5}]}) is None
    assert bb.first_difference({"a": [1, {"b": 0.5}]}, {"a": [1, {"b": 0.50000001}]}) == ".a[1].b: 0.5 != 0.50000001"
    assert bb.first_difference({"a": 1}, {"a": 1.0}) == ".a: 1 != 1.0"


def test_the_smoke_environment_is_minimal(tmp_path):
    assert bb.minimal_env(tmp_path) == {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}


# -- the launcher (packaging/start-decision-aid), run with sh on a made-up bundle and library path --

QT_NEEDS, WINDOW_NEEDS = ["libGL.so.1", "libEGL.so.1", "libfontconfig.so.1"], ["libxcb-cursor.so.0"]


def fake_bundle(tmp_path: Path, installed: list[str], tools: dict[str, str] | None = None) -> tuple[Path, dict]:
    """A bundle whose program only says it started, and a machine whose loader cache (a made-up
    ``ldconfig -p``) lists ``installed``; ``tools`` are more made-up commands (zenity, ...)."""
    folder = tmp_path / "bundle"
    (folder / "app").mkdir(parents=True)
    launcher = folder / "start-decision-aid"
    launcher.write_text(bb.launcher_text(QT_NEEDS, WINDOW_NEEDS))
    launcher.chmod(0o755)
    program = folder / "app" / "decision-aid"
    program.write_text('#!/bin/sh\necho "started $*"\n')
    program.chmod(0o755)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    cache = "".join(f"\t{name} (libc6,x86-64,AArch64) => /usr/lib/{name}\n" for name in installed)
    commands = {"ldconfig": f"#!/bin/sh\nprintf '%d libs found in cache\\n{cache}' {len(installed)}\n", **(tools or {})}
    for name, body in commands.items():
        (bin_dir / name).write_text(body)
        (bin_dir / name).chmod(0o755)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path), "LD_LIBRARY_PATH": str(tmp_path / "lib")}
    (tmp_path / "lib").mkdir()
    return launcher, env


def launch(launcher: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(launcher), *args], capture_output=True, text=True, env=env, timeout=30)


def test_the_launcher_starts_the_program_when_every_library_is_there(tmp_path):
    launcher, env = fake_bundle(tmp_path, QT_NEEDS + WINDOW_NEEDS)
    done = launch(launcher, env, "--age", "38")
    assert done.returncode == 0 and done.stdout == "started --age 38\n" and not done.stderr


def test_a_missing_library_is_named_with_its_packages_and_exit_1_never_a_traceback(tmp_path):
    """Issue 25, item 11: without libGL a double-click showed nothing and a terminal an ImportError."""
    launcher, env = fake_bundle(tmp_path, ["libEGL.so.1", "libxcb-cursor.so.0"])
    done = launch(launcher, env)
    assert done.returncode == 1 and "started" not in done.stdout  # Python was never started
    message = done.stderr
    assert "cannot start" in message and "libGL.so.1, for graphics, OpenGL" in message
    assert "libfontconfig.so.1, for fonts" in message and "libEGL.so.1" not in message
    assert "sudo apt-get install libgl1 libfontconfig1" in message
    assert "sudo dnf install mesa-libGL fontconfig" in message
    assert "Traceback" not in message


def test_what_needs_which_libraries(tmp_path):
    """estimate, --version and --help need no Qt; sheet and --screenshot need no window; the window
    needs both lists (unless Qt draws offscreen)."""
    launcher, env = fake_bundle(tmp_path, QT_NEEDS)  # the window's libxcb-cursor is missing
    assert launch(launcher, env, "--version").returncode == 0
    assert launch(launcher, env, "estimate", "--age", "38").stdout.startswith("started estimate")
    assert launch(launcher, env, "sheet", "-o", "x.pdf").returncode == 0
    assert launch(launcher, env, "--screenshot", "x.png").returncode == 0
    assert launch(launcher, {**env, "QT_QPA_PLATFORM": "offscreen"}).returncode == 0
    done = launch(launcher, env)
    assert done.returncode == 1 and "libxcb-cursor.so.0" in done.stderr and "sudo apt-get install libxcb-cursor0" \
        in done.stderr
    launcher, env = fake_bundle(tmp_path / "none", [])
    assert launch(launcher, env, "estimate").returncode == 0
    assert launch(launcher, env, "sheet").returncode == 1


def test_a_library_on_ld_library_path_counts_as_installed(tmp_path):
    launcher, env = fake_bundle(tmp_path, ["libEGL.so.1", "libfontconfig.so.1", "libxcb-cursor.so.0"])
    (Path(env["LD_LIBRARY_PATH"]) / "libGL.so.1").write_text("")
    assert launch(launcher, env).returncode == 0


def test_the_message_is_shown_in_a_dialog_where_one_can_be_shown(tmp_path):
    said = tmp_path / "said.txt"
    zenity = f'#!/bin/sh\nprintf "%s\\n" "$@" > {said}\n'
    launcher, env = fake_bundle(tmp_path, [], {"zenity": zenity})
    assert launch(launcher, env).returncode == 1 and not said.exists()  # no display: the terminal only
    done = launch(launcher, {**env, "DISPLAY": ":0"})
    assert done.returncode == 1 and "--error" in said.read_text() and "libGL.so.1" in said.read_text()
    assert "sudo apt-get install" in done.stderr  # and on the terminal too


def test_the_build_writes_the_libraries_to_check_into_the_launcher():
    text = bb.launcher_text(["libA.so.1", "libB.so.2"], ["libC.so.3"])
    assert 'NEEDED_FOR_QT="libA.so.1 libB.so.2"' in text and 'NEEDED_FOR_WINDOW="libC.so.3"' in text
    assert text.count("NEEDED_FOR_QT=") == 1 and text.startswith("#!/bin/sh")


def test_every_library_the_launcher_checks_names_its_packages():
    """The lists a Debian 12 build wrote (the launcher's defaults) all have Debian and Fedora packages."""
    text = (PACKAGING / "start-decision-aid").read_text()
    names = " ".join(re.findall(r'^NEEDED_FOR_\w+="([^"]*)"', text, re.MULTILINE)).split()
    assert "libGL.so.1" in names and "libfontconfig.so.1" in names
    for name in names:
        assert f"        {name}) echo" in text, name


def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "decision-aid.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Exec"] == "decision-aid" and desktop["Icon"] == "decision-aid"
    assert desktop["Name"] and desktop["Comment"]
    assert "MedicalSoftware" in desktop["Categories"].split(";")


def test_icon_svg_and_pngs():
    svg = ET.parse(PACKAGING / "icons" / "decision-aid.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"
    colours = {el.get("fill") for el in svg.iter()} | {el.get("stroke") for el in svg.iter()}
    assert "#0072B2" in colours and "#FFFFFF" in colours
    for size in (48, 256):
        assert bb.png_size((PACKAGING / "icons" / f"decision-aid-{size}.png").read_bytes()) == (size, size)


def test_menu_script_refuses_folders_a_desktop_entry_cannot_name(tmp_path):
    folder = tmp_path / 'odd$name'
    folder.mkdir()
    script = folder / "add-to-menu"
    script.write_bytes((PACKAGING / "add-to-menu").read_bytes())
    script.chmod(0o755)
    env = {"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([str(script)], capture_output=True, text=True, env=env, timeout=30)
    assert done.returncode == 1 and "move this folder" in done.stderr
    assert not (tmp_path / "home").exists()


def test_menu_script_adds_an_entry_pointing_at_this_folder_and_removes_it(tmp_path):
    folder = tmp_path / "My programs" / "decision-aid-1"
    (folder / "app" / "icons").mkdir(parents=True)
    for name in ("decision-aid.svg", "decision-aid-48.png", "decision-aid-256.png"):
        (folder / "app" / "icons" / name).write_bytes((PACKAGING / "icons" / name).read_bytes())
    (folder / "app" / "decision-aid.desktop").write_text((PACKAGING / "decision-aid.desktop").read_text())
    script = folder / "add-to-menu"
    script.write_bytes((PACKAGING / "add-to-menu").read_bytes())
    script.chmod(0o755)
    env = {"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([str(script)], capture_output=True, text=True, env=env, timeout=30)
    assert done.returncode == 0, done.stderr
    entry = tmp_path / "home" / ".local" / "share" / "applications" / "decision-aid.desktop"
    text = entry.read_text()
    assert f'Exec="{folder}/app/decision-aid"\n' in text and f"TryExec={folder}/app/decision-aid\n" in text
    assert (tmp_path / "home" / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "decision-aid.png").exists()
    done = subprocess.run([str(script), "--remove"], capture_output=True, text=True, env=env, timeout=30)
    assert done.returncode == 0 and not entry.exists()


def test_build_outputs_are_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert {"build/", "dist/", "*.tar.gz"} <= set(ignored)


def test_ci_builds_the_bundle_only_when_asked():
    ci = (ROOT / ".ci" / "run").read_text()
    assert 'if [ "${BUILD_BUNDLE:-0}" = "1" ]' in ci
    assert "tools/build_bundle.py --check" in ci.split('if [ "${BUILD_BUNDLE:-0}" = "1" ]')[1]


def test_arguments():
    args = bb.parse_args(["--check", "--no-build", "--timing", "3"])
    assert args.check and args.no_build and args.timing == 3


def test_run_time_hooks_left_out_are_for_things_the_program_does_not_do():
    """If the package starts using one of these, the matching PyInstaller hook must go back in
    (DROPPED_RUNTIME_HOOKS in tools/build_bundle.py)."""
    assert "pyi_rth_pyside6" in bb.DROPPED_RUNTIME_HOOKS and (PACKAGING / "pyi_rth_qt.py").is_file()
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "decision_aid").rglob("*.py"))
    for used_by_a_dropped_hook in ("multiprocessing", "pkgutil", "getsource", "getsourcefile"):
        assert used_by_a_dropped_hook not in source


def test_a_library_the_launcher_did_not_know_of_is_said_plainly_too(capsys):
    """The frozen program's entry point: Qt's import failing on a missing system library ends with
    the plain message and status 1, never a traceback; any other error is not hidden."""
    spec = importlib.util.spec_from_file_location("frozen_launcher", PACKAGING / "launcher.py")
    launcher = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(launcher)

    def missing():
        raise ImportError("libOpenGL.so.0: cannot open shared object file: No such file or directory")

    assert launcher.run(missing) == 1
    message = capsys.readouterr().err
    assert "cannot start" in message and "libOpenGL.so.0" in message and "Traceback" not in message
    assert launcher.run(lambda: 0) == 0

    def other():
        raise ImportError("No module named 'nothing'")

    with pytest.raises(ImportError):
        launcher.run(other)
