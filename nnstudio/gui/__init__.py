"""The Qt application: panels and widgets that present and drive nnstudio.core."""
