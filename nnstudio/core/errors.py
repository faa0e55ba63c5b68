"""UserInputError: bad input from the user (a file, a path, a setting), shown as one line, no traceback."""

from __future__ import annotations


class UserInputError(ValueError):
    """Input the user can fix: the message is one line that names the file or option at fault.

    Readers of user files (models, datasets, images) raise it or a subclass of it; front ends show
    the message as it is (the command line: one line on stderr and exit status 2) and never a
    traceback. A ValueError, so existing `except ValueError` handlers keep catching it.
    """
