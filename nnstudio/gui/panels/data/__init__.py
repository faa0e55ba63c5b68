"""The Data panel: browse the dataset, evaluate the current model, confusion matrix."""
