import sys

from edition.faces.cli import main

sys.exit(main())
