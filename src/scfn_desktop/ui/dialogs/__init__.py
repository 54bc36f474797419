"""Dialogs: login, first run, settings, trainee edit, roster import preview."""
