"""Every "fix your input" error in core is a UserInputError (and so still a ValueError)."""

import pytest

from nnstudio.core.digits.data import DatasetError
from nnstudio.core.digits.mydigits import MyDigitsError
from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.memory import NotEnoughMemory
from nnstudio.core.nn.serialization import ModelFileError
from nnstudio.core.nn.config import TrainConfig, parse_hidden
from nnstudio.core.playground.expression import ExpressionError


@pytest.mark.parametrize("cls", [DatasetError, MyDigitsError, NotEnoughMemory, ModelFileError,
                                 ExpressionError])
def test_user_errors_share_one_base(cls):
    assert issubclass(cls, UserInputError)
    assert issubclass(cls, ValueError)


def test_bad_settings_are_user_input_errors():
    with pytest.raises(UserInputError, match="batch size"):
        TrainConfig(batch_size=0)
    with pytest.raises(UserInputError, match="hidden sizes"):
        parse_hidden("many")
