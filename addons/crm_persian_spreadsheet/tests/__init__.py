from . import test_spreadsheet_pivot
