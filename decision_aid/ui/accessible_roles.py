"""Accessible roles for widgets Qt gives none that fits: a live region is a *notification* (Orca
speaks a notification when it is shown), an icon array a *graphic*.

One factory is installed with Qt once (:func:`give_role`); it answers only for the classes given a
role here and leaves every other widget to Qt. The interface is Qt's own generic one for widgets
(name, description, states, focus), with the role given.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_roles: dict[type, QAccessible.Role] = {}


def give_role(cls: type[QWidget], role: QAccessible.Role) -> None:
    """Widgets of ``cls`` (and its subclasses) report ``role`` to assistive technology."""
    if not _roles:
        QAccessible.installFactory(_interface)
    _roles[cls] = role


def _interface(_class_name: str, instance: QObject):
    for cls, role in _roles.items():
        if isinstance(instance, cls):
            return QAccessibleWidget(instance, role)
    return None
