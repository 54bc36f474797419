"""PDF output (answer sheets, certificates); imports neither Qt nor the database."""
