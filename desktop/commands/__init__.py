"""The headless subcommands of `vetstation`, one module per area; none of them imports Qt."""
