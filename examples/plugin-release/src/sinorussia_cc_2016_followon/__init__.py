"""The sinorussia release ``cc-2016-2-followon``, as a plugin package.

This package holds data only: ``release.json`` and its tables sit beside this
file. sinorussia finds it through the entry point in the group
``sinorussia.releases`` and reads it with ``importlib.resources``; importing it
does nothing else.
"""
