"""Records: how long a plan is kept (its retention hold), erasing a plan and anonymising one: commands and dialogs."""
