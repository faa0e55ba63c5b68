"""Handwritten digits: MNIST reading, evaluation, the pad's preprocessing, augmentation, synthetic and the user's own digits."""
