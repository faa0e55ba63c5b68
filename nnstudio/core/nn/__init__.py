"""The books' engine: functions, layers, networks, optimizers, the trainer and model files."""
