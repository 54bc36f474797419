"""PySide6 user interface. Widgets call services; they hold no SQL and no business rules."""
