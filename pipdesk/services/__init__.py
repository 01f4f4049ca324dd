"""What the command line and the window share, without Qt: calendars, templates, samples, plan files."""
