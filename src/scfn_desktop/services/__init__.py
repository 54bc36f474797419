"""Use cases: one function = one user action = one transaction (+ its audit entries).

Services receive a `Database` and the acting `Actor`; they hold the SQL and call the rules.
The GUI and the CLI only call services.
"""
