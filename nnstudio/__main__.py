"""`python -m nnstudio [command]`: the command line; with no command, open the app."""

import sys


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        from nnstudio.gui.app import main as gui_main

        return gui_main()
    from nnstudio.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
