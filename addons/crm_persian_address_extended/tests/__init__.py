from . import test_cities
