"""Build step: compile the translation catalogues (.po) into the .mo files gettext reads.

Everything else is declared in pyproject.toml; this file only adds that one step to the wheel
build (and so to the installed program and the patients' bundle). An editable install compiles
the catalogues in memory when first used instead (decision_aid/present/i18n.py).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path("decision_aid/locale").glob("*/LC_MESSAGES/*.po"):
            target = Path(self.build_lib) / po.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parent.parent.name)
            with target.open("wb") as out:
                write_mo(out, catalog, use_fuzzy=False)


setup(cmdclass={"build_py": BuildWithCatalogues})
