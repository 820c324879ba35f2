"""Starting the window, and rendering it to a PNG without showing it (``--screenshot``)."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Mapping

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QtMsgType, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from ..display import draw_offscreen
from ..present.wording import PROGRAM_NAME
from ..present.i18n import _
from ..terminal import say, write_stderr
from .responsive import fit_on_screen
from .settings import APPLICATION, ORGANISATION


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setOrganizationName(ORGANISATION)
        app.setApplicationName(APPLICATION)
        app.setApplicationDisplayName(_(PROGRAM_NAME))  # the platform adds it to titles that lack it
    return app


EXIT_NO_DISPLAY = 1  # the window could not be opened (README, "Exit statuses")


def window_application() -> QApplication:
    """The application for the window, on the display the environment names.

    Without a display it can reach, Qt writes several lines of diagnostics and aborts the
    process. Instead, the program says in one line that the window needs a display and exits with
    :data:`EXIT_NO_DISPLAY`. Qt's warnings from the start are held back and written only if the
    start succeeds (then they are the only sign of a problem)."""
    if QApplication.instance() is not None:
        return application()
    held: list[str] = []

    def handler(kind: QtMsgType, context, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            display = os.environ.get("DISPLAY")
            where = _("DISPLAY={value}", value=display) if display else _("no DISPLAY is set")
            say(_("the window needs a display and none could be opened ({where}); without one, use --screenshot "
                  "FILE or the sheet command", where=where))
            os._exit(EXIT_NO_DISPLAY)
        held.append(f"{context.category}: {message}" if context.category else message)

    previous = qInstallMessageHandler(handler)
    try:
        app = application()
    finally:
        qInstallMessageHandler(previous)
    for line in held:
        write_stderr(line)
    return app


def start_language(language: str | None) -> str:
    """Set the interface language before anything is built (``language``: ``--language``, else the
    remembered choice, else the system's; see :mod:`.language`)."""
    from .language import install_interface_language, interface_language
    from .settings import WindowSettings

    application()
    chosen = install_interface_language(interface_language(language or WindowSettings().language()))
    QApplication.setApplicationDisplayName(_(PROGRAM_NAME))  # static: the running application
    return chosen


def run_window(profile: Mapping[str, Any] | None = None, audience: str | None = None,
               horizon: int | None = None, consultation_path: str | Path | None = None,
               language: str | None = None) -> int:
    """Open the consultation window (pre-filled from a profile, or showing the saved consultation
    at ``consultation_path`` as File > Open would) and run until it is closed.

    The garbage collector waits until the window is on screen (:func:`keep_start_objects`)."""
    gc.disable()
    handlers = []
    try:
        app = window_application()
        start_language(language)
        from .main_window import MainWindow

        window = MainWindow()
        if consultation_path is not None:
            window.consultations.open(Path(consultation_path))
        _prepare(window, profile, audience, horizon)
        fit_on_screen(window)  # inside the screen's available area (a remembered or default size may not be)
        after_first_paint(window, lambda: prepare_model(window))
        window.show()
        QTimer.singleShot(0, lambda: (fit_on_screen(window), keep_start_objects(),  # with the frame it has now
                                      handlers.append(start_consultation_services(window))))
        return app.exec()
    finally:
        for handler in handlers:
            handler.uninstall()
        gc.enable()  # also when the start failed, or ended before the event loop ran


def after_first_paint(window, callback) -> None:
    """Call ``callback`` once, on the event loop's next turn after ``window`` is first painted:
    for work the window's first picture should not wait for. (A zero-delay timer set before
    ``show()`` may run before the first paint: it did on the offscreen platform.)"""
    _FirstPaintWatch(window, callback)


class _FirstPaintWatch(QObject):
    def __init__(self, window, callback) -> None:
        super().__init__(window)  # lives as long as the window, if it is never painted
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def prepare_model(window) -> None:
    """After the first paint: the model's shared draws and matrices for the profile shown (or for
    every profile, before one is entered), so the first edit of the profile does not make them. The
    first estimate may have come from the start's helper process (:mod:`..model.ahead`), which
    leaves this process without them."""
    if window.model is not None:
        result = window.session.result
        window.model.prepare(result.profile if result is not None else None)


def keep_start_objects() -> None:
    """What the start made (pyqtgraph's and the program's modules, the window: about 70,000
    objects) lives as long as the program. The collector's passes over it while it was being
    made took about 40 ms of each start (most of them during pyqtgraph's import), so collection
    is paused until the window is shown; then those objects are frozen (:func:`gc.freeze`: later
    passes, e.g. between keystrokes, skip them) and collection resumes as usual (BENCHMARKS.md,
    cold start)."""
    gc.freeze()
    gc.enable()


def start_consultation_services(window):
    """What a running consultation needs soon, but not before the window is first on screen:
    the crash handler, the autosave timer, and the offer to restore after a crash."""
    from .crash_handler import install_crash_handler

    handler = install_crash_handler(lambda: window)
    window.consultations.start_autosave()
    window.consultations.offer_restore()
    return handler


def render_screenshot(path: str | Path, profile: Mapping[str, Any] | None, audience: str | None = None,
                      horizon: int | None = None, size: tuple[int, int] = (1280, 800),
                      settings: QSettings | None = None, consultation=None, language: str | None = None) -> Path:
    """Render the window for ``profile`` (or a saved, already checked ``consultation``, whose
    audience and horizon apply unless given) to a PNG without putting it on the screen, in
    ``language`` (default: the system's; a screenshot never reads the remembered choice)."""
    draw_offscreen()
    application()
    from ..present.i18n import current_language
    from .language import install_interface_language, interface_language

    before = current_language()
    install_interface_language(interface_language(language))
    try:
        return _render(path, profile, audience, horizon, size, settings, consultation)
    finally:
        install_interface_language(before)  # in-process callers (tests) go on in their language


def _render(path, profile, audience, horizon, size, settings, consultation) -> Path:
    from .main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        if settings is None:  # a screenshot must not read or change the user's remembered state
            settings = QSettings(str(Path(scratch) / "screenshot.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings)
        if consultation is not None:
            window.apply_consultation(consultation)
        image = _grab(window, profile, audience, horizon, size)
    # Encoded in memory, then written whole or not at all, readable only by the user (it shows the
    # profile): the same writer as every other file.
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from ..safe_io import write_atomically

    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.isNull() or not image.save(buffer, "PNG"):
        raise OSError(_("the window could not be rendered at {width}x{height} pixels", width=size[0], height=size[1]))
    buffer.close()
    return write_atomically(path, bytes(encoded.data()))


def _grab(window, profile, audience, horizon, size):
    _prepare(window, profile, audience, horizon)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    window.flush()
    QApplication.processEvents()
    image = window.grab()
    window.hide()  # not close(): a screenshot neither asks about unsaved changes nor touches the autosave
    window.deleteLater()
    return image


def _prepare(window, profile, audience, horizon) -> None:
    """Show what the command line asked for; that is the window's starting point, not an edit."""
    if audience is not None:
        window.set_audience(audience)
    if horizon is not None:
        window.set_horizon(horizon)
    if profile:
        window.set_profile_fields({k: v for k, v in profile.items() if v is not None})
    window.flush()
    window.consultations.mark_unedited()
