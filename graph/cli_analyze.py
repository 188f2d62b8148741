"""CLI commands for the analyze feature (registered on graph.cli.main)."""
