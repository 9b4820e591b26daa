"""The demo knowledge (from ../shared/sources) and the synthetic generator for scale."""
