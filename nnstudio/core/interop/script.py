"""The generated PyTorch script: builds the nn.Sequential and loads the .safetensors beside it."""

from __future__ import annotations

from pathlib import Path

from nnstudio.core.files import atomic_write
from nnstudio.core.interop import layout


def script_text(network, weights_name: str) -> str:
    """Python source: `model` (the nn.Sequential, scores out), loaded from `weights_name` (a file
    in the script's folder), and `probabilities(x)` as the app computes them."""
    mods = layout.modules(network)
    shape = layout.input_shape(network)
    rows = "\n".join(f"    {m.torch_text()},  # {i}" for i, m in enumerate(mods))
    output = ("torch.softmax(scores, dim=1)" if network.loss_name == "cross_entropy"
              else "torch.sigmoid(scores) / torch.sigmoid(scores).sum(dim=1, keepdim=True).clamp_min(1e-12)")
    what = getattr(network, "arch", None) or "-".join(map(str, network.sizes))
    return f'''"""PyTorch version of an NN Studio network ({what}, {network.activation}), written by NN Studio.

Input: float32 tensors of shape (batch, {", ".join(map(str, shape))}), pixels from 0 to 1 as in MNIST.
`model(x)` gives the scores; `probabilities(x)` what NN Studio shows. Needs torch and safetensors.
"""

from pathlib import Path

import torch
from safetensors.torch import load_file
from torch import nn

model = nn.Sequential(
{rows}
)
model.load_state_dict(load_file(str(Path(__file__).with_name({weights_name!r}))))
model.eval()


def probabilities(x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        scores = model(x)
        return {output}


if __name__ == "__main__":
    x = torch.rand(2, {", ".join(map(str, shape))})
    print(model)
    print(probabilities(x))
'''


def write_script(network, path, weights_name: str) -> None:
    """Raises ExportError for a pooling padding torch.nn.MaxPool2d refuses (more than half the window)."""
    from nnstudio.core.interop import ExportError

    for i, mod in enumerate(layout.modules(network)):
        if mod.kind == "MaxPool2d" and 2 * mod.args[2] > min(mod.args[0]):
            raise ExportError(f"module {i}: torch's MaxPool2d pads at most half its window, this one pads "
                              f"{mod.args[2]} on {mod.args[0][0]}x{mod.args[0][1]}; export .onnx or .safetensors")
    with atomic_write(Path(path), "w", encoding="utf-8") as fh:
        fh.write(script_text(network, weights_name))
