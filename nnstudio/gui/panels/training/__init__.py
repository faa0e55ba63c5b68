"""The Training panel: presets, a run's controls, live loss and accuracy plots, run history."""
