"""Qt item models over immutable rows from the core."""
