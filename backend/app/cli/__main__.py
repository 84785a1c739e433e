"""`python -m app.cli`: the same command as `copilot`."""

from app.cli import main

main()
