"""The app's dialogs, one module per ``ui/*_dialog.ui`` form."""
