"""One YAML file per stretch -> the site's Markdown pages: load, validate, render, write."""
