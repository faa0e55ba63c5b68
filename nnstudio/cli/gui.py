"""`nnstudio gui`: open the app (the same as no command)."""


def add_parser(sub):
    p = sub.add_parser("gui", help="open the app")
    p.set_defaults(run=run)


def run(args) -> int:
    from nnstudio.gui.app import main

    return main()
