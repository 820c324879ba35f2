"""Undo and redo for the profile form: each field change is one step, typing in a field is one step.

The form says only that it was edited; this keeps the profile as it was before each edit and
puts the difference on a :class:`QUndoStack`. Typing in one field is merged into one step
(``mergeWith``) until the focus leaves that field; a change made at once to several fields (Clear
profile) is one step of its own. Undo puts back exactly the text that was typed (``38.25``,
``abc``, an empty field), never a tidied value. Opening or starting a consultation empties the
history: a new consultation is not an edit of the previous one.

Ctrl+Z in a text field would otherwise run the field's own undo, which knows nothing of the other
fields: the window's Undo and Redo take those keys instead.
"""

from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit

from ..present.i18n import _
from ..present.refusals import field_label
from .actions import make_action

UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")


class FieldEdit(QUndoCommand):
    """One step: the fields that changed, before and after (as the form's ``raw()`` gives them)."""

    def __init__(self, history: "FormUndo", before: Mapping[str, Any], after: Mapping[str, Any],
                 typing_in: str | None) -> None:
        fields = list(after)
        what = (_("the change to the {field}", field=field_label(fields[0])) if len(fields) == 1
                else _("the change to the whole profile"))
        super().__init__(what)
        self.history, self.before, self.after = history, dict(before), dict(after)
        self.typing_in = typing_in  # the field being typed in, while more typing may join this step
        self.round = history.round
        self._done = True  # the edit is already on screen when the step is pushed

    def id(self) -> int:  # noqa: A003 (Qt name)
        return 1 if self.typing_in else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt name)
        if not (isinstance(other, FieldEdit) and self.typing_in and other.typing_in == self.typing_in
                and other.round == self.round):
            return False
        self.after = dict(other.after)
        self.setObsolete(self.after == self.before)  # typed and deleted again: no step at all
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.history.show(self.after)

    def undo(self) -> None:
        self.history.show(self.before)


class FormUndo(QObject):
    """The form's history and the Undo and Redo actions (for the Edit menu)."""

    def __init__(self, form, window) -> None:
        super().__init__(window)
        self.form = form
        self.stack = QUndoStack(self)
        self.round = 0  # typing joins a step only within one round; focus moves and undo start another
        self._last = dict(form.raw())
        self._showing = False
        form.edited.connect(self._edited)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_moved)
        for widget in form.fields.values():
            if isinstance(widget, QLineEdit):
                widget.installEventFilter(self)
        self.undo_action = make_action(window, _("&Undo"), self.stack.undo, UNDO_KEYS,
                                       _("Undo the last change to the profile"), name="undoAction")
        self.redo_action = make_action(window, _("&Redo"), self.stack.redo, REDO_KEYS,
                                       _("Redo the change that was undone"), name="redoAction")
        self.undo_action.setIconText(_("Undo"))  # its stable name; the menu text says what it undoes
        self.redo_action.setIconText(_("Redo"))
        self.stack.canUndoChanged.connect(self._update_actions)
        self.stack.canRedoChanged.connect(self._update_actions)
        self.stack.indexChanged.connect(self._update_actions)
        self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        undo, redo = self.stack.undoText(), self.stack.redoText()
        self.undo_action.setEnabled(self.stack.canUndo())
        self.redo_action.setEnabled(self.stack.canRedo())
        self.undo_action.setText(_("&Undo {change}", change=undo) if undo else _("&Undo"))
        self.redo_action.setText(_("&Redo {change}", change=redo) if redo else _("&Redo"))

    def _focus_moved(self, _old, _new) -> None:
        self.round += 1

    def _edited(self) -> None:
        now = dict(self.form.raw())
        if self._showing:
            self._last = now
            return
        changed = [name for name in now if now[name] != self._last.get(name)]
        if not changed:
            return
        before = {name: self._last.get(name) for name in changed}
        after = {name: now[name] for name in changed}
        self._last = now
        typing = changed[0] if len(changed) == 1 and self.form.fields[changed[0]].hasFocus() else None
        self.stack.push(FieldEdit(self, before, after, typing))

    def show(self, values: Mapping[str, Any]) -> None:
        """Put ``values`` back in the form (an undo or redo; not a new step)."""
        self.round += 1
        self._showing = True
        try:
            self.form.set_fields(values)
        finally:
            self._showing = False

    def reset(self) -> None:
        """Forget the history: the form now shows another consultation."""
        self.stack.clear()
        self.round += 1
        self._last = dict(self.form.raw())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(QKeySequence(key)) == QKeySequence.SequenceMatch.ExactMatch
                   for key in UNDO_KEYS + REDO_KEYS):
                return True  # left unaccepted: the window's Undo or Redo runs, not the field's own
        return False
