"""compare.py BEFORE AFTER -> /work/cmp/diffs/<before>_vs_<after>/ with unified diffs and pixel stats."""
from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

ROOT = Path("/work/cmp")
before, after = sys.argv[1], sys.argv[2]
A, B = ROOT / f"out-{before}", ROOT / f"out-{after}"
if len(sys.argv) > 3:
    B = ROOT / sys.argv[3]
OUT = ROOT / "diffs" / f"{before}_vs_{after}"
OUT.mkdir(parents=True, exist_ok=True)
CONFIGS = [f"{p}-{a}" for p in ("relapsing", "progressive") for a in ("patient", "clinician")]


def combined_window(folder: Path, config: str) -> list[str]:
    w = folder / "window"
    lines = (w / f"{config}.shell.txt").read_text().splitlines()
    for f in sorted(w.glob(f"{config}.tab*.txt")):
        if f.name.endswith(".raw.txt"):
            continue
        lines += f.read_text().splitlines()
    return lines


def image(path: Path) -> np.ndarray:
    img = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.bytesPerLine())
    return arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[:, :, :3].copy()


def pixel_diff(a: Path, b: Path) -> str:
    x, y = image(a), image(b)
    if x.shape != y.shape:
        return f"size {x.shape[1]}x{x.shape[0]} -> {y.shape[1]}x{y.shape[0]}"
    d = np.abs(x.astype(int) - y.astype(int)).max(axis=2)
    frac = (d > 0).mean()
    frac16 = (d > 16).mean()
    if frac == 0:
        return "identical"
    ys, xs = np.nonzero(d > 0)
    return (f"{frac:.4%} pixels differ ({frac16:.4%} by >16 levels); bbox x{xs.min()}-{xs.max()} "
            f"y{ys.min()}-{ys.max()}")


summary = []
for config in CONFIGS:
    a_lines, b_lines = combined_window(A, config), combined_window(B, config)
    diff = list(difflib.unified_diff(a_lines, b_lines, f"{before}/{config}", f"{after}/{config}", lineterm="", n=2))
    (OUT / f"window-{config}.diff").write_text("\n".join(diff) + "\n")
    n = sum(1 for d in diff if d[:1] in "+-" and not d.startswith(("+++", "---")))
    summary.append(f"window {config}: {n} changed lines")
    # per tab, pixel comparison where the tab's text is identical
    for fa in sorted((A / "window").glob(f"{config}.tab*.txt")):
        if fa.name.endswith(".raw.txt"):
            continue
        fb = B / "window" / fa.name
        pa, pb = fa.with_suffix(".png"), fb.with_suffix(".png")
        if not fb.exists():
            summary.append(f"  {fa.stem}: no tab of that name after")
            continue
        same = fa.read_text() == fb.read_text()
        shell_same = (A / "window" / f"{config}.shell.txt").read_text() == (
            B / "window" / f"{config}.shell.txt").read_text()
        summary.append(f"  {fa.stem}: text {'same' if same else 'DIFFERENT'}; png {pixel_diff(pa, pb)}"
                       + ("" if shell_same else " (shell text differs)"))
    for fb in sorted((B / "window").glob(f"{config}.tab*.txt")):
        if not fb.name.endswith(".raw.txt") and not (A / "window" / fb.name).exists():
            summary.append(f"  {fb.stem}: new tab")
    # sheets
    sa, sb = A / "sheet" / f"{config}.txt", B / "sheet" / f"{config}.txt"
    if not sa.exists() or not sb.exists():
        summary.append(f"sheet {config}: missing ({sa.exists()}, {sb.exists()})")
        continue
    al, bl = sa.read_text().splitlines(), sb.read_text().splitlines()
    # word-level comparison too (layout-independent)
    diff = list(difflib.unified_diff(al, bl, f"{before}/sheet-{config}", f"{after}/sheet-{config}", lineterm="", n=2))
    ia, ib = (A / "sheet" / f"{config}.pdfinfo.txt").read_text(), (B / "sheet" / f"{config}.pdfinfo.txt").read_text()
    if ia != ib:
        diff += ["", "pdfinfo:"] + list(difflib.unified_diff(ia.splitlines(), ib.splitlines(), lineterm="", n=0))
    (OUT / f"sheet-{config}.diff").write_text("\n".join(diff) + "\n")
    wa = " ".join(re.sub(r"===== page \d+ =====", " ", sa.read_text()).split())
    wb = " ".join(re.sub(r"===== page \d+ =====", " ", sb.read_text()).split())
    n = sum(1 for d in diff if d[:1] in "+-" and not d.startswith(("+++", "---")))
    summary.append(f"sheet {config}: {n} changed lines; words {'same' if wa == wb else 'DIFFERENT'}")
    wd = list(difflib.unified_diff(wa.split(" "), wb.split(" "), lineterm="", n=6))
    (OUT / f"sheet-{config}.words.diff").write_text("\n".join(wd) + "\n")
    pages_a = re.split(r"===== page \d+ =====\n", sa.read_text())[1:]
    pages_b = re.split(r"===== page \d+ =====\n", sb.read_text())[1:]
    summary.append(f"  pages {len(pages_a)} -> {len(pages_b)}")
    for i in range(1, max(len(pages_a), len(pages_b)) + 1):
        pa, pb = A / "sheet" / f"{config}-{i}.png", B / "sheet" / f"{config}-{i}.png"
        if i <= min(len(pages_a), len(pages_b)) and pa.exists() and pb.exists():
            same = pages_a[i - 1] == pages_b[i - 1]
            summary.append(f"  page {i}: text {'same' if same else 'DIFFERENT'}; png {pixel_diff(pa, pb)}")
    ca, cb = (A / "sheet" / f"{config}.cli.txt").read_text(), (B / "sheet" / f"{config}.cli.txt").read_text()
    if ca != cb:
        summary.append(f"  CLI output differs: {ca!r} -> {cb!r}")
(OUT / "SUMMARY.txt").write_text("\n".join(summary) + "\n")
print("\n".join(summary))
