"""Synchronisation between devices: the hybrid logical clock now, bundles and merging later."""
