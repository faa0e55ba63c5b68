"""The 2D playground: surfaces, a safe formula parser, gradient descent and perceptrons."""
