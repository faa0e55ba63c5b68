"""The Gradient descent panel: optimizers racing on 2D surfaces."""
