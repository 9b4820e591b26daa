"""The ASGI app and the `poikki` command line."""
