"""The engine, in numpy only: `nn` (the books' network), `digits` (MNIST and the pad), `playground` (2D).

The books' names import from here, as a reader of either book expects:
`from nnstudio.core import TwoLayerNet, numerical_gradient, load_mnist, softmax, cross_entropy_error`.
"""

from nnstudio.core.digits.data import load_mnist
from nnstudio.core.nn.functions import (cross_entropy_error, identity, relu, sigmoid, softmax,
                                        step_function, sum_squares_error, tanh)
from nnstudio.core.nn.gradient import (gradient_descent, numerical_diff, numerical_gradient)
from nnstudio.core.nn.layers import Affine, Relu, Sigmoid, SoftmaxWithLoss
from nnstudio.core.nn.network import MultiLayerNet, SimpleNet, TwoLayerNet
from nnstudio.core.nn.optimizers import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop
from nnstudio.core.nn.trainer import Trainer

__all__ = ["load_mnist", "cross_entropy_error", "identity", "relu", "sigmoid", "softmax",
           "step_function", "sum_squares_error", "tanh", "gradient_descent", "numerical_diff",
           "numerical_gradient", "Affine", "Relu", "Sigmoid", "SoftmaxWithLoss", "MultiLayerNet",
           "SimpleNet", "TwoLayerNet", "SGD", "AdaGrad", "Adam", "Momentum", "Nesterov", "RMSprop",
           "Trainer"]
