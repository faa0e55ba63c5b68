"""How the app names a network's shape in labels: "784-50-10" for an MLP, the layers' text for a
network built from an architecture ("conv 8 3x3, pool 2, dense 10")."""

from __future__ import annotations


def network_shape(network) -> str:
    """The architecture text of a conv (sequential) network, else the MLP's sizes joined by '-'."""
    arch = getattr(network, "arch", None)
    if arch:
        return str(arch)
    return "-".join(str(s) for s in network.sizes)


def is_conv(network) -> bool:
    """True for a network built from an architecture text (conv, pool and dense layers)."""
    return bool(getattr(network, "arch", None))
