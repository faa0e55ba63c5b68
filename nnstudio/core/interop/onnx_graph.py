"""The network as an ONNX graph, built node by node with the onnx package's helper API.

Input "input": float32, shape (batch, 784) for an MLP, (batch, C, H, W) images for a network built
from an architecture (pixels 0..1, as the app feeds them). Outputs "probabilities" (what the app
shows: softmax, or the quadratic loss's sigmoids normalised to sum to 1) and "scores" (before the
output activation). Opset OPSET; the weights are initializers named as in the state dict
("0.weight" (out, in), ...), stored as float32 (a float64 model is rounded to float32).
"""

from __future__ import annotations

import numpy as np

from nnstudio.core.files import atomic_write
from nnstudio.core.interop import layout, require
from nnstudio.core.interop.state_dict import metadata

OPSET = 17  # Gemm, Conv, MaxPool, Relu, Sigmoid, Tanh, LeakyRelu, Flatten, Softmax(axis) as since opset 13
INPUT, PROBABILITIES, SCORES = "input", "probabilities", "scores"
_ACTIVATION_OPS = {"ReLU": "Relu", "Sigmoid": "Sigmoid", "Tanh": "Tanh", "LeakyReLU": "LeakyRelu"}


def build_onnx(network, meta: dict | None = None):
    """An onnx.ModelProto of `network`, passing onnx.checker.check_model(full_check=True)."""
    onnx = require("onnx", "writing .onnx")
    from onnx import TensorProto, helper, numpy_helper

    weights = layout.state_dict(network, dtype=np.float32)
    nodes, inits, h = [], [numpy_helper.from_array(v, name) for name, v in weights.items()], INPUT
    for i, mod in enumerate(layout.modules(network)):
        out = f"{i}.out"
        if mod.kind == "Linear":
            nodes.append(helper.make_node("Gemm", [h, f"{i}.weight", f"{i}.bias"], [out], name=f"{i}.Linear",
                                          transB=1))
        elif mod.kind == "Conv2d":
            _c_in, _c_out, k, s, p = mod.args
            nodes.append(helper.make_node("Conv", [h, f"{i}.weight", f"{i}.bias"], [out], name=f"{i}.Conv2d",
                                          kernel_shape=list(k), strides=[s, s], pads=[p] * 4))
        elif mod.kind == "MaxPool2d":
            k, s, p = mod.args
            nodes.append(helper.make_node("MaxPool", [h], [out], name=f"{i}.MaxPool2d",
                                          kernel_shape=list(k), strides=[s, s], pads=[p] * 4))
        elif mod.kind == "Flatten":
            nodes.append(helper.make_node("Flatten", [h], [out], name=f"{i}.Flatten", axis=1))
        elif mod.kind == "LeakyReLU":
            nodes.append(helper.make_node("LeakyRelu", [h], [out], name=f"{i}.LeakyReLU", alpha=float(mod.args[0])))
        else:
            nodes.append(helper.make_node(_ACTIVATION_OPS[mod.kind], [h], [out], name=f"{i}.{mod.kind}"))
        h = out
    nodes.append(helper.make_node("Identity", [h], [SCORES], name="scores"))
    if network.loss_name == "cross_entropy":
        nodes.append(helper.make_node("Softmax", [SCORES], [PROBABILITIES], name="softmax", axis=1))
    else:  # Network.probabilities: sigmoids / max(their sum, 1e-12)
        inits += [numpy_helper.from_array(np.array([1], np.int64), "sum_axes"),
                  numpy_helper.from_array(np.array(1e-12, np.float32), "min_sum")]
        nodes += [helper.make_node("Sigmoid", [SCORES], ["sigmoids"], name="sigmoid"),
                  helper.make_node("ReduceSum", ["sigmoids", "sum_axes"], ["sum"], name="sum", keepdims=1),
                  helper.make_node("Max", ["sum", "min_sum"], ["sum_clamped"], name="clamp"),
                  helper.make_node("Div", ["sigmoids", "sum_clamped"], [PROBABILITIES], name="normalise")]
    classes = network.sizes[-1]
    graph = helper.make_graph(
        nodes, "nnstudio", [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT,
                                                          ["batch", *layout.input_shape(network)])],
        [helper.make_tensor_value_info(PROBABILITIES, TensorProto.FLOAT, ["batch", classes]),
         helper.make_tensor_value_info(SCORES, TensorProto.FLOAT, ["batch", classes])],
        initializer=inits)
    opsets = [helper.make_opsetid("", OPSET)]
    model = helper.make_model(graph, opset_imports=opsets, producer_name="NN Studio",
                              ir_version=helper.find_min_ir_version_for(opsets))
    model.doc_string = (f"NN Studio network; input '{INPUT}' float32 (batch, "
                        f"{', '.join(map(str, layout.input_shape(network)))}), pixels 0..1; outputs "
                        f"'{PROBABILITIES}' and '{SCORES}'")
    helper.set_model_props(model, metadata(network, meta or {}))
    onnx.checker.check_model(model, full_check=True)
    return model


def write_onnx(network, meta: dict | None, path) -> None:
    model = build_onnx(network, meta)
    data = model.SerializeToString()
    with atomic_write(path, "wb") as fh:
        fh.write(data)
