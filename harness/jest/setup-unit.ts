// Runs before every unit test file.
