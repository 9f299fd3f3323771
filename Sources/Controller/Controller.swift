// Controller module. See README.md in this folder.
