from . import page_visit
