"""Reusable widgets and Qt item models."""
