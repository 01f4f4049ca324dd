"""The case file for HR in the window: File › Export case file… (the case file itself is services/case_file.py)."""
