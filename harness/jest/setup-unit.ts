// Runs before every unit test file.
import '../schema/matcher';
