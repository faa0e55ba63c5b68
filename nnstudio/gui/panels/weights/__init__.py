"""The Weights panel: first-layer weights as tiles, every layer as a heatmap, activations."""
