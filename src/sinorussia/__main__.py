"""``python -m sinorussia``: the command line."""

from sinorussia._cli import main

raise SystemExit(main())
