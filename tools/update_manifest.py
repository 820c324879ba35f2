"""Rewrite resources/evidence/manifest.json after a reviewed change to an evidence file.

Run by hand only: the manifest is what makes an unreviewed change to a figure detectable.
Usage: python tools/update_manifest.py [EVIDENCE_VERSION [REVIEWED NEXT_REVIEW_DUE]]
(dates as YYYY-MM-DD; without them the manifest's current review dates are kept).
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
    reviewed = sys.argv[2] if len(sys.argv) > 3 else old.get("reviewed")
    next_due = sys.argv[3] if len(sys.argv) > 3 else old.get("next_review_due")
    manifest = {"evidence_version": version, "reviewed": reviewed, "next_review_due": next_due, "files": files}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"manifest {version}: {len(files)} files")


if __name__ == "__main__":
    main()
