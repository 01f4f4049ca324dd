# pipdesk's run-time hook for PySide6, in place of PyInstaller's pyi_rth_pyside6 (pipdesk.spec, hookspath).
#
# PyInstaller's hook runs before pipdesk, at every start of the bundle, and imports PySide6.QtCore to register
# a qt.conf that points Qt at the bundle's copy. PySide6 from PyPI registers that qt.conf itself, in the same
# place, when QtCore is first imported (libpyside's registerInternalQtConf, from PySide6's own __file__), so the
# import did nothing but load Qt: ~60 ms before every command of the command line, which loads no Qt from source
# (`pipdesk list`, `verify`, `pdf`; docs/packaging.md). This hook keeps the rest of PyInstaller's: the plugin and
# QML paths of the bundle's Qt, and the library paths Qt's network module searches on Windows and macOS.


def _pyi_rthook():
    import os
    import sys

    from _pyi_rth_utils import is_macos_app_bundle, prepend_path_to_environment_variable

    qt_path = (
        os.path.join(sys._MEIPASS, "PySide6")
        if sys.platform.startswith("win")
        else os.path.join(sys._MEIPASS, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_path, "plugins")
    if is_macos_app_bundle:
        # Code signing splits a .app's qml folder into its binaries (Frameworks) and its data (Resources).
        resources = os.path.normpath(
            os.path.join(sys._MEIPASS, "..", "Resources", os.path.relpath(qt_path, sys._MEIPASS))
        )
        os.environ["QML2_IMPORT_PATH"] = os.pathsep.join([os.path.join(resources, "qml"), os.path.join(qt_path, "qml")])
    else:
        os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_path, "qml")
    if sys.platform.startswith("win"):
        prepend_path_to_environment_variable(sys._MEIPASS, "PATH")
    if sys.platform == "darwin" and not is_macos_app_bundle:
        prepend_path_to_environment_variable(sys._MEIPASS, "DYLD_LIBRARY_PATH")


_pyi_rthook()
del _pyi_rthook
