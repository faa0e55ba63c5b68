"""`nnstudio evaluate MODEL`: test accuracy and per-digit accuracy of a saved model."""

from __future__ import annotations

import numpy as np

from nnstudio.cli import CliError, check_model_outputs
from nnstudio.cli.options import add_dataset_argument, add_model_argument


def add_parser(sub):
    p = sub.add_parser("evaluate", help="test accuracy and per-digit accuracy of a saved model",
                       description="Evaluate a model saved by NN Studio on the MNIST test set (or the "
                       "test files of another MNIST-format folder).")
    add_model_argument(p)
    add_dataset_argument(p)
    p.add_argument("--train", action="store_true", help="also report the training-set accuracy")
    p.set_defaults(run=run)


def run(args) -> int:
    from nnstudio.core.digits.data import load_mnist
    from nnstudio.core.nn.serialization import load_model

    network, meta = load_model(args.model)  # ModelFileError, DatasetError: UserInputErrors
    (x_train, t_train), (x_test, t_test) = load_mnist(directory=args.dataset)
    if network.sizes[0] != x_test.shape[1] or network.sizes[-1] != 10:
        raise CliError(f"{args.model}: the model maps {network.sizes[0]} inputs to {network.sizes[-1]} "
                       f"classes; the dataset has {x_test.shape[1]} pixels and 10 classes")
    check_model_outputs(network, args.model)
    with np.errstate(over="ignore", invalid="ignore"):  # checked above: not for every image
        pred = network.predict_labels(x_test)
        train_acc = network.accuracy(x_train, t_train) if args.train else None
    t = np.asarray(t_test, dtype=np.int64)
    correct = pred == t
    config = meta.get("config") if isinstance(meta.get("config"), dict) else {}
    from nnstudio.cli.train import describe_network

    arch = describe_network(network)
    origin = f", preset {meta['preset']}" if isinstance(meta.get("preset"), str) else ""
    print(f"model {args.model}: {arch} {network.activation}, {network.loss_name} loss{origin}"
          + (f", trained with {config.get('optimizer')} lr {config.get('lr')}" if config else ""))
    print(f"test accuracy {correct.mean():.4f} ({int(correct.sum())}/{len(t)})")
    if args.train:
        print(f"train accuracy {train_acc:.4f} ({len(t_train)} images)")
    print("digit  accuracy   correct/total")
    for d in range(10):
        mask = t == d
        total = int(mask.sum())
        if total:
            print(f"  {d}    {correct[mask].mean():.4f}     {int(correct[mask].sum()):5d}/{total}")
        else:
            print(f"  {d}       -           0/0")
    return 0
