"""`python -m scfn_desktop` opens the GUI, like the `scfn-desktop` entry point."""

import sys

from scfn_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
