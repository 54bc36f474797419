"""Venue check-in (受付): the desk page (scan field, camera, verdicts with sounds, search,
overrides and the other events) and the attendance board. Pages call services.attendance."""
