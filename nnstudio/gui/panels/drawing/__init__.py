"""The Drawing pad panel: draw or open a digit, see the network's reading, keep your own digits."""
