"""``python -m skillmatch`` runs the command-line interface."""

from skillmatch.cli import main

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
