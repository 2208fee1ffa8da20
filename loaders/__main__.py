"""``python -m loaders …``: the launcher kept for every command the docs and the scheduled refresh
already use. It sits above everything (the import contracts name it as the top layer) and only
hands over to the command line in cli/."""

import sys

from cli.main import main

sys.exit(main())
