"""`nnstudio export MODEL OUT`: a model to .safetensors, .onnx, a PyTorch .py script, or back to .npz."""

from __future__ import annotations

from nnstudio.cli.options import add_model_argument, check_writable, short_path, user_path


def add_parser(sub):
    p = sub.add_parser(
        "export", help="write a model as safetensors, ONNX or a PyTorch script (or a state dict as a model)",
        description="Write MODEL in the format OUT's extension names: .safetensors (the torch nn.Sequential "
        "state dict, architecture and training summary in its metadata), .onnx (opset 17; input 'input', "
        "outputs 'probabilities' and 'scores'), .py (a PyTorch script that loads the .safetensors written "
        "beside it) or .npz (NN Studio's model file). MODEL may be a .safetensors state dict of an "
        "nn.Sequential: --activation, --arch and --input-shape declare what its metadata does not say. "
        "Needs the optional packages: pip install 'nnstudio[export]'.")
    add_model_argument(p)
    p.add_argument("out", type=user_path, metavar="OUT", help="the file to write (.safetensors, .onnx, .py, .npz)")
    p.add_argument("--activation", metavar="NAME",
                   help="a state dict's hidden activation (relu, sigmoid, tanh, leaky_relu, identity)")
    p.add_argument("--arch", metavar="TEXT", help="a state dict's architecture, like 'conv 16 5x5, pool 2, "
                   "dense 128, dense 10' (needed for Conv2d layers: their stride, padding and pooling)")
    p.add_argument("--input-shape", metavar="C,H,W", help="a state dict's input images (default 1,28,28)")
    p.set_defaults(run=run)


def run(args) -> int:
    from nnstudio.core.interop import export_model, format_of
    from nnstudio.core.nn.serialization import load_model

    format_of(args.out)  # an unknown extension: one line, before reading anything
    check_writable(args.out, "OUT")
    declared = args.activation or args.arch or args.input_shape
    if declared:
        if not str(args.model).lower().endswith(".safetensors"):
            from nnstudio.cli import CliError

            raise CliError("--activation, --arch and --input-shape declare a .safetensors state dict's "
                           "architecture; an .npz model carries its own")
        from nnstudio.core.interop.state_dict import read_safetensors

        network, meta = read_safetensors(args.model, args.activation, args.arch, args.input_shape)
    else:
        network, meta = load_model(args.model)
    written = export_model(network, meta, args.out)
    what = getattr(network, "arch", None) or "-".join(map(str, network.sizes))
    print(f"wrote {', '.join(short_path(p) for p in written)} ({what} {network.activation})")
    return 0
