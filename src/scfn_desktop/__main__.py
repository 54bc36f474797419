"""`python -m scfn_desktop` opens the GUI, like the `scfn-desktop` entry point."""

import multiprocessing
import sys

from scfn_desktop.app import main

if __name__ == "__main__":
    # The scan import reads pages in worker processes (omr.batch, start method "spawn"): in a
    # frozen (PyInstaller) build each worker re-runs this executable, and freeze_support()
    # turns it into the worker instead of a second window.
    multiprocessing.freeze_support()
    sys.exit(main())
