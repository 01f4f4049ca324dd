"""Render the main window and the check-in form in the dark and high-contrast themes to docs/screenshots/.

    .venv/bin/python docs/make_theme_screenshots.py

Runs in a temporary folder with its own settings. The main window shows the active sample plan's
check-ins (ratings in colour and in words) beside the plan list (an overdue check-in marked "⚠").
"""

from __future__ import annotations

import datetime as dt

from screenshot_support import demo_app, save_shot  # also sets QT_QPA_PLATFORM=offscreen

TODAY = dt.date(2026, 11, 23)


def main() -> None:
    with demo_app() as demo:
        from pipdesk.gui.checkins.form_dialog import CheckinFormDialog
        from pipdesk.gui.common.theme import Theme, apply_theme
        from pipdesk.gui.shell.main_window import MainWindow

        app = demo.app
        alex = demo.ids["alex-delivery-active"]
        for theme, suffix in ((Theme.DARK, "dark"), (Theme.HIGH_CONTRAST, "high-contrast")):
            apply_theme(app, theme)
            window = MainWindow(demo.book, today=lambda: TODAY)
            window.resize(1440, 900)
            window.show()
            window.select_plan(alex)
            window.ui.viewTabs.setCurrentWidget(window.ui.checkinsTab)
            save_shot(app, window, f"main-window-{suffix}")
            plan = demo.book.get(alex)
            form = CheckinFormDialog(plan, TODAY, parent=window)
            form.show()
            save_shot(app, form, f"checkin-form-{suffix}")
            form.close()
            window.hide()  # closing would close the plan book too


if __name__ == "__main__":
    main()
