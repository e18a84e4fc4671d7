from . import crm_attribution_report
from . import crm_sales_reports
