"""The Concepts panel: explorers for activations, softmax, losses, the forward pass, perceptrons, gradient checks."""
