"""The PySide6 application: main window, views, dialogs and Qt item models over the store."""
