"""Screens of the reader; screens coordinate the widgets they hold."""
