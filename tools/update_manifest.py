"""Rewrite resources/evidence/manifest.json after a reviewed change to an evidence file.

Run by hand only: the manifest is what makes an unreviewed change to a figure detectable.
Usage: python tools/update_manifest.py [EVIDENCE_VERSION]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent.parent / "resources" / "evidence"


def main() -> None:
    manifest_path = DIRECTORY / "manifest.json"
    old = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    version = sys.argv[1] if len(sys.argv) > 1 else old.get("evidence_version", "1")
    files = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(DIRECTORY.glob("*.json"))
        if p.name != "manifest.json"
    }
    manifest_path.write_text(json.dumps({"evidence_version": version, "files": files}, indent=2) + "\n")
    print(f"manifest {version}: {len(files)} files")


if __name__ == "__main__":
    main()
