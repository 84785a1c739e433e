"""Your data: export, import, account deletion, backup and restore."""
