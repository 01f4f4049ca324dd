"""The computer pipdesk runs on: private and safe file writes, where its files are, the error log."""
