"""The widgets (PySide6). Everything below desktop/ui may import Qt; nothing else may."""
