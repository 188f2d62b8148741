"""CLI commands for the render feature (registered on graph.cli.main)."""
