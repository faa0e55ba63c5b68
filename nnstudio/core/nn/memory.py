"""How much memory (and work per step) a configuration needs, how much is free, and a refusal with advice.

Everything here is arithmetic on sizes: nothing is allocated. `check_training` and `check_network`
raise NotEnoughMemory (a UserInputError) with the figure and a suggestion computed from the same
estimate ("needs ~75 GB, 21 GB free: try hidden sizes of at most 9,000"), before the caller
allocates anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.spec import INPUT_SHAPE, Conv, Dense, layer_shapes, param_shapes, parse_arch
from nnstudio.core.system_memory import available_memory

INPUT_SIZE, OUTPUT_SIZE = 784, 10
MNIST_TRAIN, MNIST_TEST = 60_000, 10_000  # nominal sizes when the data is not loaded yet

# Per-parameter state of each optimizer, in parameter-sized arrays (optimizers.py: Momentum and
# Nesterov keep v, AdaGrad and RMSprop h, Adam m and v; SGD none). Unknown names count as Adam.
OPTIMIZER_STATE = {"sgd": 0, "momentum": 1, "nesterov": 1, "adagrad": 1, "rmsprop": 1, "adam": 2}
# Parameter-sized copies a run keeps besides the network: the trainer's last sound weights, up to
# two weight snapshots on their way to the views, and the finished model's copy.
RUN_WEIGHT_COPIES = 4
# Temporaries of augment_batch per image: a dozen (28, 28) float64 maps (coordinates, weights,
# displacement fields) at its widest point (tracemalloc measured a peak of 39 kB an image).
AUGMENT_BYTES_PER_IMAGE = 12 * 784 * 8
INDEX_BLOCK = 64  # the trainer draws replacement indices for up to this many steps at once
INDEX_BLOCK_ELEMENTS = 1 << 16  # ... but never more than this many int64 at once

# Evaluation runs in chunks of rows whose activations stay under EVAL_BYTES and whose work stays
# under EVAL_MACS multiply-adds (a fraction of a second, so Stop is seen between chunks).
EVAL_BYTES = 64 << 20
EVAL_MACS = 2_000_000_000
EVAL_MAX_ROWS = 10_000

# A training step cannot be interrupted: refuse configurations whose single step costs more than
# this many multiply-adds (forward and backward) plus the optimizer's passes over the parameters.
# One BLAS thread does float32 matrix products at the order of ten billion multiply-adds a
# second on a modest machine, so this bound is a step of about a second: longer, and Stop would
# wait too long for the step to end.
MAX_STEP_MACS = 10_000_000_000
# Element-wise passes over all parameters per step (optimizer update, plus the health check's max,
# min and copy of the weights every 20 steps), each costing about ELEMENT_COST multiply-adds per
# parameter (they are memory-bound: an element-wise pass is far slower per element than the
# multiply-adds of a matrix product).
OPTIMIZER_PASSES = {"sgd": 4, "momentum": 6, "nesterov": 8, "adagrad": 8, "rmsprop": 9, "adam": 13}
ELEMENT_COST = 20
# augment_batch costs about as much per image as this many multiply-adds of a matrix product
AUGMENT_COST_PER_IMAGE = 2_000_000

HEADROOM_FRACTION = 0.2  # leave this share of the free memory to the app's views and the system
MIN_HEADROOM = 256 << 20


class NotEnoughMemory(UserInputError):
    """A configuration that does not fit (or whose step is absurdly long), refused before allocating."""

    def __init__(self, message: str, needed: int = 0, available: int = 0):
        super().__init__(message)
        self.needed, self.available = needed, available


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes needed, by part (e.g. {"parameters": ..., "gradients": ...}); `total` is their sum."""

    parts: dict = field(default_factory=dict)
    step_macs: int = 0  # cost of one training step in multiply-adds (0: not a training estimate)

    @property
    def total(self) -> int:
        return int(sum(self.parts.values()))

    def describe(self) -> str:
        """'parameters 1.2 GB, gradients 1.2 GB, ...', largest first."""
        items = sorted(((v, k) for k, v in self.parts.items() if v), reverse=True)
        return ", ".join(f"{k} {format_bytes(v)}" for v, k in items)


# ---------------------------------------------------------------------- sizes
def format_bytes(n: float) -> str:
    """1536 → '1.5 KB', 7.5e10 → '75 GB' (decimal units, two significant digits)."""
    n = float(n)
    for unit in ("B", "KB", "MB", "GB", "TB", "PB"):
        if abs(n) < 1000 or unit == "PB":
            if unit == "B":
                return f"{n:.0f} B"
            return f"{n:.1f} {unit}" if abs(n) < 10 else f"{n:,.0f} {unit}"
        n /= 1000
    return f"{n:.0f} PB"  # pragma: no cover - the loop returns


def _itemsize(dtype) -> int:
    name = getattr(dtype, "name", str(dtype))
    return {"float16": 2, "float32": 4, "float64": 8}.get(name, 8)


def parameter_count(sizes) -> int:
    """Weights and biases of an MLP with these layer widths, e.g. [784, 50, 10] → 39,760."""
    sizes = [int(s) for s in sizes]
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))


def macs_per_row(sizes) -> int:
    """Multiply-adds of one forward pass for one input row."""
    sizes = [int(s) for s in sizes]
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))


def step_macs(sizes, batch: int) -> int:
    """Multiply-adds of one training step: forward, weight gradients, input gradients of layers > 1."""
    sizes = [int(s) for s in sizes]
    backward_dx = sum(a * b for a, b in zip(sizes[1:-1], sizes[2:]))
    return int(batch) * (2 * macs_per_row(sizes) + backward_dx)


def eval_chunk_rows(sizes, dtype="float32") -> int:
    """Rows per forward pass when evaluating, so that a chunk's activations and work stay bounded."""
    sizes = [int(s) for s in sizes]
    per_row_bytes = (sizes[0] + 3 * max(sizes[1:] or [1])) * _itemsize(dtype)
    rows = min(EVAL_BYTES // max(per_row_bytes, 1), EVAL_MACS // max(macs_per_row(sizes), 1), EVAL_MAX_ROWS)
    return max(int(rows), 1)


# ---------------------------------------------------------------------- conv architectures
@dataclass(frozen=True)
class ArchCosts:
    """Per-image figures of an architecture (spec.py): values, not bytes, except where named."""

    parameters: int  # weights and biases
    train_values: int  # values one image keeps alive through a training step (forward and backward)
    eval_values: int  # the widest layer of an inference pass (its input, im2col buffers, output)
    macs: int  # multiply-adds of one forward pass
    inputs: int  # values of one input image


def arch_costs(layers, input_shape=INPUT_SHAPE) -> ArchCosts:
    """What a SequentialNet of these layers (parsed, or the text) costs per image.

    Counted after conv.py's scheme: a convolution keeps its padded input and its im2col matrix
    (OH·OW rows of C·FH·FW taps) from the forward pass to the backward pass, where it makes the
    output's gradient in its own layout and the padded input's gradient (dcol goes into the spent
    im2col matrix); pooling keeps its output and the arg-max, and its backward pass a padded
    gradient. Training holds every layer's kept buffers at once plus the largest backward pass's
    temporaries. An activation after a layer is counted even where SequentialNet fuses a ReLU
    into the pooling after it (an upper bound there)."""
    if isinstance(layers, str):
        layers = parse_arch(layers, input_shape)
    shape = tuple(int(n) for n in input_shape)
    kept = backward = evaluation = macs = 0
    last = len(layers) - 1
    for i, (layer, out) in enumerate(zip(layers, layer_shapes(layers, input_shape))):
        n_in, n_out = _prod(shape), _prod(out)
        if isinstance(layer, Dense):
            macs += n_in * layer.units
            here, back = n_in + n_out, n_in + 2 * n_out  # flattened copy, output; their gradients
        else:
            c, h, w = shape
            padded = c * (h + 2 * layer.pad) * (w + 2 * layer.pad)
            if isinstance(layer, Conv):
                col = out[1] * out[2] * c * layer.fh * layer.fw  # im2col: a row per output position
                macs += out[1] * out[2] * layer.filters * c * layer.fh * layer.fw
                here, back = padded + col + n_out, 2 * n_out + padded
            else:  # the output, its one-byte arg-max and (padding) a padded copy; dout, where, dx
                here, back = n_out + n_out // 4 + (padded if layer.pad else 0), 2 * n_out + padded
        if i < last and isinstance(layer, (Conv, Dense)):
            here += 2 * n_out  # the activation after it: its output and mask
            back = max(back, 2 * n_out)
        kept += here
        backward = max(backward, back)
        evaluation = max(evaluation, n_in + here + n_out)  # the next layer's fresh output too
        shape = out
    params = sum(_prod(s) for s in param_shapes(layers, input_shape).values())
    return ArchCosts(params, kept + backward, evaluation, macs, _prod(input_shape))


def _prod(shape) -> int:
    n = 1
    for d in shape:
        n *= int(d)
    return n


def arch_eval_chunk_rows(layers, input_shape=INPUT_SHAPE, dtype="float32") -> int:
    """Rows per inference pass of an architecture, so that a chunk's buffers and work stay bounded."""
    costs = arch_costs(layers, input_shape)
    rows = min(EVAL_BYTES // max(costs.eval_values * _itemsize(dtype), 1),
               EVAL_MACS // max(costs.macs, 1), EVAL_MAX_ROWS)
    return max(int(rows), 1)


# ---------------------------------------------------------------------- estimates
def estimate_network(sizes, dtype="float32") -> MemoryEstimate:
    """Building one network: its parameters (drawn in place, in the training dtype)."""
    return MemoryEstimate({"parameters": parameter_count(sizes) * _itemsize(dtype)})


def estimate_training(config, n_train: int = MNIST_TRAIN, n_test: int = MNIST_TEST, n_extra: int = 0,
                      input_size: int = INPUT_SIZE, output_size: int = OUTPUT_SIZE,
                      network_exists: bool = False) -> MemoryEstimate:
    """Bytes one run of `config` (a TrainConfig) allocates on top of the loaded data.

    n_train, n_test : rows of the data sets (n_train before config.train_subset is applied)
    n_extra : rows appended to the training set besides the synthetic digits (the user's digits)
    network_exists : the run continues an existing network (its parameters are not new)
    """
    item = _itemsize(config.dtype)
    if getattr(config, "arch", None):
        return _estimate_arch_training(config, n_train, n_test, n_extra, network_exists)
    sizes = [int(input_size), *config.hidden, int(output_size)]
    p = parameter_count(sizes)
    n = min(int(n_train), config.train_subset or int(n_train))
    synth = int(config.synthetic)
    rows = n + int(n_extra) + synth
    batch = int(config.batch_size)
    if config.sampling == "shuffle":
        batch = max(min(batch, rows), 1)  # a batch never holds more than the whole set
    hidden = sum(sizes[1:-1])
    parts = {
        "parameters": 0 if network_exists else p * item,
        "gradients": p * item,
        "optimizer state": OPTIMIZER_STATE.get(str(config.optimizer).lower(), 2) * p * item,
        "weight copies": RUN_WEIGHT_COPIES * p * item,
        # the batch itself, hidden outputs with their gradients and a scratch row each, the output
        # layer three times, labels and the indices drawn ahead
        "mini-batch": batch * ((sizes[0] + 3 * hidden + 3 * sizes[-1]) * item + 3 * 8)
        + min(INDEX_BLOCK * batch, max(INDEX_BLOCK_ELEMENTS, batch)) * 8,
        "augmentation": batch * AUGMENT_BYTES_PER_IMAGE if config.augment else 0,
        "evaluation": eval_chunk_rows(sizes, config.dtype) * (sizes[0] + 3 * max(sizes[1:])) * item
        + (min(n, config.eval_train or n) + int(n_test)) * 8,
        # drawn as float32 (plus labels and a flag each), then the whole training set is copied
        # once to append the extra rows
        "synthetic digits": synth * (784 * 4 + 2) if synth else 0,
        "training set copy": rows * (sizes[0] * item + 8) if synth or n_extra else 0,
    }
    passes = OPTIMIZER_PASSES.get(str(config.optimizer).lower(), max(OPTIMIZER_PASSES.values()))
    augment = AUGMENT_COST_PER_IMAGE * batch if config.augment else 0
    return MemoryEstimate(parts, step_macs(sizes, batch) + ELEMENT_COST * passes * p + augment)


def _batch_rows(config, n_train: int, n_extra: int) -> tuple[int, int, int]:
    """(training rows before extras, all training rows, mini-batch rows) of a run."""
    n = min(int(n_train), config.train_subset or int(n_train))
    rows = n + int(n_extra) + int(config.synthetic)
    batch = int(config.batch_size)
    if config.sampling == "shuffle":
        batch = max(min(batch, rows), 1)
    return n, rows, batch


def _estimate_arch_training(config, n_train, n_test, n_extra, network_exists) -> MemoryEstimate:
    """estimate_training for a configuration with an architecture text (conv layers)."""
    item = _itemsize(config.dtype)
    costs = arch_costs(config.arch)
    p = costs.parameters
    n, rows, batch = _batch_rows(config, n_train, n_extra)
    synth = int(config.synthetic)
    parts = {
        "parameters": 0 if network_exists else p * item,
        "gradients": 2 * p * item,  # the layers' dW and db, then the flat buffer the optimizer steps
        "optimizer state": OPTIMIZER_STATE.get(str(config.optimizer).lower(), 2) * p * item,
        "weight copies": RUN_WEIGHT_COPIES * p * item,
        # the batch, every layer's buffers (im2col included), labels and the indices drawn ahead
        "mini-batch": batch * ((costs.inputs + costs.train_values) * item + 3 * 8)
        + min(INDEX_BLOCK * batch, max(INDEX_BLOCK_ELEMENTS, batch)) * 8,
        "augmentation": batch * AUGMENT_BYTES_PER_IMAGE if config.augment else 0,
        "evaluation": arch_eval_chunk_rows(config.arch, INPUT_SHAPE, config.dtype) * costs.eval_values * item
        + (min(n, config.eval_train or n) + int(n_test)) * 8,
        "synthetic digits": synth * (784 * 4 + 2) if synth else 0,
        "training set copy": rows * (costs.inputs * item + 8) if synth or n_extra else 0,
    }
    passes = OPTIMIZER_PASSES.get(str(config.optimizer).lower(), max(OPTIMIZER_PASSES.values()))
    augment = AUGMENT_COST_PER_IMAGE * batch if config.augment else 0
    # forward, the weight gradients and the input gradients (conv.py computes the first layer's too)
    return MemoryEstimate(parts, 3 * batch * costs.macs + ELEMENT_COST * passes * p + augment)


# ---------------------------------------------------------------------- what is free
def usable_memory(available: int) -> int:
    """What a configuration may take of `available`: the rest is left to the views and the system."""
    return int(available - max(HEADROOM_FRACTION * available, MIN_HEADROOM))


# ---------------------------------------------------------------------- refusing with advice
def _fits(estimate: MemoryEstimate, available: int) -> bool:
    return estimate.total <= usable_memory(available) and estimate.step_macs <= MAX_STEP_MACS


def _largest(fits, lo: int, hi: int) -> int | None:
    """The largest n in [lo, hi] with fits(n) (fits is monotone: true up to some n), or None."""
    if hi < lo or not fits(lo):
        return None
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _round_down(n: int) -> int:
    """Two significant digits, downwards: 41,873 → 41,000 (still fits: the estimate is monotone)."""
    if n < 100:
        return n
    scale = 10 ** (len(str(n)) - 2)
    return n // scale * scale


def _suggestions(config, available: int, estimate_for) -> list[str]:
    """One change at a time that makes the configuration fit, the mildest first."""
    options = []
    if config.hidden and not getattr(config, "arch", None):
        top = max(config.hidden)
        n = _largest(lambda m: _fits(estimate_for(config.with_(hidden=tuple(min(h, m) for h in config.hidden))),
                                     available), 1, top - 1)
        if n:
            options.append((n / top, f"hidden sizes of at most {_round_down(n):,}"))
    if config.batch_size > 1:
        n = _largest(lambda m: _fits(estimate_for(config.with_(batch_size=m)), available), 1,
                     config.batch_size - 1)
        if n:
            options.append((n / config.batch_size, f"a batch of at most {_round_down(n):,}"))
    if config.synthetic:
        n = _largest(lambda m: _fits(estimate_for(config.with_(synthetic=m)), available), 0,
                     config.synthetic - 1)
        if n is not None:
            options.append((n / config.synthetic, f"fewer synthetic digits (at most {_round_down(n):,})"
                            if n else "no synthetic digits"))
    options.sort(key=lambda o: -o[0])
    return [text for _, text in options[:2]]


def _refusal(what: str, estimate: MemoryEstimate, available: int, advice: list[str]) -> NotEnoughMemory:
    needed = estimate.total
    if needed > usable_memory(available):
        close = "" if needed > available else " (too close: the app and the system need some too)"
        text = (f"{what} needs ~{format_bytes(needed)} of memory, {format_bytes(available)} free{close}")
    else:
        text = (f"{what} would need ~{estimate.step_macs / 1e9:,.0f} billion operations per step "
                f"(seconds each, and Stop waits for the step in progress)")
    if advice:
        text += ": try " + " or ".join(advice)
    return NotEnoughMemory(text, needed, available)


def check_training(config, n_train: int = MNIST_TRAIN, n_test: int = MNIST_TEST, n_extra: int = 0,
                   input_size: int = INPUT_SIZE, output_size: int = OUTPUT_SIZE,
                   network_exists: bool = False, available: int | None = None) -> MemoryEstimate:
    """The estimate of a run when it fits; NotEnoughMemory (with advice) when it does not."""
    def estimate_for(cfg):
        return estimate_training(cfg, n_train, n_test, n_extra, input_size, output_size, network_exists)

    estimate = estimate_for(config)
    if available is None:
        available = available_memory()
    if _fits(estimate, available):
        return estimate
    raise _refusal("this run", estimate, available, _suggestions(config, available, estimate_for))


def check_network(sizes, dtype="float32", available: int | None = None) -> MemoryEstimate:
    """The estimate of building a network of these layer widths; NotEnoughMemory when it does not fit."""
    sizes = [int(s) for s in sizes]
    estimate = estimate_network(sizes, dtype)
    if available is None:
        available = available_memory()
    if estimate.total <= usable_memory(available):
        return estimate
    advice = []
    hidden = sizes[1:-1]
    if hidden:
        top = max(hidden)
        n = _largest(lambda m: estimate_network([sizes[0], *(min(h, m) for h in hidden), sizes[-1]],
                                                dtype).total <= usable_memory(available), 1, top - 1)
        if n:
            advice.append(f"hidden sizes of at most {_round_down(n):,}")
    estimate = MemoryEstimate(estimate.parts)
    raise _refusal(f"a {'-'.join(map(str, sizes))} network", estimate, available, advice)


def check_synthetic(n: int, available: int | None = None) -> None:
    """Refuse drawing `n` synthetic digits (float32 images) when they do not fit."""
    estimate = MemoryEstimate({"synthetic digits": int(n) * (784 * 4 + 2)})
    if available is None:
        available = available_memory()
    if estimate.total <= usable_memory(available):
        return
    n_max = usable_memory(available) // (784 * 4 + 2)
    raise _refusal(f"{int(n):,} synthetic digits", estimate, available,
                   [f"fewer synthetic digits (at most {_round_down(max(int(n_max), 0)):,})"])

