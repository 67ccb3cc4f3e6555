"""Reading and checking the data files: standards, question banks, blueprints, weights."""
