from . import crm_attribution_report
from . import crm_sales_velocity_report
from . import crm_funnel_velocity_report
from . import crm_forecast_report
from . import crm_customer_kpi_report
